import { balanceToWire, kopecksToWire } from '../../../shared/money.js';
import type { PrecheckResponse } from '../../../shared/wire/precheck.js';
import { inTransaction } from '../ledger/transaction.js';
import { activeHoldsOfOrder, createHold, voidHold } from '../ledger/holds.js';
import { clampBonus, maxBonusPayment } from './bonus-limit.js';
import type { LoyaltyContext } from './context.js';
import { guestMoney } from './guest-balance.js';
import { findOrder, orderTouchedAt, setPrecheckSum, touchOrder } from '../ledger/orders.js';
import { assertOrderSumWithinLimit } from './money-limits.js';
import { assertOpen } from './open-order.js';
import { activityIsStale } from './order-activity.js';
import { askProvider } from './provider-call.js';
import { Refusal } from './refusal.js';

/** The iiko payment item for GetMeBack bonuses, as iikoWaiter stores it on the order. */
export function bonusPaymentItem(paymentTypeId: string, kopecks: number): PrecheckResponse['PaymentItems'] {
  if (kopecks <= 0) return [];
  return [{ PaymentType: { Id: paymentTypeId, Kind: 'External', Name: 'GetMeBack' }, Sum: kopecksToWire(kopecks) }];
}

/**
 * Pre-check (docs/protocol.md#pre-check): tells the most the guest may pay with bonuses and, when the waiter
 * gives a sum, replaces this order's reservation with it (clamped to [0, max]). Without a sum the
 * reservation stays as it is, so reprinting a pre-check never drops what the waiter set.
 */
export async function precheck(
  ctx: LoyaltyContext,
  orderId: string,
  input: { orderSum: number; bonusSum: number | null },
  waiterId: string | null,
): Promise<PrecheckResponse> {
  assertOrderSumWithinLimit(ctx.settings(), input.orderSum);
  const order = findOrder(ctx.db, orderId);
  assertOpen(order);
  if (!order?.guestId) throw new Refusal('noGuest');
  const paymentTypeId = ctx.settings().bonusPaymentTypeId;
  if (!paymentTypeId) throw new Refusal('noBonusPaymentType');
  const guestId = order.guestId;
  const guest = await askProvider(() => ctx.provider.guest(guestId));
  if (!guest) throw new Refusal('guestGone');
  const rules = ctx.provider.rules(guest);

  return inTransaction(ctx.db, ctx.events, () => {
    const current = findOrder(ctx.db, orderId);
    assertOpen(current);
    if (!current || current.guestId !== guest.id) throw new Refusal('noGuest');
    const at = ctx.clock.now().toISOString();
    const reservations = activeHoldsOfOrder(ctx.db, orderId, 'bonus');
    const ownReservation = reservations.reduce((sum, hold) => sum + hold.amount, 0);
    const money = guestMoney(ctx, guest);
    const maxSum = maxBonusPayment({
      available: money.available,
      ownReservation,
      orderSum: input.orderSum,
      maxBonusShareBp: rules.maxBonusShareBp,
    });
    // A pre-check printed again with the same sums changes nothing; it writes only the order's
    // activity, when that is stale (below).
    const sumChanged = current.precheckOrderSum !== input.orderSum;
    if (sumChanged) setPrecheckSum(ctx.db, orderId, input.orderSum, at);
    // A sum from the waiter replaces the reservation; without one it stays, unless the order got
    // cheaper and the maximum fell below it.
    const reserved = input.bonusSum !== null ? clampBonus(input.bonusSum, maxSum) : Math.min(ownReservation, maxSum);
    const reservationChanged = reserved !== ownReservation || reservations.length > 1;
    // The waiter at work on the order (a reprint): not idle for the sweep nor the orders list.
    if (!sumChanged && !reservationChanged && activityIsStale(orderTouchedAt(ctx.db, orderId), ctx.clock.now())) touchOrder(ctx.db, orderId, at);
    if (reservationChanged) {
      const reason = input.bonusSum !== null ? 'replaced by a new pre-check' : 'order sum lowered';
      for (const hold of reservations) voidHold(ctx.db, hold.id, reason, at);
      // A reservation made or changed is activity: an order idle before it is not idle now.
      touchOrder(ctx.db, orderId, at);
      if (reserved > 0) {
        createHold(ctx.db, { orderId, guestId: guest.id, kind: 'bonus', voucherId: null, giftName: null, productCode: null, amount: reserved, createdAt: at });
      }
      if (input.bonusSum !== null) {
        ctx.events.record(
          'bonus.reserved',
          { guestId: guest.id, guestName: guest.fullName, sum: reserved, maxSum, orderSum: input.orderSum },
          { orderId, waiterId, waiterName: ctx.waiters.nameOf(waiterId) },
        );
      }
    }
    return {
      MaxSum: kopecksToWire(maxSum),
      BonusSum: kopecksToWire(reserved),
      Balance: balanceToWire(money.balance),
      PaymentItems: bonusPaymentItem(paymentTypeId, reserved),
    };
  });
}
