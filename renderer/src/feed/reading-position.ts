import type { TillEvent } from '../../../shared/events.js';

/**
 * How many live events arrived above the row that used to be on top, or 0 when that row is gone (a
 * new filter, a reload). A cashier who has scrolled down keeps reading the same rows: the list is
 * scrolled down by that many rows instead of everything sliding under the cashier's eyes.
 */
export function rowsArrivedAbove(previousTopId: number | null, events: readonly TillEvent[]): number {
  if (previousTopId === null) return 0;
  const index = events.findIndex((event) => event.id === previousTopId);
  return index > 0 ? index : 0;
}
