import type { TillEvent, TillEventType } from '../../../shared/events.js';
import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

/** An event as it is stored: its data and the waiter's name at the time ride in `payload`. */
export interface StoredEvent {
  at: string;
  type: TillEventType;
  orderId: string | null;
  waiterId: string | null;
  data: unknown;
  waiterName: string | null;
}

/** Writes an event (inside the transaction of the change it describes); its id. */
export function insertEvent(db: TillDatabase, event: StoredEvent): number {
  const row = prepared(db, 'INSERT INTO events (at, type, order_id, waiter_id, payload) VALUES (?, ?, ?, ?, ?) RETURNING id').get(
    event.at,
    event.type,
    event.orderId,
    event.waiterId,
    JSON.stringify({ data: event.data, waiterName: event.waiterName }),
  ) as { id: number };
  return row.id;
}

/**
 * Newest first, `limit` events between `afterId` and `beforeId` (both excluded), of the given types
 * (all when none are given). With `afterId` the page is the `limit` events just after it (the
 * dashboard's window paging back towards the newest); otherwise the `limit` just before `beforeId`.
 */
export function eventHistory(
  db: TillDatabase,
  page: { beforeId: number; afterId: number; limit: number; types: readonly TillEventType[] },
): TillEvent[] {
  const typeFilter = page.types.length > 0 ? ` AND type IN (${page.types.map(() => '?').join(',')})` : '';
  const order = page.afterId > 0 ? 'ASC' : 'DESC';
  const rows = prepared(
    db,
    `SELECT id, at, type, order_id, waiter_id, payload FROM events WHERE id < ? AND id > ?${typeFilter} ORDER BY id ${order} LIMIT +?`,
  ).all(page.beforeId, page.afterId, ...page.types, page.limit) as {
    id: number;
    at: string;
    type: TillEventType;
    order_id: string | null;
    waiter_id: string | null;
    payload: string;
  }[];
  if (order === 'ASC') rows.reverse();
  return rows.map((row) => {
    const payload = JSON.parse(row.payload) as { data: unknown; waiterName: string | null };
    return {
      id: row.id,
      at: row.at,
      type: row.type,
      orderId: row.order_id,
      waiterId: row.waiter_id,
      waiterName: payload.waiterName,
      data: payload.data,
    } as TillEvent;
  });
}

/** The id of the newest stored event (0 when there is none). */
export function newestEventId(db: TillDatabase): number {
  return (prepared(db, 'SELECT COALESCE(MAX(id), 0) AS id FROM events').get() as { id: number }).id;
}
