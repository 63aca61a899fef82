import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

/**
 * Two-phase reservations of a guest's points (as TigerBeetle's pending transfers): a hold is created,
 * then resolved exactly once — posted (possibly for less) at payment, or voided by check-out, gift
 * removal or a new pre-check. The resolution's primary key is the hold id, so SQLite itself refuses
 * a second resolution.
 */
export interface Hold {
  id: number;
  orderId: string;
  guestId: string;
  kind: 'gift' | 'bonus';
  voucherId: string | null;
  giftName: string | null;
  productCode: string | null;
  amount: number;
  createdAt: string;
}

interface HoldRow {
  id: number;
  order_id: string;
  guest_id: string;
  kind: 'gift' | 'bonus';
  voucher_id: string | null;
  gift_name: string | null;
  product_code: string | null;
  amount: number;
  created_at: string;
}

const ACTIVE = 'NOT EXISTS (SELECT 1 FROM hold_resolutions r WHERE r.hold_id = h.id)';

function toHold(row: HoldRow): Hold {
  return {
    id: row.id,
    orderId: row.order_id,
    guestId: row.guest_id,
    kind: row.kind,
    voucherId: row.voucher_id,
    giftName: row.gift_name,
    productCode: row.product_code,
    amount: row.amount,
    createdAt: row.created_at,
  };
}

export function activeHoldsOfOrder(db: TillDatabase, orderId: string, kind?: Hold['kind']): Hold[] {
  const rows = prepared(db, `SELECT * FROM holds h WHERE h.order_id = +? AND (? IS NULL OR h.kind = ?) AND ${ACTIVE} ORDER BY h.id`)
    .all(orderId, kind ?? null, kind ?? null) as HoldRow[];
  return rows.map(toHold);
}

export function activeHoldOfVoucher(db: TillDatabase, voucherId: string): Hold | null {
  const row = prepared(db, `SELECT * FROM holds h WHERE h.voucher_id = +? AND ${ACTIVE} ORDER BY h.id DESC LIMIT 1`)
    .get(voucherId) as HoldRow | undefined;
  return row ? toHold(row) : null;
}

/** Kopecks of a guest's points reserved by open orders. */
export function heldFromGuest(db: TillDatabase, guestId: string): number {
  const row = prepared(db, `SELECT COALESCE(SUM(h.amount), 0) AS total FROM holds h WHERE h.guest_id = ? AND ${ACTIVE}`)
    .get(guestId) as { total: number };
  return row.total;
}

/**
 * Active holds of one kind in open orders nobody has touched since `idleSince` (ISO): an order closed
 * in iikoFront without a check-out, whose reservation would otherwise stay held. By order, oldest first.
 */
export function activeHoldsOfIdleOrders(db: TillDatabase, idleSince: string, kind: Hold['kind']): Hold[] {
  const rows = prepared(
    db,
    `SELECT h.* FROM holds h JOIN orders o ON o.id = h.order_id
     WHERE o.status = 'Open' AND o.updated_at < ? AND h.kind = ? AND ${ACTIVE} ORDER BY h.order_id, h.id`,
  ).all(idleSince, kind) as HoldRow[];
  return rows.map(toHold);
}

export function createHold(db: TillDatabase, hold: Omit<Hold, 'id'>): Hold {
  const row = prepared(db, `INSERT INTO holds (order_id, guest_id, kind, voucher_id, gift_name, product_code, amount, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(hold.orderId, hold.guestId, hold.kind, hold.voucherId, hold.giftName, hold.productCode, hold.amount, hold.createdAt) as {
    id: number;
  };
  return { ...hold, id: row.id };
}

export function voidHold(db: TillDatabase, holdId: number, reason: string, at: string): void {
  prepared(db, "INSERT INTO hold_resolutions (hold_id, outcome, posted_amount, reason, resolved_at) VALUES (?, 'voided', 0, ?, ?)").run(
    holdId,
    reason,
    at,
  );
}

export function postHold(db: TillDatabase, holdId: number, postedAmount: number, reason: string, at: string): void {
  prepared(db, "INSERT INTO hold_resolutions (hold_id, outcome, posted_amount, reason, resolved_at) VALUES (?, 'posted', ?, ?, ?)").run(
    holdId,
    postedAmount,
    reason,
    at,
  );
}

/** A gift hold with how it was resolved (null while it is active). */
export type GiftHold = Hold & { outcome: 'posted' | 'voided' | null };

/** Every gift hold of these orders, by order, oldest first. */
export function giftHoldsOfOrders(db: TillDatabase, orderIds: readonly string[]): Map<string, GiftHold[]> {
  const rows = prepared(
    db,
    `SELECT h.*, r.outcome FROM holds h LEFT JOIN hold_resolutions r ON r.hold_id = h.id
     WHERE h.order_id IN (SELECT value FROM json_each(?)) AND h.kind = 'gift' ORDER BY h.id`,
  ).all(JSON.stringify(orderIds)) as (HoldRow & { outcome: 'posted' | 'voided' | null })[];
  return groupBy(rows.map((row) => ({ ...toHold(row), outcome: row.outcome })), (hold) => hold.orderId);
}

/** Kopecks reserved for bonus payment in each of these orders (active holds only). */
export function bonusReservedInOrders(db: TillDatabase, orderIds: readonly string[]): Map<string, number> {
  const rows = prepared(
    db,
    `SELECT h.order_id AS orderId, SUM(h.amount) AS total FROM holds h
     WHERE h.order_id IN (SELECT value FROM json_each(?)) AND h.kind = 'bonus' AND ${ACTIVE} GROUP BY h.order_id`,
  ).all(JSON.stringify(orderIds)) as { orderId: string; total: number }[];
  return new Map(rows.map((row) => [row.orderId, row.total]));
}

/** Items by a key of theirs, each group in the items' order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** A voucher redeemed by a payment that was not refunded cannot be used again. */
export function voucherRedeemedIn(db: TillDatabase, voucherId: string): string | null {
  const row = prepared(db, `SELECT h.order_id FROM holds h JOIN hold_resolutions r ON r.hold_id = h.id
       WHERE h.voucher_id = +? AND r.outcome = 'posted'
         AND NOT EXISTS (SELECT 1 FROM refunds f WHERE f.order_id = h.order_id)
       LIMIT 1`,
    )
    .get(voucherId) as { order_id: string } | undefined;
  return row?.order_id ?? null;
}
