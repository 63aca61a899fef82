import type { TillEvent } from '../../../shared/events.js';

/** The list as drawn: its events and whether a «newer» row sits above them (0 or 1 rows). */
export interface DrawnFeed {
  events: readonly TillEvent[];
  rowsAbove: number;
}

/**
 * How many rows the cashier's reading position moved down (positive: live events or a newer page
 * arrived above) or up (negative: the window let its newest events go after an older page) between
 * two drawings of the list; 0 when the two share no row (a new filter, a reload). The list is
 * scrolled by that many rows, so the rows under the cashier's eyes stay there.
 */
export function rowsShifted(previous: DrawnFeed, next: DrawnFeed): number {
  const previousTop = previous.events[0];
  const nextTop = next.events[0];
  if (!previousTop || !nextTop) return 0;
  const nowAt = next.events.findIndex((event) => event.id === previousTop.id);
  if (nowAt >= 0) return nowAt + next.rowsAbove - previous.rowsAbove;
  const wasAt = previous.events.findIndex((event) => event.id === nextTop.id);
  if (wasAt >= 0) return next.rowsAbove - (wasAt + previous.rowsAbove);
  return 0;
}
