import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

/** What a payment did, in kopecks: the row that makes an order Paid. */
export interface PaymentRecord {
  orderId: string;
  operationId: string;
  guestId: string | null;
  waiterId: string | null;
  orderSum: number;
  bonusSum: number;
  giftPoints: number;
  accrued: number;
  cashSum: number;
  waiterDebt: number;
  itemsJson: string;
  paidAt: string;
}

/**
 * Writes the payment and marks its order Paid. Call it inside the payment's transaction: the two
 * writes commit together or not at all, so an order is Paid exactly when it has a payment row.
 */
export function recordPayment(db: TillDatabase, payment: PaymentRecord): void {
  prepared(
    db,
    `INSERT INTO payments (order_id, operation_id, guest_id, waiter_id, order_sum, bonus_sum, gift_points, accrued, cash_sum, waiter_debt, items_json, paid_at)
     VALUES (@orderId, @operationId, @guestId, @waiterId, @orderSum, @bonusSum, @giftPoints, @accrued, @cashSum, @waiterDebt, @itemsJson, @paidAt)`,
  ).run(payment);
  markOrder(db, payment.orderId, 'Paid');
}

/** The payment of an order, as much of it as a refund needs. */
export function paymentOfOrder(db: TillDatabase, orderId: string): { operationId: string; guestId: string | null; orderSum: number } | null {
  const row = prepared(db, 'SELECT operation_id AS operationId, guest_id AS guestId, order_sum AS orderSum FROM payments WHERE order_id = ?').get(orderId);
  return (row as { operationId: string; guestId: string | null; orderSum: number } | undefined) ?? null;
}

/** Writes the refund and marks its order Refunded, inside the refund's transaction like a payment. */
export function recordRefund(db: TillDatabase, refund: { orderId: string; operationId: string; waiterId: string | null; refundedAt: string }): void {
  prepared(db, 'INSERT INTO refunds (order_id, operation_id, waiter_id, refunded_at) VALUES (@orderId, @operationId, @waiterId, @refundedAt)').run(refund);
  markOrder(db, refund.orderId, 'Refunded');
}

/**
 * The order's status follows its payment or refund row, one step at a time: Open → Paid → Refunded.
 * A row in any other status means the ledger disagrees with itself; the write is refused (and its
 * transaction rolled back) rather than recorded over it.
 */
function markOrder(db: TillDatabase, orderId: string, status: 'Paid' | 'Refunded'): void {
  const from = status === 'Paid' ? 'Open' : 'Paid';
  const changed = prepared(db, 'UPDATE orders SET status = ? WHERE id = ? AND status = ?').run(status, orderId, from).changes;
  if (changed !== 1) throw new Error(`order ${orderId} is not ${from}: cannot mark it ${status}`);
}
