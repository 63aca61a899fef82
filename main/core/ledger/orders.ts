import type { OrderStatus } from '../../../shared/wire/order-view.js';
import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

export interface OrderRecord {
  id: string;
  guestId: string | null;
  guestName: string | null;
  precheckOrderSum: number | null;
  status: OrderStatus;
}

interface OrderRow {
  id: string;
  guest_id: string | null;
  guest_name: string | null;
  precheck_order_sum: number | null;
  status: OrderStatus;
}

// The status is the row's own column (written with the payment and the refund): one probe.
const ORDER_COLUMNS = 'o.id, o.guest_id, o.guest_name, o.precheck_order_sum, o.status';

// Built once: a template literal in the call would build its text again on every call, and the
// statement cache would hash all of it each time (every waiter request reads its order).
const ORDER_BY_ID = `SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.id = ?`;

function toOrder(row: OrderRow): OrderRecord {
  return {
    id: row.id,
    guestId: row.guest_id,
    guestName: row.guest_name,
    precheckOrderSum: row.precheck_order_sum,
    status: row.status,
  };
}

/** An order as the till knows it; its status is Paid with its payment row and Refunded with its refund row. */
export function findOrder(db: TillDatabase, orderId: string): OrderRecord | null {
  const row = prepared(db, ORDER_BY_ID).get(orderId) as OrderRow | undefined;
  return row ? toOrder(row) : null;
}

/** What a check-in asks of its order before deciding whether to write: its status, bound guest and last activity. */
export type OrderState = Pick<OrderRecord, 'status' | 'guestId'> & { updatedAt: string };

const ORDER_STATE_BY_ID = 'SELECT status, guest_id AS guestId, updated_at AS updatedAt FROM orders WHERE id = ?';

/**
 * An order's status and guest only: every check-in reads them, and the two columns cost half the
 * read of the whole record (its id and the guest's name decoded, a second object built; issue 19).
 */
export function findOrderState(db: TillDatabase, orderId: string): OrderState | null {
  return (prepared(db, ORDER_STATE_BY_ID).get(orderId) as OrderState | undefined) ?? null;
}

/** Several orders in one query, by id (unknown ids are left out). */
export function findOrders(db: TillDatabase, orderIds: readonly string[]): Map<string, OrderRecord> {
  const rows = prepared(db, `SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(orderIds)) as OrderRow[];
  return new Map(rows.map((row) => [row.id, toOrder(row)]));
}

/** An order never seen before is Open with nothing in it. */
export function ensureOrder(db: TillDatabase, orderId: string, at: string): OrderRecord {
  prepared(db, 'INSERT INTO orders (id, opened_at, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING').run(orderId, at, at);
  return findOrder(db, orderId) as OrderRecord;
}

export function bindGuest(db: TillDatabase, orderId: string, guest: { id: string; fullName: string } | null, waiterId: string | null, at: string): void {
  prepared(db, 'UPDATE orders SET guest_id = ?, guest_name = ?, checked_in_by = ?, updated_at = ? WHERE id = ?').run(
    guest?.id ?? null,
    guest?.fullName ?? null,
    waiterId,
    at,
    orderId,
  );
}

/** When anything last happened in the order (null: no such order). */
export function orderTouchedAt(db: TillDatabase, orderId: string): string | null {
  return (prepared(db, 'SELECT updated_at AS at FROM orders WHERE id = ?').get(orderId) as { at: string } | undefined)?.at ?? null;
}

/** Something happened in the order (a gift offered, added or removed): it is not idle. */
export function touchOrder(db: TillDatabase, orderId: string, at: string): void {
  prepared(db, 'UPDATE orders SET updated_at = ? WHERE id = ?').run(at, orderId);
}

/** The sum of the order's last pre-check, which the bonus limit is counted from. */
export function setPrecheckSum(db: TillDatabase, orderId: string, orderSum: number, at: string): void {
  prepared(db, 'UPDATE orders SET precheck_order_sum = ?, updated_at = ? WHERE id = ?').run(orderSum, at, orderId);
}

/** What the cashier typed to find an order: a part of its id or of the guest's name, any case. */
const foldSearch = (text: string): string => text.trim().toLocaleLowerCase('ru').replaceAll('ё', 'е');

const SHOWN_ORDERS = `FROM orders o
     WHERE o.status = 'Open'
       AND (o.guest_id IS NOT NULL
            OR EXISTS (SELECT 1 FROM holds h WHERE h.order_id = o.id AND NOT EXISTS (SELECT 1 FROM hold_resolutions r WHERE r.hold_id = h.id)))
       AND (CASE WHEN ? THEN updated_at < ? ELSE updated_at >= ? END)`;

/**
 * The orders the cashier's screen shows: not paid, with a guest or an active reservation, newest
 * first (at most `limit`), last touched at or after `activeSince` — or, with `stale`, before it: an
 * order nobody has touched for hours leaves the screen but stays in the file and can be listed, and
 * found by a part of its id or of its guest's name (`search`).
 */
export function ordersToShow(
  db: TillDatabase,
  options: { activeSince: string; stale?: boolean; search?: string; limit?: number },
): { id: string; updatedAt: string }[] {
  const search = foldSearch(options.search ?? '');
  return prepared(
    db,
    `SELECT id, updated_at AS updatedAt ${SHOWN_ORDERS}
       AND (? = '' OR instr(fold(o.id), ?) > 0 OR instr(fold(coalesce(o.guest_name, '')), ?) > 0)
     ORDER BY updated_at DESC LIMIT +?`,
  ).all(options.stale ? 1 : 0, options.activeSince, options.activeSince, search, search, search, options.limit ?? 200) as {
    id: string;
    updatedAt: string;
  }[];
}

/** How many orders left the screen for lack of activity since `activeSince` (the «Давно без движения» tab). */
export function staleOrderCount(db: TillDatabase, activeSince: string): number {
  return (prepared(db, `SELECT COUNT(*) AS n ${SHOWN_ORDERS}`).get(1, activeSince, activeSince) as { n: number }).n;
}

/**
 * Orders whose status column disagrees with their payment and refund rows (Refunded with a refund,
 * else Paid with a payment, else Open): always none, since the three are written in one transaction.
 * For the crash audit and the property tests.
 */
export function ordersWithWrongStatus(db: TillDatabase): { id: string; status: string; expected: OrderStatus }[] {
  return prepared(
    db,
    `SELECT id, status, expected FROM (
       SELECT o.id, o.status,
              CASE WHEN EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id) THEN 'Refunded'
                   WHEN EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id) THEN 'Paid'
                   ELSE 'Open' END AS expected
       FROM orders o)
     WHERE status <> expected`,
  ).all() as { id: string; status: string; expected: OrderStatus }[];
}
