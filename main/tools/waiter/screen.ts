import { formatRoubles, kopecksFromWire } from '../../../shared/money.js';
import type { GiftDish } from '../../../shared/wire/gifts.js';
import type { HealthResponse } from '../../../shared/wire/health.js';
import type { GiftStatus, OrderStatus, OrderView } from '../../../shared/wire/order-view.js';
import type { PaymentResponse, RefundResponse } from '../../../shared/wire/payment.js';
import type { PrecheckResponse } from '../../../shared/wire/precheck.js';
import { isRefusal, type Answer, type WaiterCash } from './client.js';

/** What the waiter's phone would show, as lines of Russian text. Pure: no I/O here. */

/** "1 500,00 ₽" with plain spaces, so the lines can be grepped and pasted. */
export const rub = (kopecks: number): string => formatRoubles(kopecks, 'ru').replace(/\u00a0/g, ' ');
const wireRub = (wire: number): string => rub(kopecksFromWire(wire) ?? 0);
const points = (wire: number): string => `${wireRub(wire).replace(/ ₽$/, '')} баллов`;

const ORDER_STATUS: Record<OrderStatus, string> = { Open: 'открыт', Paid: 'оплачен', Refunded: 'оформлен возврат' };
const GIFT_STATUS: Record<GiftStatus, string> = { Added: 'в заказе', Redeemed: 'списан при оплате', Cancelled: 'отменён' };

/**
 * The first line for any answer that is not a success: the popup (⚠ WaiterMessage) and, when the
 * status is not 2xx, the HTTP status and the fields the server named. Null for a success.
 */
export function problemLines(answer: Answer<unknown>): string[] | null {
  const ok = answer.status >= 200 && answer.status < 300;
  const popup = isRefusal(answer.body) ? `⚠ ${answer.body.WaiterMessage}` : null;
  if (ok && !popup) return null;
  if (ok) return [popup as string];
  const lines = [`HTTP ${answer.status}${popup ? `: ${popup}` : answer.text ? `: ${answer.text.slice(0, 200)}` : ''}`];
  if (isRefusal(answer.body)) {
    for (const error of answer.body.Errors ?? []) lines.push(`  поле ${error.Field}: ${error.Message}`);
  }
  return lines;
}

export function orderLines(view: OrderView): string[] {
  const lines = [`Заказ ${view.OrderId}: ${ORDER_STATUS[view.Status]}`];
  lines.push(
    view.Guest
      ? `Гость: ${view.Guest.FullName} — баланс ${wireRub(view.Guest.Balance)}, доступно ${wireRub(view.Guest.Available)}`
      : 'Гость: не привязан (сделайте чекин)',
  );
  for (const gift of view.OfferedGifts) lines.push(`[🎁 ${gift.Name}] — кнопка подарка (${points(gift.Points)}), id ${gift.Id}`);
  for (const gift of view.Gifts) {
    lines.push(`Подарок: ${gift.Name}, блюдо ${gift.ProductCode}, ${points(gift.Points)} — ${GIFT_STATUS[gift.Status]}`);
  }
  if (view.BonusPayment) lines.push(`Оплата бонусами: ${wireRub(view.BonusPayment.Sum)} (максимум ${wireRub(view.BonusPayment.MaxSum)})`);
  return lines;
}

export function giftAddedLines(gift: GiftDish): string[] {
  return [`Подарок добавлен: ${gift.Name} — блюдо ${gift.ProductCode} по нулевой цене; ${points(gift.Points)} спишутся при оплате`];
}

export function precheckLines(answer: PrecheckResponse): string[] {
  const lines = [`Пречек: бонусами ${wireRub(answer.BonusSum)} из возможных ${wireRub(answer.MaxSum)} (баланс гостя ${wireRub(answer.Balance)})`];
  for (const item of answer.PaymentItems) lines.push(`  оплата «${item.PaymentType.Name}» (${item.PaymentType.Id}): ${wireRub(item.Sum)}`);
  return lines;
}

export function paymentLines(answer: PaymentResponse): string[] {
  const lines = [
    `Оплачено: бонусами ${wireRub(answer.BonusWrittenOff)}, подарками ${points(answer.GiftPointsWrittenOff)}, начислено ${wireRub(answer.Accrued)}`,
  ];
  if (answer.GiftsRedeemed.length > 0) lines.push(`Подарки списаны: ${answer.GiftsRedeemed.join(', ')}`);
  if (answer.WaiterDebt > 0) lines.push(`Наличные под отчёт официанту: ${wireRub(answer.WaiterDebt)}`);
  if (answer.Balance !== null) lines.push(`Баланс гостя: ${wireRub(answer.Balance)}`);
  return lines;
}

export function refundLines(answer: RefundResponse): string[] {
  const lines = [
    `Возврат оформлен: вернули ${wireRub(answer.BonusReturned)} бонусов и ${points(answer.GiftPointsReturned)} подарков, начисление ${wireRub(answer.AccrualReversed)} снято`,
  ];
  if (answer.WaiterDebtReversed > 0) lines.push(`Долг официанта уменьшен на ${wireRub(answer.WaiterDebtReversed)}`);
  if (answer.Balance !== null) lines.push(`Баланс гостя: ${wireRub(answer.Balance)}`);
  return lines;
}

export function healthLines(health: HealthResponse): string[] {
  const provider = health.Provider === 'local' ? 'встроенная книга лояльности' : `облако GetMeBack, в очереди ${health.Outbox}`;
  return [`Касса на связи: версия ${health.Version}, ${provider}`];
}

export function waiterCashLines(waiters: WaiterCash[]): string[] {
  if (waiters.length === 0) return ['Долги официантов: нет'];
  return waiters.map((waiter) => `Долг официанта ${waiter.name ?? waiter.id} по наличным: ${rub(waiter.debt)}`);
}
