import type { Language } from './language.js';
import { formatBonuses, formatRoubles } from './numbers.js';

/**
 * What the waiter reads in the iikoWaiter popup: what happened and what to do next, in one or two
 * short sentences (docs/glossary.md). What the waiter cannot fix ends with «сообщите
 * администратору» and the request's code — never a field name. Names and gifts come as text,
 * sums as kopecks or hundredths of bonuses, formatted here in the message's language (bonuses as
 * «300 бонусов», never ₽); `code` is the request's short code, given to every message by `waiterMessage`.
 */
interface Code {
  code: string;
}

/** Sums reach a message as integers of hundredths (kopecks, or bonuses × 100): it formats them in its own language. */
type Hundredths = number;

const ru = {
  unknownCode: (_: Code) => 'Гость не найден в GetMeBack. Проверьте QR-код, номер телефона или карты и повторите чекин.',
  unreadableCode: (_: Code) =>
    'QR-код не прочитан. Отсканируйте его ещё раз или введите номер телефона или карты гостя.',
  guestGone: (p: Code) =>
    `Гость этого заказа не найден в GetMeBack. Сделайте чекаут гостя и чекин заново; если не помогает, сообщите администратору, код запроса ${p.code}.`,
  otherGuestBound: (p: Code & { name: string }) =>
    `К заказу уже привязан гость ${p.name}. Сделайте чекаут этого гостя, затем чекин нового.`,
  voucherRedeemed: (p: Code & { gift: string }) =>
    `Подарок «${p.gift}» уже использован. Попросите гостя показать QR-код другого подарка.`,
  voucherInOtherOrder: (p: Code & { gift: string }) =>
    `Подарок «${p.gift}» уже добавлен в другой открытый заказ. Уберите его из того заказа или выберите другой подарок.`,
  orderPaid: (_: Code) => 'Заказ уже оплачен, изменить его нельзя. Для новых блюд откройте новый заказ.',
  orderRefunded: (_: Code) => 'По заказу оформлен возврат, изменить его нельзя. Для новых блюд откройте новый заказ.',
  orderChangedWhilePaying: (_: Code) => 'Пока проводилась оплата, к заказу привязали гостя. Повторите оплату: бонусы гостя будут учтены.',
  providerUnavailable: (p: Code) =>
    `Нет связи с GetMeBack. Повторите через минуту; если не помогает, сообщите администратору, код запроса ${p.code}.`,
  giftNotOffered: (_: Code) => 'Этого подарка нет в заказе. Сделайте чекин QR-кода подарка и нажмите кнопку подарка.',
  notEnoughPoints: (p: Code & { name: string; available: Hundredths; needed: Hundredths }) =>
    `Не хватает бонусов на подарок. Гость: ${p.name}; есть ${formatBonuses(p.available, 'ru')}, нужно ${formatBonuses(p.needed, 'ru')}. Выберите другой подарок.`,
  noGuest: (_: Code) => 'К заказу не привязан гость. Сначала сделайте чекин гостя.',
  noBonusPaymentType: (p: Code) =>
    `Оплата бонусами не настроена: в GetMeBack Till не указан ID типа оплаты GetMeBack (Bonus payment type). Примите оплату без бонусов и сообщите администратору, код запроса ${p.code}.`,
  /** `heldElsewhere`: the guest's bonuses reserved in other open orders, which is why the maximum is low. */
  bonusOverMax: (p: Code & { sum: Hundredths; max: Hundredths; heldElsewhere?: Hundredths }) =>
    `Бонусами можно оплатить максимум ${formatBonuses(p.max, 'ru')}, а указано ${formatBonuses(p.sum, 'ru')}.` +
    (p.heldElsewhere ? ` В резерве в другом открытом заказе гостя: ${formatBonuses(p.heldElsewhere, 'ru')}.` : '') +
    ' Уменьшите сумму бонусов.',
  bonusWithoutGuest: (_: Code) => 'В оплате есть бонусы GetMeBack, но к заказу не привязан гость. Сделайте чекин гостя или уберите оплату бонусами.',
  notPaidForRefund: (_: Code) => 'Возврат невозможен: заказ ещё не оплачен. Проверьте, тот ли это заказ.',
  badRequest: (p: Code) =>
    `GetMeBack Till не понял запрос iikoWaiter. Повторите действие; если не помогает, сообщите администратору, код запроса ${p.code}.`,
  tooLarge: (p: Code) => `Запрос iikoWaiter слишком большой. Сообщите администратору, код запроса ${p.code}.`,
  paymentInProgress: (_: Code) => 'Эта оплата уже проводится. Подождите несколько секунд и откройте заказ снова.',
  keyReused: (_: Code) => 'Эта попытка оплаты уже проведена с другими суммами. Откройте заказ, проверьте оплату и начните её заново.',
  refundInProgress: (_: Code) => 'Этот возврат уже проводится. Подождите несколько секунд и откройте заказ снова.',
  refundKeyReused: (_: Code) => 'Эта попытка возврата уже проведена с другими данными. Откройте заказ, проверьте возврат и начните его заново.',
  internal: (p: Code) =>
    `Ошибка в GetMeBack Till. Повторите действие; если не помогает, сообщите администратору, код запроса ${p.code}.`,
  orderSumOverLimit: (p: Code & { sum: Hundredths; max: Hundredths }) =>
    `Сумма заказа ${formatRoubles(p.sum, 'ru')} больше предела GetMeBack Till (${formatRoubles(p.max, 'ru')}). Проверьте сумму; если она верна, сообщите администратору, код запроса ${p.code}.`,
  cashbackOverLimit: (p: Code & { sum: Hundredths; max: Hundredths }) =>
    `Начисление за одну оплату (${formatBonuses(p.sum, 'ru')}) больше предела GetMeBack Till (${formatBonuses(p.max, 'ru')}). Проверьте сумму; если она верна, сообщите администратору, код запроса ${p.code}.`,
  unknownWaiterPin: (_: Code) =>
    'Ваш PIN не найден в GetMeBack Till. Проверьте PIN в iikoWaiter или попросите администратора добавить вас в список официантов.',
  callerNotAllowed: (p: Code & { address: string }) =>
    `GetMeBack Till не принимает запросы с этого терминала (${p.address}). Сообщите администратору: на главной кассе в разделе «Подключение» нажмите «Разрешить» у этого адреса (настройка «Терминалы iikoWaiter»).`,
  forbidden: (p: Code) => `GetMeBack Till не принимает запросы с этого устройства. Сообщите администратору, код запроса ${p.code}.`,
  notFound: (_: Code) => 'По этому адресу нет GetMeBack Till. Проверьте адрес сервера (Server Address) в настройках iikoWaiter → External Loyalty.',
  tooManyRequests: (_: Code) => 'Слишком много запросов. Подождите несколько секунд и повторите.',
  diskFull: (p: Code) =>
    `На диске главной кассы нет места: GetMeBack Till ничего не записал. Повторите, когда администратор освободит место; сообщите администратору, код запроса ${p.code}.`,
  diskReadOnly: (p: Code) =>
    `Папка данных GetMeBack Till открыта только для чтения: ничего не записано. Повторите, когда администратор это исправит; сообщите администратору, код запроса ${p.code}.`,
  diskFailing: (p: Code) =>
    `Диск главной кассы не принял запись: GetMeBack Till ничего не записал. Повторите через минуту; если не помогает, сообщите администратору, код запроса ${p.code}.`,
} as const;

type Catalogue = { [K in keyof typeof ru]: (typeof ru)[K] };

const en: Catalogue = {
  unknownCode: () => 'Guest not found in GetMeBack. Check the QR code, phone or card number and check in again.',
  unreadableCode: () => 'The code could not be read. Scan the QR code again or type the guest’s phone or card number.',
  guestGone: (p) =>
    `This order's guest is no longer found in GetMeBack. Check the guest out and in again; if that does not help, tell the administrator, request code ${p.code}.`,
  otherGuestBound: (p) => `Guest ${p.name} is already bound to this order. Check that guest out, then check in the new one.`,
  voucherRedeemed: (p) => `Gift "${p.gift}" has already been used. Ask the guest for another gift's QR code.`,
  voucherInOtherOrder: (p) => `Gift "${p.gift}" is already added to another open order. Remove it there or choose another gift.`,
  orderPaid: () => 'The order is already paid and cannot be changed. Open a new order for more dishes.',
  orderRefunded: () => 'The order has been refunded and cannot be changed. Open a new order for more dishes.',
  orderChangedWhilePaying: () => 'A guest was checked in to this order while it was being paid. Pay again: the guest’s bonuses will count.',
  providerUnavailable: (p) => `GetMeBack cannot be reached. Try again in a minute; if that does not help, tell the administrator, request code ${p.code}.`,
  giftNotOffered: () => 'This gift is not in the order. Check in the gift QR code and press the gift button.',
  notEnoughPoints: (p) =>
    `Guest ${p.name} has not enough bonuses for the gift: ${formatBonuses(p.available, 'en')} available, ${formatBonuses(p.needed, 'en')} needed. Choose another gift.`,
  noGuest: () => 'No guest is bound to the order. Check the guest in first.',
  noBonusPaymentType: (p) =>
    `Bonus payment is not set up: GetMeBack Till has no GetMeBack payment type ID (Bonus payment type). Take the payment without bonuses and tell the administrator, request code ${p.code}.`,
  bonusOverMax: (p) =>
    `At most ${formatBonuses(p.max, 'en')} can pay for this order, but ${formatBonuses(p.sum, 'en')} was entered.` +
    (p.heldElsewhere ? ` Reserved in another open order of the guest: ${formatBonuses(p.heldElsewhere, 'en')}.` : '') +
    ' Lower the bonus sum.',
  bonusWithoutGuest: () => 'The payment has GetMeBack bonuses but no guest is bound to the order. Check the guest in or remove the bonus payment.',
  notPaidForRefund: () => 'Cannot refund: the order is not paid yet. Check that this is the right order.',
  badRequest: (p) => `GetMeBack Till did not understand iikoWaiter's request. Try again; if that does not help, tell the administrator, request code ${p.code}.`,
  tooLarge: (p) => `iikoWaiter's request is too large. Tell the administrator, request code ${p.code}.`,
  paymentInProgress: () => 'This payment is already in progress. Wait a few seconds and open the order again.',
  keyReused: () => 'This payment attempt was already made with other sums. Open the order, check the payment and start it again.',
  refundInProgress: () => 'This refund is already in progress. Wait a few seconds and open the order again.',
  refundKeyReused: () => 'This refund attempt was already made with other data. Open the order, check the refund and start it again.',
  internal: (p) => `Error in GetMeBack Till. Try again; if that does not help, tell the administrator, request code ${p.code}.`,
  orderSumOverLimit: (p) =>
    `The order sum ${formatRoubles(p.sum, 'en')} is above GetMeBack Till's limit (${formatRoubles(p.max, 'en')}). Check the sum; if it is right, tell the administrator, request code ${p.code}.`,
  cashbackOverLimit: (p) =>
    `The cashback of one payment (${formatBonuses(p.sum, 'en')}) is above GetMeBack Till's limit (${formatBonuses(p.max, 'en')}). Check the sum; if it is right, tell the administrator, request code ${p.code}.`,
  unknownWaiterPin: () => 'Your PIN is not known to GetMeBack Till. Check the PIN in iikoWaiter or ask the administrator to add you to the waiters.',
  callerNotAllowed: (p) =>
    `GetMeBack Till does not accept requests from this terminal (${p.address}). Tell the administrator: on the main till, open Setup and press "Allow" next to this address (setting "iikoWaiter terminals").`,
  forbidden: (p) => `GetMeBack Till does not accept requests from this device. Tell the administrator, request code ${p.code}.`,
  notFound: () => 'There is no GetMeBack Till at this address. Check the Server Address in iikoWaiter settings → External Loyalty.',
  tooManyRequests: () => 'Too many requests. Wait a few seconds and try again.',
  diskFull: (p) =>
    `The main till's disk is full: GetMeBack Till wrote nothing. Try again once the administrator frees space; tell the administrator, request code ${p.code}.`,
  diskReadOnly: (p) =>
    `GetMeBack Till's data folder is read-only: nothing was written. Try again once the administrator fixes it; tell the administrator, request code ${p.code}.`,
  diskFailing: (p) =>
    `The main till's disk refused a write: GetMeBack Till wrote nothing. Try again in a minute; if that does not help, tell the administrator, request code ${p.code}.`,
};

export type WaiterMessageKey = keyof Catalogue;
/** What a message needs besides the request's code (which `waiterMessage` adds itself). */
export type WaiterMessageParams<K extends WaiterMessageKey> = Omit<Parameters<Catalogue[K]>[0], 'code'>;
/** No argument for a message that needs nothing but the code; its parameters otherwise. */
export type WaiterMessageArgs<K extends WaiterMessageKey> = keyof WaiterMessageParams<K> extends never ? [] : [WaiterMessageParams<K>];

export const WAITER_MESSAGE_KEYS = Object.keys(ru) as WaiterMessageKey[];

const catalogues: Record<Language, Catalogue> = { ru, en };

/** The popup text for `key`; `code` is the request's short code (its RequestId). */
export function waiterMessage<K extends WaiterMessageKey>(language: Language, key: K, code: string, ...params: WaiterMessageArgs<K>): string {
  const render = catalogues[language][key] as (p: Code) => string;
  return render({ ...(params[0] ?? {}), code });
}
