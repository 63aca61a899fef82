import { activeHoldOfVoucher, activeHoldsOfIdleOrders, createHold, giftHoldsVoidedFor, voidHold, voucherRedeemedIn, type Hold } from '../ledger/holds.js';
import { findOrder } from '../ledger/orders.js';
import { inTransaction } from '../ledger/transaction.js';
import type { Logger } from '../logger.js';
import type { GuestProfile } from '../providers/loyalty-provider.js';
import type { StorageWatch } from '../storage/storage-watch.js';
import type { LoyaltyContext } from './context.js';
import { guestMoney } from './guest-balance.js';

/** The reason a hold is voided with when its order went idle (and what payment looks for to hold its gifts again). */
export const IDLE_ORDER_REASON = 'order idle';

const HOUR_MS = 3_600_000;

/**
 * Lets go of what open orders idle past `settings.staleOrderHours` hold: an order closed in iikoFront
 * without a check-out would otherwise keep its guest's bonus reservation and its gifts' points held for
 * good. Each order released is one feed event. The order itself stays open: if it is paid after all,
 * payment holds its gifts again where it can (`holdReleasedGiftsAgain`) and checks a bonus payment
 * against the guest's balance as always. How many orders were released.
 */
export function releaseIdleReservations(ctx: LoyaltyContext): number {
  const idleHours = ctx.settings().staleOrderHours;
  const now = ctx.clock.now();
  const idleSince = new Date(now.getTime() - idleHours * HOUR_MS).toISOString();
  return inTransaction(ctx.db, ctx.events, () => {
    const byOrder = new Map<string, Hold[]>();
    for (const hold of activeHoldsOfIdleOrders(ctx.db, idleSince)) byOrder.set(hold.orderId, [...(byOrder.get(hold.orderId) ?? []), hold]);
    const at = now.toISOString();
    for (const [orderId, holds] of byOrder) {
      for (const hold of holds) voidHold(ctx.db, hold.id, IDLE_ORDER_REASON, at);
      const order = findOrder(ctx.db, orderId);
      const gifts = holds.filter((hold) => hold.kind === 'gift');
      ctx.events.record(
        'order.reservations_released',
        {
          guestId: order?.guestId ?? null,
          guestName: order?.guestName ?? null,
          bonus: holds.filter((hold) => hold.kind === 'bonus').reduce((sum, hold) => sum + hold.amount, 0),
          gifts: gifts.map((gift) => ({ giftId: gift.voucherId ?? '', giftName: gift.giftName ?? '', points: gift.amount })),
          idleHours,
        },
        { orderId, waiterId: null, waiterName: null },
      );
    }
    return byOrder.size;
  });
}

/** The guests whose gifts an idle order let go of: payment asks the provider for them too. */
export function guestsOfReleasedGifts(ctx: LoyaltyContext, orderId: string): string[] {
  return giftHoldsVoidedFor(ctx.db, orderId, IDLE_ORDER_REASON).map((gift) => gift.guestId);
}

/**
 * At payment of an order whose reservations went idle: each gift it had is held again when its voucher
 * is still free (not held by another order, not redeemed) and its guest, read fresh, still has the points
 * — so a gift that was served is written off once. One that cannot be is left: never twice, never
 * into a guest's debt. Runs inside the payment's transaction.
 */
export function holdReleasedGiftsAgain(ctx: LoyaltyContext, orderId: string, guests: ReadonlyMap<string, GuestProfile>, at: string): void {
  for (const gift of giftHoldsVoidedFor(ctx.db, orderId, IDLE_ORDER_REASON)) {
    if (gift.voucherId === null || activeHoldOfVoucher(ctx.db, gift.voucherId) || voucherRedeemedIn(ctx.db, gift.voucherId)) continue;
    const guest = guests.get(gift.guestId);
    if (!guest || guest.stale || guestMoney(ctx, guest).available < gift.amount) continue;
    const { id: _released, ...again } = gift;
    createHold(ctx.db, { ...again, createdAt: at });
  }
}

/**
 * Releases idle orders' reservations at start and then hourly (an unref'd timer: one wake-up an hour
 * for an idle till). A disk that refuses the write is told to the storage watch and tried next hour.
 */
export class IdleReservationSweep {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: LoyaltyContext,
    private readonly deps: { logger: Logger; storage?: StorageWatch },
  ) {}

  sweep(): number {
    try {
      const released = releaseIdleReservations(this.ctx);
      if (released > 0) this.deps.logger.info({ orders: released }, 'idle orders let go of their reservations');
      return released;
    } catch (error) {
      if (this.deps.storage?.report(error, 'work') == null) throw error;
      return 0;
    }
  }

  startHourly(everyMs = HOUR_MS): void {
    this.stop();
    this.timer = setInterval(() => this.sweep(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
