import { activeHoldsOfIdleOrders, activeHoldsOfOrder, groupBy, voidHold, type Hold } from '../ledger/holds.js';
import { dropOffers } from '../ledger/offers.js';
import { findOrder, orderTouchedAt } from '../ledger/orders.js';
import { inTransaction } from '../ledger/transaction.js';
import type { Logger } from '../logger.js';
import type { StorageWatch } from '../storage/storage-watch.js';
import type { LoyaltyContext } from './context.js';

const HOUR_MS = 3_600_000;

/**
 * The moment before which an order untouched since is idle (`settings.staleOrderHours` ago): the same
 * line for the orders list's «Давно без движения», the hourly sweep and the manager's release.
 */
export function idleSince(ctx: Pick<LoyaltyContext, 'clock' | 'settings'>): string {
  return new Date(ctx.clock.now().getTime() - ctx.settings().staleOrderHours * HOUR_MS).toISOString();
}

/**
 * Releases these holds of one order and says so in the feed: `idleHours` when the till did it for an
 * order idle that long, null when the manager did.
 */
function release(ctx: LoyaltyContext, orderId: string, holds: readonly Hold[], idleHours: number | null, at: string): void {
  for (const hold of holds) voidHold(ctx.db, hold.id, idleHours === null ? 'released by the manager' : 'order idle', at);
  const order = findOrder(ctx.db, orderId);
  ctx.events.record(
    'order.reservations_released',
    {
      guestId: order?.guestId ?? null,
      guestName: order?.guestName ?? null,
      bonus: holds.filter((hold) => hold.kind === 'bonus').reduce((sum, hold) => sum + hold.amount, 0),
      gifts: holds.filter((hold) => hold.kind === 'gift').map((gift) => ({ giftId: gift.voucherId ?? '', giftName: gift.giftName ?? '', points: gift.amount })),
      idleHours,
    },
    { orderId, waiterId: null, waiterName: null },
  );
}

/**
 * Lets go of the bonus reservations of open orders idle past `settings.staleOrderHours`: an order
 * closed in iikoFront without a check-out would otherwise keep its guest's bonuses held for good.
 * Nothing was spent by a reservation, and a bonus payment that comes after all is checked against
 * the guest's balance as always, so this is safe to do unasked. A gift is not: the dish may have been
 * served and paid at the till, so gifts stay held until the manager releases the order
 * (`releaseOrderReservations`). How many orders were released.
 */
export function releaseIdleReservations(ctx: LoyaltyContext): number {
  const idleHours = ctx.settings().staleOrderHours;
  const before = idleSince(ctx);
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, ctx.events, () => {
    const byOrder = groupBy(activeHoldsOfIdleOrders(ctx.db, before, 'bonus'), (hold) => hold.orderId);
    for (const [orderId, holds] of byOrder) release(ctx, orderId, holds, idleHours, at);
    return byOrder.size;
  });
}

/**
 * The manager releases an open order (the «Давно без движения» list): its bonus reservation and its
 * gifts go back to their guests, its vouchers can be used again, its offered gifts are dropped. If it is
 * paid after all, its gifts are not written off (they show as cancelled to the waiter, as any gift
 * removed). `unknown`: no such order; `closed`: paid or refunded, nothing to release; `active`: a
 * waiter worked on it within `staleOrderHours` (the manager's list was older than that: the order
 * is alive again, and its gift may be on the table).
 */
export function releaseOrderReservations(ctx: LoyaltyContext, orderId: string): 'released' | 'nothing' | 'unknown' | 'closed' | 'active' {
  return inTransaction(ctx.db, ctx.events, () => {
    const order = findOrder(ctx.db, orderId);
    if (!order) return 'unknown';
    if (order.status !== 'Open') return 'closed';
    if ((orderTouchedAt(ctx.db, orderId) ?? '') >= idleSince(ctx)) return 'active';
    const holds = activeHoldsOfOrder(ctx.db, orderId);
    const dropped = dropOffers(ctx.db, orderId);
    if (holds.length === 0) return dropped > 0 ? 'released' : 'nothing';
    release(ctx, orderId, holds, null, ctx.clock.now().toISOString());
    return 'released';
  });
}

/**
 * Releases idle orders' bonus reservations at start and then hourly (an unref'd timer: one wake-up an
 * hour for an idle till). A disk that refuses the write is told to the storage watch and tried next hour.
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
      if (released > 0) this.deps.logger.info({ orders: released }, 'idle orders let go of their bonus reservations');
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
