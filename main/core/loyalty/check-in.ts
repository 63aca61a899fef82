import { inTransaction } from '../ledger/transaction.js';
import { activeHoldOfVoucher, activeHoldsOfOrder, voidHold, voucherRedeemedIn } from '../ledger/holds.js';
import { dropOffers, offerGift } from '../ledger/offers.js';
import type { LoyaltyContext } from './context.js';
import { guestMoney } from './guest-balance.js';
import { bindGuest, ensureOrder, findOrder, findOrderState, touchOrder } from '../ledger/orders.js';
import { assertOpen } from './open-order.js';
import { noteActivity } from './order-activity.js';
import { askProviderAtOnce } from './provider-call.js';
import { Refusal } from './refusal.js';

/**
 * Check-in (docs/protocol.md#check-in): binds the guest behind a scanned value to the order. A gift-voucher
 * QR binds its guest and offers the voucher in this order. Checking in the same guest again changes
 * nothing. Refusals: unknown code, voucher used or held by another open order, another guest
 * already bound, order closed, provider unreachable.
 */
export async function checkIn(ctx: LoyaltyContext, orderId: string, value: string, waiterId: string | null): Promise<void> {
  const before = findOrderState(ctx.db, orderId);
  assertOpen(before);
  // A provider that answers at once (the embedded book) leaves no moment for the order to change:
  // it is read once. One asked over the network is waited for, and the order is read again.
  const asked = askProviderAtOnce(() => ctx.provider.lookup(value));
  const waited = asked instanceof Promise;
  const found = asked instanceof Promise ? await asked : asked;
  if (found.kind === 'unknown') throw new Refusal('unknownCode');
  const { guest } = found;
  const voucher = found.kind === 'voucher' ? found.voucher : null;
  const now = waited ? findOrderState(ctx.db, orderId) : before;
  if (waited) assertOpen(now);
  // The same guest scanned again (a waiter reopening the order): nothing to change; the order's
  // activity is noted only if it is stale (order-activity.ts), so the scan is no write most times.
  if (!voucher && now?.guestId === guest.id) {
    noteActivity(ctx, orderId, now.updatedAt);
    return;
  }

  inTransaction(ctx.db, ctx.events, () => {
    const at = ctx.clock.now().toISOString();
    const order = ensureOrder(ctx.db, orderId, at);
    assertOpen(order);
    if (order.guestId && order.guestId !== guest.id) throw new Refusal('otherGuestBound', { name: order.guestName ?? order.guestId });

    let offered = false;
    if (voucher) {
      if (voucher.usedElsewhere || voucherRedeemedIn(ctx.db, voucher.id)) throw new Refusal('voucherRedeemed', { gift: voucher.name });
      const held = activeHoldOfVoucher(ctx.db, voucher.id);
      if (held && held.orderId !== orderId) throw new Refusal('voucherInOtherOrder', { gift: voucher.name });
      offered =
        !held &&
        offerGift(ctx.db, { orderId, voucherId: voucher.id, guestId: voucher.guestId, name: voucher.name, productCode: voucher.productCode, points: voucher.points }, at);
    }
    const newlyBound = order.guestId !== guest.id;
    if (newlyBound) bindGuest(ctx.db, orderId, guest, waiterId, at);
    else if (offered) touchOrder(ctx.db, orderId, at);
    if (newlyBound || offered) {
      const money = guestMoney(ctx, guest);
      ctx.events.record(
        'guest.checked_in',
        { guestId: guest.id, guestName: guest.fullName, balance: money.balance, available: money.available, voucherName: voucher?.name ?? null },
        { orderId, waiterId, waiterName: ctx.waiters.nameOf(waiterId) },
      );
    }
  });
}

/**
 * Check-out (docs/protocol.md#check-out): unbinds the guest, drops gifts offered but not added and releases
 * the bonus reservation. Gifts already added stay: that is how a waiter adds a second gift.
 * Always succeeds; a paid or refunded order is left as it is.
 */
export function checkOut(ctx: LoyaltyContext, orderId: string, waiterId: string | null): void {
  inTransaction(ctx.db, ctx.events, () => {
    const order = findOrder(ctx.db, orderId);
    if (!order || order.status !== 'Open') return;
    const at = ctx.clock.now().toISOString();
    const dropped = dropOffers(ctx.db, orderId);
    const reservations = activeHoldsOfOrder(ctx.db, orderId, 'bonus');
    for (const hold of reservations) voidHold(ctx.db, hold.id, 'check-out', at);
    if (!order.guestId && dropped === 0 && reservations.length === 0) return;
    bindGuest(ctx.db, orderId, null, null, at);
    ctx.events.record(
      'guest.checked_out',
      { guestId: order.guestId, guestName: order.guestName },
      { orderId, waiterId, waiterName: ctx.waiters.nameOf(waiterId) },
    );
  });
}
