import { randomUUID } from 'node:crypto';
import { balanceToWire, kopecksToWire } from '../../../shared/money.js';
import type { RefundResponse } from '../../../shared/wire/payment.js';
import { inTransaction } from '../ledger/transaction.js';
import { giveCashBack } from '../cash/refund-cash.js';
import { REVERSAL_OF, guestEntriesOfOperation, recordGuestEntry } from '../ledger/guest-entries.js';
import { paymentOfOrder, recordRefund } from '../ledger/payments.js';
import type { LoyaltyContext } from './context.js';
import { guestMoney } from './guest-balance.js';
import { findOrder } from '../ledger/orders.js';
import { askProvider } from './provider-call.js';
import { Refusal } from './refusal.js';

/**
 * Refund (docs/protocol.md#refund): reverses a paid order exactly, by new entries that mirror the payment's
 * own — bonuses and gift points come back, the accrual is taken back, the cash is given back (off
 * the waiter's debt as far as the waiter still owes it, the rest from the till) — and the vouchers it
 * redeemed can be used again.
 */
export async function refundOrder(
  ctx: LoyaltyContext,
  orderId: string,
  waiterId: string | null,
  remember: (response: RefundResponse) => void,
): Promise<RefundResponse> {
  const order = findOrder(ctx.db, orderId);
  if (order?.status === 'Refunded') throw new Refusal('orderRefunded');
  if (order?.status !== 'Paid') throw new Refusal('notPaidForRefund');
  const paidGuestId = paymentOfOrder(ctx.db, orderId)?.guestId ?? null;
  // A refund only gives points back, so the last known profile will do while the provider is offline.
  const guest = paidGuestId ? await askProvider(() => ctx.provider.guest(paidGuestId, { allowStale: true })) : null;

  return inTransaction(ctx.db, ctx.events, () => {
    const current = findOrder(ctx.db, orderId);
    if (current?.status === 'Refunded') throw new Refusal('orderRefunded');
    if (current?.status !== 'Paid') throw new Refusal('notPaidForRefund');
    const payment = paymentOfOrder(ctx.db, orderId);
    if (!payment) throw new Refusal('notPaidForRefund');
    const at = ctx.clock.now().toISOString();
    const operationId = randomUUID();
    const totals = { bonus_return: 0, gift_return: 0, accrual_reversal: 0 };
    const gifts: { voucherId: string; guestId: string; points: number }[] = [];

    for (const paid of guestEntriesOfOperation(ctx.db, payment.operationId)) {
      const kind = REVERSAL_OF[paid.kind];
      if (!kind) continue;
      recordGuestEntry(ctx.db, { ...paid, kind, amount: -paid.amount, operationId, createdAt: at });
      if (kind in totals) totals[kind as keyof typeof totals] += Math.abs(paid.amount);
      if (kind === 'gift_return' && paid.voucherId) gifts.push({ voucherId: paid.voucherId, guestId: paid.guestId, points: -paid.amount });
    }

    const cash = giveCashBack(ctx.db, payment.operationId, { operationId, recordedBy: waiterId ?? 'iikoWaiter', createdAt: at });

    recordRefund(ctx.db, { orderId, operationId, waiterId, refundedAt: at });
    ctx.provider.record({
      kind: 'order_refunded',
      operationId,
      paymentOperationId: payment.operationId,
      orderId,
      guestId: payment.guestId,
      orderSum: payment.orderSum,
      bonusReturned: totals.bonus_return,
      accrualReversed: totals.accrual_reversal,
      gifts,
    });
    ctx.events.record(
      'order.refunded',
      {
        guestId: payment.guestId,
        bonusReturned: totals.bonus_return,
        giftPointsReturned: totals.gift_return,
        accrualReversed: totals.accrual_reversal,
        waiterDebtReversed: cash.fromWaiters,
        cashFromTill: cash.fromTill,
      },
      { orderId, waiterId, waiterName: ctx.waiters.nameOf(waiterId) },
    );
    const response: RefundResponse = {
      OrderId: orderId,
      BonusReturned: kopecksToWire(totals.bonus_return),
      GiftPointsReturned: kopecksToWire(totals.gift_return),
      AccrualReversed: kopecksToWire(totals.accrual_reversal),
      WaiterDebtReversed: kopecksToWire(cash.fromWaiters),
      Balance: guest ? balanceToWire(guestMoney(ctx, guest).balance) : null,
    };
    remember(response);
    return response;
  });
}
