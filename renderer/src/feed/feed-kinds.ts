import type { TillEventType } from '../../../shared/events.js';

/** The kinds a cashier filters the feed by, each a set of event types. */
export const FEED_KINDS = ['checkIns', 'gifts', 'bonuses', 'payments', 'cash', 'refunds', 'problems', 'system'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

const TYPES_OF_KIND: Record<FeedKind, readonly TillEventType[]> = {
  checkIns: ['guest.checked_in', 'guest.checked_out'],
  gifts: ['gift.added', 'gift.removed', 'order.reservations_released'],
  bonuses: ['bonus.reserved', 'order.reservations_released'],
  payments: ['payment.committed'],
  // A cash payment is where a waiter takes cash, so it belongs here as well as under payments.
  cash: ['payment.committed', 'cash.handed_in', 'shift.closed'],
  refunds: ['order.refunded'],
  problems: ['request.refused', 'server.error', 'provider.status', 'backup.failed', 'update.failed', 'storage.failed', 'storage.recovered'],
  system: ['settings.changed'],
};

/** The event types to ask the server for; empty means every type. */
export function typesOfKinds(kinds: readonly FeedKind[]): TillEventType[] {
  return [...new Set(kinds.flatMap((kind) => TYPES_OF_KIND[kind]))].sort();
}

/** Whether a live event belongs in a feed filtered to these types (empty: all). */
export function matchesTypes(type: TillEventType, types: readonly TillEventType[]): boolean {
  return types.length === 0 || types.includes(type);
}

/** Toggling a kind chip; choosing every kind is the same as choosing none. */
export function toggleKind(selected: readonly FeedKind[], kind: FeedKind): FeedKind[] {
  const next = selected.includes(kind) ? selected.filter((k) => k !== kind) : [...selected, kind];
  return next.length === FEED_KINDS.length ? [] : FEED_KINDS.filter((k) => next.includes(k));
}
