import type { CashEntryKind } from './cash-book.js';
import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

/** One entry of the cash book as the movements export lists it; `waiterId` null for cash straight to the till. */
export interface CashMovementRow {
  id: number;
  at: string;
  kind: CashEntryKind;
  waiterId: string | null;
  waiterName: string | null;
  amount: number;
  orderId: string | null;
  recordedBy: string;
  /** The name of the waiter who recorded it, when `recordedBy` is a waiter's id. */
  recorderName: string | null;
  note: string;
}

/** How many cash-book entries fall in [from, to): the export's total, known before its first row. */
export function countCashMovements(db: TillDatabase, period: { from: string; to: string }): number {
  return (prepared(db, 'SELECT COUNT(*) AS n FROM cash_entries WHERE created_at >= @from AND created_at < @to').get(period) as { n: number }).n;
}

/** Where a page of the export ends: the next page starts after this entry (time, then id). */
export interface MovementsCursor {
  at: string;
  id: number;
}

/**
 * Up to `limit` entries of [from, to) after `cursor`, in time order, along the time index. A page at
 * a time (never an open iterator): the connection stays free for the waiters' requests while a long
 * export streams.
 */
export function cashMovementsPage(db: TillDatabase, period: { from: string; to: string }, cursor: MovementsCursor, limit: number): CashMovementRow[] {
  return prepared(
    db,
    `SELECT e.id, e.created_at AS at, e.kind,
            CASE WHEN substr(e.debit_account, 1, 7) = 'waiter:' THEN substr(e.debit_account, 8)
                 WHEN substr(e.credit_account, 1, 7) = 'waiter:' THEN substr(e.credit_account, 8) END AS waiterId,
            w.name AS waiterName, e.amount, e.order_id AS orderId, e.recorded_by AS recordedBy, r.name AS recorderName, e.note
       FROM cash_entries e
       LEFT JOIN waiters r ON r.id = e.recorded_by
       LEFT JOIN waiters w ON w.id = CASE WHEN substr(e.debit_account, 1, 7) = 'waiter:' THEN substr(e.debit_account, 8)
                                          WHEN substr(e.credit_account, 1, 7) = 'waiter:' THEN substr(e.credit_account, 8) END
      WHERE e.created_at >= @from AND e.created_at < @to AND (e.created_at, e.id) > (@afterAt, @afterId)
      ORDER BY e.created_at, e.id LIMIT +@limit`,
  ).all({ ...period, afterAt: cursor.at, afterId: cursor.id, limit }) as CashMovementRow[];
}
