import type { Settings } from '../../../shared/settings/schema.js';
import { Refusal } from './refusal.js';

/**
 * Sanity caps on money from the waiter API (`settings.limits`, kopecks). A real bill never reaches
 * them; a forged or mistyped one (OrderSum 100 000 000 ₽ paid "by card" to accrue millions of points)
 * is refused with a WaiterMessage, and the refusal reaches the cashier's feed like any other.
 */
export function assertOrderSumWithinLimit(settings: Settings, orderSum: number): void {
  const max = settings.limits.maxOrderSum;
  if (orderSum > max) throw new Refusal('orderSumOverLimit', { sum: orderSum, max });
}

export function assertCashbackWithinLimit(settings: Settings, accrued: number): void {
  const max = settings.limits.maxCashback;
  if (accrued > max) throw new Refusal('cashbackOverLimit', { sum: accrued, max });
}
