import { balanceToWire, kopecksToWire } from '../../../shared/money.js';
import type { GiftStatus, OrderView } from '../../../shared/wire/order-view.js';
import { activeHoldOfVoucher, bonusReservedInOrders, giftHoldsOfOrders, voucherRedeemedIn, type GiftHold } from '../ledger/holds.js';
import { offersOfOrders, type GiftOffer } from '../ledger/offers.js';
import { maxBonusPayment } from './bonus-limit.js';
import type { LoyaltyContext } from './context.js';
import { guestMoney } from './guest-balance.js';
import { findOrders, type OrderRecord } from '../ledger/orders.js';
import { askProvider } from './provider-call.js';
import { Refusal } from './refusal.js';

/** What the ledger knows of one order: read for many orders at once by the cashier's screen. */
interface OrderFacts {
  order: OrderRecord | null;
  gifts: GiftHold[];
  offers: GiftOffer[];
  reservation: number;
}

/**
 * What the waiter sees (docs/protocol.md#order-view). Gifts are every voucher ever added here, by its latest hold:
 * Added while held, Redeemed once paid (Cancelled again if the order is refunded), Cancelled if removed.
 * BonusPayment shows the active reservation, with the maximum for the last pre-check's sum.
 */
export async function viewOrder(ctx: LoyaltyContext, orderId: string): Promise<OrderView> {
  return describeOrder(ctx, orderId, factsOf(ctx, [orderId]).get(orderId));
}

/**
 * Several orders for the cashier's screen, read from the ledger in a few queries whatever their
 * number. An order whose guest the provider cannot describe right now is left out, not the others.
 */
export async function viewOrders(ctx: LoyaltyContext, orderIds: readonly string[]): Promise<Map<string, OrderView>> {
  const facts = factsOf(ctx, orderIds);
  const views = new Map<string, OrderView>();
  for (const orderId of orderIds) {
    try {
      views.set(orderId, await describeOrder(ctx, orderId, facts.get(orderId)));
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
    }
  }
  return views;
}

function factsOf(ctx: LoyaltyContext, orderIds: readonly string[]): Map<string, OrderFacts> {
  const orders = findOrders(ctx.db, orderIds);
  const gifts = giftHoldsOfOrders(ctx.db, orderIds);
  const offers = offersOfOrders(ctx.db, orderIds);
  const reserved = bonusReservedInOrders(ctx.db, orderIds);
  return new Map(
    orderIds.map((id) => [id, { order: orders.get(id) ?? null, gifts: gifts.get(id) ?? [], offers: offers.get(id) ?? [], reservation: reserved.get(id) ?? 0 }]),
  );
}

async function describeOrder(ctx: LoyaltyContext, orderId: string, facts: OrderFacts | undefined): Promise<OrderView> {
  const order = facts?.order;
  if (!facts || !order) return { OrderId: orderId, Guest: null, OfferedGifts: [], Gifts: [], BonusPayment: null, Status: 'Open' };
  const guestId = order.guestId;
  // Showing is not spending: with the loyalty cloud unreachable the waiter still sees the order, with
  // the guest's last known balance (pre-check and payment check it afresh before any spending).
  const guest = guestId ? await askProvider(() => ctx.provider.guest(guestId, { allowStale: true })) : null;

  const latestByVoucher = new Map<string, GiftHold>();
  for (const hold of facts.gifts) latestByVoucher.set(hold.voucherId as string, hold);
  const gifts = [...latestByVoucher.values()].map((hold) => ({
    Id: hold.voucherId as string,
    Name: hold.giftName ?? '',
    ProductCode: hold.productCode ?? '',
    Points: kopecksToWire(hold.amount),
    GuestId: hold.guestId,
    Status: giftStatus(hold.outcome, order.status),
  }));
  const added = new Set(gifts.filter((gift) => gift.Status === 'Added').map((gift) => gift.Id));

  const money = guest ? guestMoney(ctx, guest) : null;
  const reservation = facts.reservation;
  const bonusPayment =
    money && reservation > 0
      ? {
          Sum: kopecksToWire(reservation),
          MaxSum: kopecksToWire(
            maxBonusPayment({
              available: money.available,
              ownReservation: reservation,
              orderSum: order.precheckOrderSum ?? 0,
              maxBonusShareBp: ctx.provider.rules(guest).maxBonusShareBp,
            }),
          ),
        }
      : null;

  return {
    OrderId: orderId,
    Guest:
      guest && money
        ? { Id: guest.id, FullName: guest.fullName, Balance: balanceToWire(money.balance), Available: balanceToWire(money.available) }
        : null,
    OfferedGifts: facts.offers
      .filter((offer) => !added.has(offer.voucherId) && !takenElsewhere(ctx, offer.voucherId, orderId))
      .map((offer) => ({ Id: offer.voucherId, Name: offer.name, ProductCode: offer.productCode, Points: kopecksToWire(offer.points) })),
    Gifts: gifts,
    BonusPayment: bonusPayment,
    Status: order.status,
  };
}

/**
 * A voucher scanned in two orders is offered in both until one of them adds it: once it is added or
 * redeemed in the other, its button here could only be refused, so it is no longer offered.
 */
function takenElsewhere(ctx: LoyaltyContext, voucherId: string, orderId: string): boolean {
  const redeemedIn = voucherRedeemedIn(ctx.db, voucherId);
  if (redeemedIn !== null) return redeemedIn !== orderId;
  const held = activeHoldOfVoucher(ctx.db, voucherId);
  return held !== null && held.orderId !== orderId;
}

function giftStatus(outcome: 'posted' | 'voided' | null, orderStatus: OrderView['Status']): GiftStatus {
  if (outcome === null) return 'Added';
  if (outcome === 'posted') return orderStatus === 'Refunded' ? 'Cancelled' : 'Redeemed';
  return 'Cancelled';
}
