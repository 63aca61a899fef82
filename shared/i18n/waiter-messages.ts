import type { Language } from './language.js';

/**
 * What the waiter reads in the iikoWaiter popup. Each message says what happened and what to do
 * next. Parameters are already formatted for people (names, sums with ₽).
 */
const ru = {
  unknownCode: () => 'Код не найден в GetMeBack. Проверьте QR-код, номер телефона или карты и отсканируйте ещё раз.',
  unreadableCode: () => 'Код не прочитан. Отсканируйте QR-код ещё раз или введите номер телефона или карты гостя.',
  otherGuestBound: (p: { name: string }) =>
    `К заказу уже привязан гость ${p.name}. Сначала сделайте чекаут гостя, затем повторите чекин.`,
  voucherRedeemed: (p: { gift: string }) => `Подарок «${p.gift}» уже использован. Отсканируйте другой QR-код подарка.`,
  voucherInOtherOrder: (p: { gift: string }) =>
    `Подарок «${p.gift}» уже добавлен в другой открытый заказ. Удалите его из того заказа или отсканируйте другой подарок.`,
  orderPaid: () => 'Заказ уже оплачен: изменить его нельзя.',
  orderRefunded: () => 'По заказу оформлен возврат: изменить его нельзя.',
  providerUnavailable: () =>
    'Нет связи с GetMeBack. Повторите через минуту; если не помогает, сообщите администратору.',
  giftNotOffered: () => 'Этого подарка нет среди предложенных в заказе. Сделайте чекин QR-кода подарка.',
  notEnoughPoints: (p: { name: string; available: string; needed: string }) =>
    `У гостя ${p.name} недостаточно баллов: доступно ${p.available}, нужно ${p.needed}.`,
  noGuest: () => 'К заказу не привязан гость. Сначала сделайте чекин гостя.',
  noBonusPaymentType: () =>
    'Не настроен тип оплаты бонусами GetMeBack (Bonus payment type). Попросите администратора указать его в настройках.',
  orderSumOverLimit: (p: { sum: string; max: string }) =>
    `Сумма заказа ${p.sum} больше предела кассы ${p.max}. Проверьте сумму; если она верна, администратор может поднять предел в настройках (limits.maxOrderSum).`,
  cashbackOverLimit: (p: { sum: string; max: string }) =>
    `Начисление ${p.sum} за одну оплату больше предела кассы ${p.max}. Проверьте сумму; предел задаёт администратор (limits.maxCashback).`,
  unknownWaiterPin: () => 'PIN официанта не найден на кассе. Проверьте PIN в iikoWaiter или попросите администратора добавить официанта.',
  bonusOverMax: (p: { sum: string; max: string }) =>
    `Оплата бонусами ${p.sum} больше доступного максимума ${p.max}. Уменьшите сумму бонусов.`,
  bonusWithoutGuest: () => 'В оплате есть бонусы GetMeBack, но к заказу не привязан гость. Сделайте чекин гостя.',
  notPaidForRefund: () => 'Возврат невозможен: заказ не оплачен.',
  badRequest: (p: { fields: string }) =>
    `Некорректный запрос (${p.fields}). Обновите приложение iikoWaiter или сообщите администратору.`,
  tooLarge: () => 'Слишком большой запрос. Сообщите администратору.',
  paymentInProgress: () => 'Эта оплата уже выполняется. Подождите несколько секунд и проверьте заказ.',
  keyReused: () => 'Этот ключ оплаты уже использован для другого запроса. Повторите оплату заново.',
  internal: (p: { requestId: string }) =>
    `Внутренняя ошибка кассы. Повторите; если не помогает, сообщите администратору (код ${p.requestId}).`,
  forbidden: () => 'Доступ запрещён: касса не принимает запросы с этого адреса.',
  callerNotAllowed: (p: { address: string }) =>
    `Касса не принимает запросы с адреса ${p.address}. На кассе откройте «Подключение» и нажмите «Разрешить» у этого адреса (настройка «Терминалы iikoWaiter», server.allowedRanges).`,
  notFound: () => 'Нет такого адреса. Проверьте Server Address в настройках iikoWaiter.',
  noSuchApi: () => 'Нет такого адреса в API кассы. Обновите страницу панели кассы.',
  tooManyRequests: () => 'Слишком много запросов. Подождите несколько секунд.',
} as const;

type Catalogue = { [K in keyof typeof ru]: (typeof ru)[K] };

const en: Catalogue = {
  unknownCode: () => 'Code not found in GetMeBack. Check the QR code, phone or card number and scan again.',
  unreadableCode: () => 'The code could not be read. Scan the QR code again or type the guest’s phone or card number.',
  otherGuestBound: (p) => `Guest ${p.name} is already bound to this order. Check the guest out first, then check in again.`,
  voucherRedeemed: (p) => `Gift "${p.gift}" has already been used. Scan another gift QR code.`,
  voucherInOtherOrder: (p) =>
    `Gift "${p.gift}" is already added to another open order. Remove it there or scan another gift.`,
  orderPaid: () => 'The order is already paid and cannot be changed.',
  orderRefunded: () => 'The order has been refunded and cannot be changed.',
  providerUnavailable: () => 'GetMeBack cannot be reached. Try again in a minute; if it persists, tell the manager.',
  giftNotOffered: () => 'This gift is not offered in the order. Check in the gift QR code.',
  notEnoughPoints: (p) => `Guest ${p.name} has not enough points: ${p.available} available, ${p.needed} needed.`,
  noGuest: () => 'No guest is bound to the order. Check the guest in first.',
  noBonusPaymentType: () => 'The GetMeBack "Bonus payment type" is not set. Ask the manager to set it in the settings.',
  orderSumOverLimit: (p) =>
    `The order sum ${p.sum} is above the till's limit ${p.max}. Check the sum; if it is right, the manager can raise the limit in the settings (limits.maxOrderSum).`,
  cashbackOverLimit: (p) => `Cashback of ${p.sum} for one payment is above the till's limit ${p.max}. Check the sum; the manager sets the limit (limits.maxCashback).`,
  unknownWaiterPin: () => "The waiter's PIN is not known to the till. Check the PIN in iikoWaiter or ask the manager to add the waiter.",
  bonusOverMax: (p) => `Bonus payment ${p.sum} is more than the available maximum ${p.max}. Lower the bonus sum.`,
  bonusWithoutGuest: () => 'The payment has GetMeBack bonuses but no guest is bound to the order. Check the guest in.',
  notPaidForRefund: () => 'Cannot refund: the order is not paid.',
  badRequest: (p) => `Malformed request (${p.fields}). Update the iikoWaiter app or tell the manager.`,
  tooLarge: () => 'The request is too large. Tell the manager.',
  paymentInProgress: () => 'This payment is already in progress. Wait a few seconds and check the order.',
  keyReused: () => 'This payment key was already used for another request. Start the payment again.',
  internal: (p) => `Internal till error. Try again; if it persists, tell the manager (code ${p.requestId}).`,
  forbidden: () => 'Access denied: the till does not accept requests from this address.',
  callerNotAllowed: (p: { address: string }) =>
    `The till does not accept requests from ${p.address}. On the till, open Setup and press "Allow" next to this address (setting "iikoWaiter terminals", server.allowedRanges).`,
  notFound: () => 'No such address. Check the Server Address in the iikoWaiter settings.',
  noSuchApi: () => 'No such address in the till API. Reload the dashboard page.',
  tooManyRequests: () => 'Too many requests. Wait a few seconds.',
};

export type WaiterMessageKey = keyof Catalogue;
export type WaiterMessageParams<K extends WaiterMessageKey> = Parameters<Catalogue[K]>[0];

const catalogues: Record<Language, Catalogue> = { ru, en };

export function waiterMessage<K extends WaiterMessageKey>(
  language: Language,
  key: K,
  ...params: Parameters<Catalogue[K]>
): string {
  const render = catalogues[language][key] as (p?: unknown) => string;
  return render(params[0]);
}
