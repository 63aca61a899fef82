import type { TillEvent } from '../../../shared/events.js';

/**
 * The feed's events newest first, each once: a page from history and the live stream overlap
 * around a reconnect or a page loaded while events arrive.
 */
export function mergeEvents(current: readonly TillEvent[], incoming: readonly TillEvent[]): TillEvent[] {
  if (incoming.length === 0) return current as TillEvent[];
  const newest = current[0]?.id ?? 0;
  const oldest = current[current.length - 1]?.id ?? Number.POSITIVE_INFINITY;
  const sortedIncoming = [...incoming].sort((a, b) => b.id - a.id);
  const first = sortedIncoming[0];
  const last = sortedIncoming[sortedIncoming.length - 1];
  // The common cases (a live event on top, an older page at the bottom) need no search.
  if (last && last.id > newest) return [...uniqueById(sortedIncoming), ...current];
  if (first && first.id < oldest) return [...current, ...uniqueById(sortedIncoming)];
  const byId = new Map<number, TillEvent>();
  for (const event of current) byId.set(event.id, event);
  for (const event of incoming) byId.set(event.id, event);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

function uniqueById(sorted: TillEvent[]): TillEvent[] {
  return sorted.filter((event, index) => index === 0 || sorted[index - 1]?.id !== event.id);
}
