import { randomUUID } from 'node:crypto';
import { balanceToWire, kopecksToWire } from '../../../shared/money.js';
import type { PaymentResponse } from '../../../shared/wire/payment.js';
import { SALES_ACCOUNT, TILL_ACCOUNT, recordCashEntry, waiterAccount } from '../ledger/cash-book.js';
import { recordGuestEntry } from '../ledger/guest-entries.js';
import { activeHoldsOfOrder, postHold, voidHold } from '../ledger/holds.js';
import { dropOffers } from '../ledger/offers.js';
import { recordPayment } from '../ledger/payments.js';
import type { GuestProfile } from '../providers/loyalty-provider.js';
import { maxBonusPayment } from './bonus-limit.js';
import { cashbackFor } from './cashback.js';
import { assertCashbackWithinLimit, assertOrderSumWithinLimit } from './money-limits.js';
import type { LoyaltyContext } from './context.js';
import { guestMoney } from './guest-balance.js';
import { ensureOrder, findOrder } from '../ledger/orders.js';
import { assertOpen } from './open-order.js';
import { askProvider } from './provider-call.js';
import { Refusal } from './refusal.js';

export interface PaymentInput {
  orderSum: number;
  items: { paymentTypeId: string; kind: string; sum: number }[];
  waiterId: string | null;
  /** The name iikoWaiter gave the waiter, kept if the till has none yet. */
  waiterName?: string | null;
}

/**
 * Pays an order (docs/protocol.md#payment) in one SQLite transaction (a group commit, shared with the
 * payments that arrive in the same turn of the event loop, each in its own savepoint, answered only
 * once it is on the disk): bonuses written off, added gifts
 * redeemed, cashback accrued, cash turned into the waiter's debt (or put in the till), the order
 * marked paid, its holds resolved, and — through `remember` — the answer stored under its
 * Idempotency-Key. Either all of it is committed or none of it.
 */
export async function payOrder(
  ctx: LoyaltyContext,
  orderId: string,
  input: PaymentInput,
  remember: (response: PaymentResponse) => void,
): Promise<PaymentResponse> {
  const before = findOrder(ctx.db, orderId);
  assertOpen(before);
  const guests = await loadGuests(ctx, orderId, before?.guestId ?? null);
  const settings = ctx.settings();
  assertOrderSumWithinLimit(settings, input.orderSum);
  const bonusTypeId = settings.bonusPaymentTypeId.toLowerCase();
  const isBonus = (item: PaymentInput['items'][number]) => bonusTypeId !== '' && item.paymentTypeId.toLowerCase() === bonusTypeId;
  const bonus = input.items.filter(isBonus).reduce((sum, item) => sum + item.sum, 0);
  // An item is bonuses or cash, never both: bonuses are never a waiter's cash debt.
  const cash = input.items.filter((item) => !isBonus(item) && item.kind.toLowerCase() === 'cash').reduce((sum, item) => sum + item.sum, 0);

  return ctx.groupCommit.run(ctx.events, () => {
    const at = ctx.clock.now().toISOString();
    const order = ensureOrder(ctx.db, orderId, at);
    assertOpen(order);
    const guest = order.guestId ? (guests.get(order.guestId) ?? null) : null;
    // A guest bound after the guests were read (a check-in on another terminal, during this payment's
    // wait for its commit) was not asked for: the waiter pays again, with the guest.
    if (order.guestId && !guest) throw new Refusal(order.guestId !== (before?.guestId ?? null) ? 'orderChangedWhilePaying' : 'providerUnavailable');
    if (bonus > 0 && !guest) throw new Refusal('bonusWithoutGuest');
    // Offline, the provider may give the last known profile: enough to accrue, never to spend bonuses.
    if (bonus > 0 && guest?.stale) throw new Refusal('providerUnavailable');
    const rules = ctx.provider.rules(guest);

    const bonusHolds = activeHoldsOfOrder(ctx.db, orderId, 'bonus');
    if (guest && bonus > 0) {
      const ownReservation = bonusHolds.reduce((sum, hold) => sum + hold.amount, 0);
      const money = guestMoney(ctx, guest);
      const max = maxBonusPayment({
        available: money.available,
        ownReservation,
        orderSum: input.orderSum,
        maxBonusShareBp: rules.maxBonusShareBp,
      });
      if (bonus > max) {
        // The waiter is told when the guest's other open orders hold the bonuses missing here (all the
        // guest's holds but this order's own: its reservation and its gifts of this guest).
        const giftsHere = activeHoldsOfOrder(ctx.db, orderId, 'gift').filter((gift) => gift.guestId === guest.id);
        const heldElsewhere = money.balance - money.available - ownReservation - giftsHere.reduce((sum, gift) => sum + gift.amount, 0);
        throw new Refusal('bonusOverMax', { sum: bonus, max, ...(heldElsewhere > 0 ? { heldElsewhere } : {}) });
      }
    }

    // The waiter is recorded with the payment, so a refused one leaves no waiter behind.
    if (input.waiterId) ctx.waiters.remember(input.waiterId, input.waiterName ?? null, at);
    const operationId = randomUUID();
    const entry = { orderId, operationId, createdAt: at };

    // 1. Bonuses: the reservation is posted for what was really paid (possibly less), the rest voided.
    let toPost = bonus;
    for (const hold of bonusHolds) {
      const posted = Math.min(hold.amount, toPost);
      toPost -= posted;
      if (posted > 0) postHold(ctx.db, hold.id, posted, 'paid with bonuses', at);
      else voidHold(ctx.db, hold.id, 'not used at payment', at);
    }
    if (guest && bonus > 0) {
      recordGuestEntry(ctx.db, { ...entry, guestId: guest.id, kind: 'bonus_writeoff', amount: -bonus, holdId: bonusHolds[0]?.id ?? null, voucherId: null });
    }

    // 2. Gifts added to the order are redeemed, their points written off from their own guests.
    const gifts = activeHoldsOfOrder(ctx.db, orderId, 'gift');
    for (const gift of gifts) {
      postHold(ctx.db, gift.id, gift.amount, 'gift redeemed', at);
      recordGuestEntry(ctx.db, { ...entry, guestId: gift.guestId, kind: 'gift_writeoff', amount: -gift.amount, holdId: gift.id, voucherId: gift.voucherId });
    }
    const giftPoints = gifts.reduce((sum, gift) => sum + gift.amount, 0);

    // 3. Cashback on the part paid with money.
    const accrued = guest ? cashbackFor(input.orderSum, bonus, rules.cashbackBp) : 0;
    assertCashbackWithinLimit(settings, accrued);
    if (guest && accrued > 0) {
      recordGuestEntry(ctx.db, { ...entry, guestId: guest.id, kind: 'accrual', amount: accrued, holdId: null, voucherId: null });
    }

    // 4. Cash: the waiter's debt when Money To Be Accounted For By Waiter is on, else the till's.
    let waiterDebt = 0;
    if (cash > 0) {
      const toWaiter = settings.cashToWaiter && input.waiterId !== null;
      recordCashEntry(ctx.db, {
        kind: toWaiter ? 'cash_taken' : 'cash_to_till',
        debitAccount: toWaiter ? waiterAccount(input.waiterId as string) : TILL_ACCOUNT,
        creditAccount: SALES_ACCOUNT,
        amount: cash,
        orderId,
        operationId,
        // iiko books cash a waiter keeps as a pay-out (изъятие) under the waiter's report; the hand-in is a pay-in.
        cashTypeId: toWaiter ? settings.payOutTypeId : '',
        recordedBy: input.waiterId ?? 'iikoWaiter',
        note: '',
        createdAt: at,
      });
      if (toWaiter) waiterDebt = cash;
    }

    // 5. The order is paid: its record makes it so, and no hold or offer of it stays open.
    recordPayment(ctx.db, {
      orderId,
      operationId,
      guestId: guest?.id ?? null,
      waiterId: input.waiterId,
      orderSum: input.orderSum,
      bonusSum: bonus,
      giftPoints,
      accrued,
      cashSum: cash,
      waiterDebt,
      itemsJson: JSON.stringify(input.items),
      paidAt: at,
    });
    for (const hold of activeHoldsOfOrder(ctx.db, orderId)) voidHold(ctx.db, hold.id, 'order paid', at);
    dropOffers(ctx.db, orderId);

    ctx.provider.record({
      kind: 'order_paid',
      operationId,
      orderId,
      guestId: guest?.id ?? null,
      orderSum: input.orderSum,
      bonusWrittenOff: bonus,
      accrued,
      gifts: gifts.map((gift) => ({ voucherId: gift.voucherId as string, guestId: gift.guestId, points: gift.amount })),
      waiterId: input.waiterId,
      waiterName: ctx.waiters.nameOf(input.waiterId),
    });

    const balance = guest ? guestMoney(ctx, guest).balance : null;
    ctx.events.record(
      'payment.committed',
      {
        guestId: guest?.id ?? null,
        guestName: guest?.fullName ?? null,
        orderSum: input.orderSum,
        bonusWrittenOff: bonus,
        giftPointsWrittenOff: giftPoints,
        accrued,
        cash,
        waiterDebt,
      },
      { orderId, waiterId: input.waiterId, waiterName: ctx.waiters.nameOf(input.waiterId) },
    );
    const response: PaymentResponse = {
      OrderId: orderId,
      BonusWrittenOff: kopecksToWire(bonus),
      GiftPointsWrittenOff: kopecksToWire(giftPoints),
      Accrued: kopecksToWire(accrued),
      GiftsRedeemed: gifts.map((gift) => gift.voucherId as string),
      WaiterDebt: kopecksToWire(waiterDebt),
      Balance: balance === null ? null : balanceToWire(balance),
    };
    remember(response);
    return response;
  });
}

/** The bound guest and every guest whose gift is in the order, asked of the provider before the transaction. */
async function loadGuests(ctx: LoyaltyContext, orderId: string, boundGuestId: string | null): Promise<Map<string, GuestProfile>> {
  const ids = new Set(activeHoldsOfOrder(ctx.db, orderId).map((hold) => hold.guestId));
  if (boundGuestId) ids.add(boundGuestId);
  const guests = new Map<string, GuestProfile>();
  for (const id of ids) {
    const guest = await askProvider(() => ctx.provider.guest(id, { allowStale: true }));
    if (guest) guests.set(id, guest);
  }
  return guests;
}
