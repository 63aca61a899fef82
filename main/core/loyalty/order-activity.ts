import { touchOrder } from '../ledger/orders.js';
import { inTransaction } from '../ledger/transaction.js';
import type { LoyaltyContext } from './context.js';

/**
 * How stale an order's last activity may be before a call that changes nothing (a pre-check printed
 * again, the same guest scanned again) records it: the waiter is working on the order, and the
 * hourly sweep must not take it for abandoned (its bonus reservation let go) nor the orders list show
 * it «Давно без движения». Not every time: those calls would each become a write to the disk.
 */
export const ACTIVITY_NOTED_EVERY_MS = 10 * 60_000;

/** Whether an order last active at `lastActivity` should have a call that changes nothing noted as activity. */
export function activityIsStale(lastActivity: string | null, now: Date): boolean {
  if (lastActivity === null) return true;
  const age = now.getTime() - Date.parse(lastActivity);
  // Dated ahead of the clock (set back since): noted now, or the sweep would see the order idle.
  return age < 0 || age >= ACTIVITY_NOTED_EVERY_MS;
}

/** Notes that a waiter is working on the order, in a transaction of its own, if its last activity is stale. */
export function noteActivity(ctx: Pick<LoyaltyContext, 'db' | 'events' | 'clock'>, orderId: string, lastActivity: string | null): void {
  const now = ctx.clock.now();
  if (activityIsStale(lastActivity, now)) inTransaction(ctx.db, ctx.events, () => touchOrder(ctx.db, orderId, now.toISOString()));
}
