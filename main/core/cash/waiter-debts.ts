import type { TillDatabase } from '../ledger/database.js';
import { waiterAccount } from '../ledger/cash-book.js';

/**
 * A waiter's debt is the cash the waiter took from guests and has not yet handed in at the till:
 * the sum of the waiter account's entries (cash taken raises it; hand-ins and refund reversals lower
 * it). It is never stored, so switching *Money To Be Accounted For By Waiter* off or on changes only
 * how future payments are booked, never a debt already owed.
 *
 * A debt can be negative: when an order is refunded after its cash was handed in, the reversal
 * lowers the debt below zero, meaning the till owes the waiter that cash (the waiter gave the guest
 * their money back from their own pocket). It is shown as it is, not clamped, so that the book
 * still adds up.
 */

/** Every entry that touches a waiter account, seen from the waiter: + raises the debt, − lowers it. */
export const WAITER_MOVEMENTS = `
  SELECT id, substr(debit_account, 8) AS waiter_id, kind, amount AS signed, order_id, cash_type_id, recorded_by, note, created_at
    FROM cash_entries WHERE substr(debit_account, 1, 7) = 'waiter:'
  UNION ALL
  SELECT id, substr(credit_account, 8) AS waiter_id, kind, -amount AS signed, order_id, cash_type_id, recorded_by, note, created_at
    FROM cash_entries WHERE substr(credit_account, 1, 7) = 'waiter:'`;

export type WaiterMovementKind = 'cash_taken' | 'hand_in' | 'refund_reversal';

export interface KnownWaiter {
  id: string;
  name: string | null;
}

export interface WaiterCashSummary extends KnownWaiter {
  debt: number;
  takenToday: number;
  handedInToday: number;
  lastMovementAt: string | null;
}

export interface WaiterMovement {
  id: number;
  at: string;
  kind: WaiterMovementKind;
  amount: number;
  orderId: string | null;
  cashTypeId: string;
  recordedBy: string;
  note: string;
  debtAfter: number;
}

/** A waiter the till has seen (named or not), or one that only the cash book knows. */
export function findWaiter(db: TillDatabase, id: string): KnownWaiter | null {
  const row = db.prepare('SELECT id, name FROM waiters WHERE id = ?').get(id) as KnownWaiter | undefined;
  if (row) return row;
  const account = waiterAccount(id);
  const moved = db.prepare('SELECT 1 FROM cash_entries WHERE debit_account = ? OR credit_account = ? LIMIT 1').get(account, account);
  return moved ? { id, name: null } : null;
}

/** Kopecks the waiter still has to hand in (negative: the till owes the waiter). */
export function waiterDebt(db: TillDatabase, id: string, upToEntryId = Number.MAX_SAFE_INTEGER): number {
  const account = waiterAccount(id);
  const row = db
    .prepare(
      `SELECT COALESCE(SUM(CASE WHEN debit_account = @account THEN amount ELSE -amount END), 0) AS debt
       FROM cash_entries WHERE (debit_account = @account OR credit_account = @account) AND id <= @upTo`,
    )
    .get({ account, upTo: upToEntryId }) as { debt: number };
  return row.debt;
}

/** Every known waiter with debt and movement since `since` (an ISO instant), largest debt first. */
export function listWaiterCash(db: TillDatabase, since: string): WaiterCashSummary[] {
  return db
    .prepare(
      `WITH movements AS (${WAITER_MOVEMENTS}),
            known AS (SELECT id, name FROM waiters
                      UNION SELECT DISTINCT waiter_id, NULL FROM movements WHERE waiter_id NOT IN (SELECT id FROM waiters))
       SELECT k.id, k.name,
              COALESCE(SUM(m.signed), 0) AS debt,
              COALESCE(SUM(CASE WHEN m.kind = 'cash_taken' AND m.created_at >= @since THEN m.signed END), 0) AS takenToday,
              COALESCE(SUM(CASE WHEN m.kind = 'hand_in' AND m.created_at >= @since THEN -m.signed END), 0) AS handedInToday,
              MAX(m.created_at) AS lastMovementAt
       FROM known k LEFT JOIN movements m ON m.waiter_id = k.id
       GROUP BY k.id, k.name
       ORDER BY debt DESC, k.name IS NULL, k.name, k.id`,
    )
    .all({ since }) as WaiterCashSummary[];
}

/** The waiter's entries newest first, `limit` of them older than entry `beforeId`, each with the debt it left. */
export function waiterHistory(db: TillDatabase, id: string, page: { beforeId?: number | undefined; limit: number }): WaiterMovement[] {
  const account = waiterAccount(id);
  return db
    .prepare(
      `SELECT * FROM (
         SELECT id, created_at AS at, kind,
                CASE WHEN debit_account = @account THEN amount ELSE -amount END AS amount,
                order_id AS orderId, cash_type_id AS cashTypeId, recorded_by AS recordedBy, note,
                SUM(CASE WHEN debit_account = @account THEN amount ELSE -amount END) OVER (ORDER BY id) AS debtAfter
         FROM cash_entries WHERE debit_account = @account OR credit_account = @account)
       WHERE id < @before ORDER BY id DESC LIMIT @limit`,
    )
    .all({ account, before: page.beforeId ?? Number.MAX_SAFE_INTEGER, limit: page.limit }) as WaiterMovement[];
}
