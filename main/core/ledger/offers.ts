import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

/** A gift voucher offered in an order by a check-in, not yet added: points in kopecks. */
export interface GiftOffer {
  orderId: string;
  voucherId: string;
  guestId: string;
  name: string;
  productCode: string;
  points: number;
}

const COLUMNS = 'order_id AS orderId, voucher_id AS voucherId, guest_id AS guestId, name, product_code AS productCode, points';

/** Offers the voucher in the order; false when it was offered there already. */
export function offerGift(db: TillDatabase, offer: GiftOffer, at: string): boolean {
  return (
    prepared(
      db,
      `INSERT INTO order_offers (order_id, voucher_id, guest_id, name, product_code, points, offered_at)
       VALUES (@orderId, @voucherId, @guestId, @name, @productCode, @points, @at) ON CONFLICT DO NOTHING`,
    ).run({ ...offer, at }).changes === 1
  );
}

export function offerInOrder(db: TillDatabase, orderId: string, voucherId: string): GiftOffer | null {
  return (prepared(db, `SELECT ${COLUMNS} FROM order_offers WHERE order_id = ? AND voucher_id = ?`).get(orderId, voucherId) as GiftOffer | undefined) ?? null;
}

/** The offers of these orders, by order, each in the order they were made. */
export function offersOfOrders(db: TillDatabase, orderIds: readonly string[]): Map<string, GiftOffer[]> {
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM order_offers WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY offered_at, voucher_id`,
  ).all(JSON.stringify(orderIds)) as GiftOffer[];
  const byOrder = new Map<string, GiftOffer[]>();
  for (const offer of rows) byOrder.set(offer.orderId, [...(byOrder.get(offer.orderId) ?? []), offer]);
  return byOrder;
}

/** Drops every offer of the order (check-out, payment); how many there were. */
export function dropOffers(db: TillDatabase, orderId: string): number {
  return prepared(db, 'DELETE FROM order_offers WHERE order_id = ?').run(orderId).changes;
}
