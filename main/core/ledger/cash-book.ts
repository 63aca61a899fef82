import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';
import { notBeforeLastClose } from './shift-closes.js';

/**
 * The double-entry cash book behind *Money To Be Accounted For By Waiter*. Accounts are
 * `waiter:<id>` (cash a waiter holds for the till), `till` (cash in the drawer) and `sales`.
 * A waiter's debt is the sum of the waiter account's debits minus its credits: never a column.
 */
export type CashEntryKind = 'cash_taken' | 'cash_to_till' | 'hand_in' | 'refund_reversal';

export interface CashEntry {
  id: number;
  kind: CashEntryKind;
  debitAccount: string;
  creditAccount: string;
  amount: number;
  orderId: string | null;
  operationId: string;
  cashTypeId: string;
  recordedBy: string;
  note: string;
  createdAt: string;
}

export const TILL_ACCOUNT = 'till';
export const SALES_ACCOUNT = 'sales';
export const waiterAccount = (waiterId: string): string => `waiter:${waiterId}`;

export function recordCashEntry(db: TillDatabase, written: Omit<CashEntry, 'id'>): CashEntry {
  const entry = { ...written, createdAt: notBeforeLastClose(db, written.createdAt) };
  const row = prepared(db, `INSERT INTO cash_entries (kind, debit_account, credit_account, amount, order_id, operation_id, cash_type_id, recorded_by, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      entry.kind,
      entry.debitAccount,
      entry.creditAccount,
      entry.amount,
      entry.orderId,
      entry.operationId,
      entry.cashTypeId,
      entry.recordedBy,
      entry.note,
      entry.createdAt,
    ) as { id: number };
  return { ...entry, id: row.id };
}

/**
 * Kopecks an account gained in entries (afterId, upToId]: debits minus credits. The whole book
 * (0, ∞) is its balance; for a waiter, the cash still to hand in.
 */
export function accountBalance(db: TillDatabase, account: string, entries: { afterId?: number; upToId?: number } = {}): number {
  const row = prepared(
    db,
    `SELECT COALESCE((SELECT SUM(amount) FROM cash_entries WHERE debit_account = @account AND id > @after AND id <= @upTo), 0)
          - COALESCE((SELECT SUM(amount) FROM cash_entries WHERE credit_account = @account AND id > @after AND id <= @upTo), 0) AS balance`,
  ).get({ account, after: entries.afterId ?? 0, upTo: entries.upToId ?? Number.MAX_SAFE_INTEGER }) as { balance: number };
  return row.balance;
}

/** The hand-in booked under this operation id, if any. */
export function handInOfOperation(db: TillDatabase, operationId: string): { id: number; creditAccount: string; amount: number; createdAt: string } | null {
  const row = prepared(
    db,
    "SELECT id, credit_account AS creditAccount, amount, created_at AS createdAt FROM cash_entries WHERE operation_id = ? AND kind = 'hand_in'",
  ).get(operationId);
  return (row as { id: number; creditAccount: string; amount: number; createdAt: string } | undefined) ?? null;
}

export function cashEntriesOfOperation(db: TillDatabase, operationId: string): CashEntry[] {
  const rows = prepared(db, `SELECT id, kind, debit_account, credit_account, amount, order_id, operation_id, cash_type_id, recorded_by, note, created_at
       FROM cash_entries WHERE operation_id = +? ORDER BY id`,
    )
    .all(operationId) as {
    id: number;
    kind: CashEntryKind;
    debit_account: string;
    credit_account: string;
    amount: number;
    order_id: string | null;
    operation_id: string;
    cash_type_id: string;
    recorded_by: string;
    note: string;
    created_at: string;
  }[];
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    debitAccount: row.debit_account,
    creditAccount: row.credit_account,
    amount: row.amount,
    orderId: row.order_id,
    operationId: row.operation_id,
    cashTypeId: row.cash_type_id,
    recordedBy: row.recorded_by,
    note: row.note,
    createdAt: row.created_at,
  }));
}
