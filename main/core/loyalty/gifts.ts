import type { GiftDish } from '../../../shared/wire/gifts.js';
import { kopecksToWire } from '../../../shared/money.js';
import { inTransaction } from '../ledger/transaction.js';
import { activeHoldOfVoucher, activeHoldsOfOrder, createHold, voidHold, voucherRedeemedIn } from '../ledger/holds.js';
import { offerInOrder } from '../ledger/offers.js';
import type { LoyaltyContext } from './context.js';
import { guestMoney } from './guest-balance.js';
import { findOrder, touchOrder } from '../ledger/orders.js';
import { assertOpen } from './open-order.js';
import { askProvider } from './provider-call.js';
import { Refusal } from './refusal.js';

/**
 * Adds an offered gift to the order (docs/protocol.md#add-a-gift): the gift's points are held on its guest's
 * balance now and written off at payment. Adding it again answers the same and holds nothing more.
 */
export async function addGift(ctx: LoyaltyContext, orderId: string, giftId: string, waiterId: string | null): Promise<GiftDish> {
  const order = findOrder(ctx.db, orderId);
  assertOpen(order);
  const offer = offerInOrder(ctx.db, orderId, giftId);
  if (!offer) {
    const already = activeHoldOfVoucher(ctx.db, giftId);
    if (already && already.orderId === orderId) return dishOf(giftId, already.giftName ?? '', already.productCode ?? '', already.amount);
    throw new Refusal('giftNotOffered');
  }
  const guest = await askProvider(() => ctx.provider.guest(offer.guestId));
  if (!guest) throw new Refusal('guestGone');

  return inTransaction(ctx.db, ctx.events, () => {
    assertOpen(findOrder(ctx.db, orderId));
    const held = activeHoldOfVoucher(ctx.db, giftId);
    if (held && held.orderId === orderId) return dishOf(giftId, offer.name, offer.productCode, held.amount);
    if (held) throw new Refusal('voucherInOtherOrder', { gift: offer.name });
    if (voucherRedeemedIn(ctx.db, giftId)) throw new Refusal('voucherRedeemed', { gift: offer.name });
    const { available } = guestMoney(ctx, guest);
    if (available < offer.points) {
      throw new Refusal('notEnoughPoints', {
        name: guest.fullName,
        available: Math.max(0, available),
        needed: offer.points,
      });
    }
    const at = ctx.clock.now().toISOString();
    createHold(ctx.db, {
      orderId,
      guestId: guest.id,
      kind: 'gift',
      voucherId: giftId,
      giftName: offer.name,
      productCode: offer.productCode,
      amount: offer.points,
      createdAt: at,
    });
    touchOrder(ctx.db, orderId, at);
    ctx.events.record(
      'gift.added',
      { guestId: guest.id, guestName: guest.fullName, giftId, giftName: offer.name, points: offer.points },
      { orderId, waiterId, waiterName: ctx.waiters.nameOf(waiterId) },
    );
    return dishOf(giftId, offer.name, offer.productCode, offer.points);
  });
}

/** Removes a gift before payment (docs/protocol.md#remove-a-gift): its hold is released. */
export function removeGift(ctx: LoyaltyContext, orderId: string, giftId: string, waiterId: string | null): void {
  inTransaction(ctx.db, ctx.events, () => {
    const order = findOrder(ctx.db, orderId);
    if (!order) return;
    assertOpen(order);
    const hold = activeHoldsOfOrder(ctx.db, orderId, 'gift').find((h) => h.voucherId === giftId);
    if (!hold) return;
    const at = ctx.clock.now().toISOString();
    voidHold(ctx.db, hold.id, 'gift removed', at);
    touchOrder(ctx.db, orderId, at);
    ctx.events.record(
      'gift.removed',
      { guestId: hold.guestId, giftId, giftName: hold.giftName ?? '', points: hold.amount },
      { orderId, waiterId, waiterName: ctx.waiters.nameOf(waiterId) },
    );
  });
}

function dishOf(id: string, name: string, productCode: string, points: number): GiftDish {
  return { Id: id, Name: name, ProductCode: productCode, Points: kopecksToWire(points) };
}
