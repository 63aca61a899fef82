import { formatBonuses, formatRoubles } from '../../../shared/i18n/numbers.js';
import { kopecksFromWire } from '../../../shared/money.js';
import type { GiftDish } from '../../../shared/wire/gifts.js';
import type { HealthResponse } from '../../../shared/wire/health.js';
import type { GiftStatus, OrderStatus, OrderView } from '../../../shared/wire/order-view.js';
import type { PaymentResponse, RefundResponse } from '../../../shared/wire/payment.js';
import type { PrecheckResponse } from '../../../shared/wire/precheck.js';
import { isRefusal, type Answer, type WaiterCash } from './client.js';

/** What the waiter's phone would show, as lines of Russian text. Pure: no I/O here. */

const plain = (text: string): string => text.replace(/\u00a0/g, ' ');
/** "1 500,00 ₽" with plain spaces, so the lines can be grepped and pasted. */
export const rub = (kopecks: number): string => plain(formatRoubles(kopecks, 'ru'));
const wireRub = (wire: number): string => rub(kopecksFromWire(wire) ?? 0);
/** "1 500 бонусов": bonuses are counted in bonuses, never in roubles. */
export const bonuses = (hundredths: number): string => plain(formatBonuses(hundredths, 'ru'));
const wireBonuses = (wire: number): string => bonuses(kopecksFromWire(wire) ?? 0);

const ORDER_STATUS: Record<OrderStatus, string> = { Open: 'открыт', Paid: 'оплачен', Refunded: 'оформлен возврат' };
const GIFT_STATUS: Record<GiftStatus, string> = { Added: 'добавлен', Redeemed: 'использован', Cancelled: 'отменён' };

/**
 * The first line for any answer that is not a success: the popup (⚠ WaiterMessage) and, when the
 * status is not 2xx, the HTTP status and the fields the server named. Null for a success.
 */
export function problemLines(answer: Answer<unknown>): string[] | null {
  const ok = answer.status >= 200 && answer.status < 300;
  const popup = isRefusal(answer.body) ? `⚠ ${answer.body.WaiterMessage}` : null;
  if (ok && !popup) return null;
  if (ok) return [popup as string];
  const lines = [`Ответ ${answer.status}${popup ? `: ${popup}` : answer.text ? `: ${answer.text.slice(0, 200)}` : ''}`];
  // What iikoWaiter's developers would read (the waiter's popup never names fields).
  if (isRefusal(answer.body)) {
    for (const error of answer.body.Errors ?? []) lines.push(`  поле запроса ${error.Field}: ${error.Message}`);
  }
  return lines;
}

export function orderLines(view: OrderView): string[] {
  const lines = [`Заказ ${view.OrderId}: ${ORDER_STATUS[view.Status]}`];
  lines.push(
    view.Guest
      ? `Гость: ${view.Guest.FullName} — баланс ${wireBonuses(view.Guest.Balance)}, доступно ${wireBonuses(view.Guest.Available)}`
      : 'Гость: не привязан (сделайте чекин)',
  );
  for (const gift of view.OfferedGifts) lines.push(`[🎁 ${gift.Name}] — кнопка подарка (${wireBonuses(gift.Points)}), ID ${gift.Id}`);
  for (const gift of view.Gifts) {
    lines.push(`Подарок: ${gift.Name}, блюдо ${gift.ProductCode}, ${wireBonuses(gift.Points)} — ${GIFT_STATUS[gift.Status]}`);
  }
  if (view.BonusPayment) lines.push(`Резерв бонусов: ${wireBonuses(view.BonusPayment.Sum)} (максимум ${wireBonuses(view.BonusPayment.MaxSum)})`);
  return lines;
}

export function giftAddedLines(gift: GiftDish): string[] {
  return [`Подарок добавлен: ${gift.Name} — блюдо ${gift.ProductCode} по нулевой цене; при оплате списание ${wireBonuses(gift.Points)}`];
}

export function precheckLines(answer: PrecheckResponse): string[] {
  const lines = [`Пречек: резерв ${wireBonuses(answer.BonusSum)}, максимум ${wireBonuses(answer.MaxSum)} (баланс гостя ${wireBonuses(answer.Balance)})`];
  for (const item of answer.PaymentItems) lines.push(`  тип оплаты «${item.PaymentType.Name}» (ID ${item.PaymentType.Id}): ${wireBonuses(item.Sum)}`);
  return lines;
}

export function paymentLines(answer: PaymentResponse): string[] {
  const parts = [
    answer.BonusWrittenOff > 0 && `списано ${wireBonuses(answer.BonusWrittenOff)}`,
    answer.GiftPointsWrittenOff > 0 && `за подарки ${wireBonuses(answer.GiftPointsWrittenOff)}`,
    answer.Accrued > 0 && `начислено ${wireBonuses(answer.Accrued)}`,
  ].filter((part): part is string => part !== false);
  const lines = [parts.length > 0 ? `Заказ оплачен: ${parts.join(', ')}` : 'Заказ оплачен, бонусы не списаны и не начислены'];
  if (answer.GiftsRedeemed.length > 0) lines.push(`Подарки использованы: ${answer.GiftsRedeemed.join(', ')}`);
  if (answer.WaiterDebt > 0) lines.push(`Наличные под отчёт официанту: ${wireRub(answer.WaiterDebt)}`);
  if (answer.Balance !== null) lines.push(`Баланс гостя: ${wireBonuses(answer.Balance)}`);
  return lines;
}

export function refundLines(answer: RefundResponse): string[] {
  const parts = [
    answer.BonusReturned > 0 && `гостю вернули ${wireBonuses(answer.BonusReturned)}`,
    answer.GiftPointsReturned > 0 && `за подарки ${wireBonuses(answer.GiftPointsReturned)}`,
    answer.AccrualReversed > 0 && `начисление отменено: ${wireBonuses(answer.AccrualReversed)}`,
  ].filter((part): part is string => part !== false);
  const lines = [parts.length > 0 ? `Возврат заказа оформлен: ${parts.join(', ')}` : 'Возврат заказа оформлен, бонусы не менялись'];
  if (answer.WaiterDebtReversed > 0) lines.push(`Долг официанта уменьшен на ${wireRub(answer.WaiterDebtReversed)}`);
  if (answer.Balance !== null) lines.push(`Баланс гостя: ${wireBonuses(answer.Balance)}`);
  return lines;
}

export function healthLines(health: HealthResponse): string[] {
  const provider = health.Provider === 'local' ? 'локальная база гостей' : `облако GetMeBack, ждут отправки: ${health.Outbox}`;
  return [`GetMeBack Till на связи: версия ${health.Version}, ${provider}`];
}

export function waiterCashLines(waiters: WaiterCash[]): string[] {
  if (waiters.length === 0) return ['Долги официантов: нет'];
  return waiters.map((waiter) => `Долг официанта ${waiter.name ?? waiter.id} по наличным: ${rub(waiter.debt)}`);
}
