import { balanceToWire, kopecksToWire } from '../../../shared/money.js';
import type { GiftStatus, OrderView } from '../../../shared/wire/order-view.js';
import { activeHoldsOfOrder, giftHoldsOfOrder } from '../ledger/holds.js';
import { offersOfOrder } from '../ledger/offers.js';
import { maxBonusPayment } from './bonus-limit.js';
import type { LoyaltyContext } from './context.js';
import { guestMoney } from './guest-balance.js';
import { findOrder } from '../ledger/orders.js';
import { askProvider } from './provider-call.js';

/**
 * What the waiter sees (PROTOCOL.md §3). Gifts are every voucher ever added here, by its latest hold:
 * Added while held, Redeemed once paid (Cancelled again if the order is refunded), Cancelled if removed.
 * BonusPayment shows the active reservation, with the maximum for the last pre-check's sum.
 */
export async function viewOrder(ctx: LoyaltyContext, orderId: string): Promise<OrderView> {
  const order = findOrder(ctx.db, orderId);
  if (!order) return { OrderId: orderId, Guest: null, OfferedGifts: [], Gifts: [], BonusPayment: null, Status: 'Open' };
  const guestId = order.guestId;
  // Showing is not spending: with the loyalty cloud unreachable the waiter still sees the order, with
  // the guest's last known balance (pre-check and payment check it afresh before any spending).
  const guest = guestId ? await askProvider(() => ctx.provider.guest(guestId, { allowStale: true })) : null;

  const latestByVoucher = new Map<string, ReturnType<typeof giftHoldsOfOrder>[number]>();
  for (const hold of giftHoldsOfOrder(ctx.db, orderId)) latestByVoucher.set(hold.voucherId as string, hold);
  const gifts = [...latestByVoucher.values()].map((hold) => ({
    Id: hold.voucherId as string,
    Name: hold.giftName ?? '',
    ProductCode: hold.productCode ?? '',
    Points: kopecksToWire(hold.amount),
    GuestId: hold.guestId,
    Status: giftStatus(hold.outcome, order.status),
  }));
  const added = new Set(gifts.filter((gift) => gift.Status === 'Added').map((gift) => gift.Id));
  const offers = offersOfOrder(ctx.db, orderId);

  const money = guest ? guestMoney(ctx, guest) : null;
  const reservation = activeHoldsOfOrder(ctx.db, orderId, 'bonus').reduce((sum, hold) => sum + hold.amount, 0);
  const bonusPayment =
    money && reservation > 0
      ? {
          Sum: kopecksToWire(reservation),
          MaxSum: kopecksToWire(
            maxBonusPayment({
              available: money.available,
              ownReservation: reservation,
              orderSum: order.precheckOrderSum ?? 0,
              maxBonusShareBp: ctx.provider.rules().maxBonusShareBp,
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
    OfferedGifts: offers
      .filter((offer) => !added.has(offer.voucherId))
      .map((offer) => ({ Id: offer.voucherId, Name: offer.name, ProductCode: offer.productCode, Points: kopecksToWire(offer.points) })),
    Gifts: gifts,
    BonusPayment: bonusPayment,
    Status: order.status,
  };
}

function giftStatus(outcome: 'posted' | 'voided' | null, orderStatus: OrderView['Status']): GiftStatus {
  if (outcome === null) return 'Added';
  if (outcome === 'posted') return orderStatus === 'Refunded' ? 'Cancelled' : 'Redeemed';
  return 'Cancelled';
}
