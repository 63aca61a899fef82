import type { KnownWaiter, WaiterCashSummary, WaiterMovement, WaiterMovementKind } from '../../../shared/admin/waiter-cash.js';
import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';
import { TILL_ACCOUNT, accountBalance, waiterAccount } from './cash-book.js';
import type { WaiterDebtTally } from './waiter-debt-tally.js';

/**
 * A waiter's debt is the cash the waiter took from guests and has not yet handed in at the till:
 * the sum of the waiter account's entries (cash taken raises it; hand-ins and refund reversals lower
 * it). It is never stored, so switching *Money To Be Accounted For By Waiter* off or on changes only
 * how future payments are booked, never a debt already owed.
 *
 * A refund takes the order's cash off its waiter's debt only as far as the waiter still owes it
 * (cash/refund-cash.ts): what was handed in already is given back from the till. A debt below zero
 * can still be in a book an earlier version wrote (it took the whole refund off the waiter); it is
 * shown as it is, not clamped, so that the book still adds up.
 */

/**
 * Entries that touch a waiter account and match `where`, seen from the waiter: + raises the debt,
 * − lowers it. `where` goes into both halves so that a time range can use the `created_at` index.
 */
function waiterMovements(where = '1'): string {
  return `
  SELECT id, substr(debit_account, 8) AS waiter_id, kind, amount AS signed, created_at
    FROM cash_entries WHERE substr(debit_account, 1, 7) = 'waiter:' AND ${where}
  UNION ALL
  SELECT id, substr(credit_account, 8) AS waiter_id, kind, -amount AS signed, created_at
    FROM cash_entries WHERE substr(credit_account, 1, 7) = 'waiter:' AND ${where}`;
}

export type { KnownWaiter, WaiterCashSummary, WaiterMovement, WaiterMovementKind };

/** A waiter the till has seen (named or not), or one that only the cash book knows. */
export function findWaiter(db: TillDatabase, id: string): KnownWaiter | null {
  const row = prepared(db, 'SELECT id, name FROM waiters WHERE id = ?').get(id) as KnownWaiter | undefined;
  if (row) return row;
  const account = waiterAccount(id);
  const moved = prepared(db, 'SELECT 1 FROM cash_entries WHERE debit_account = ? OR credit_account = ? LIMIT 1').get(account, account);
  return moved ? { id, name: null } : null;
}

/** Kopecks the waiter still has to hand in (negative: the till owes the waiter), up to an entry. */
export function waiterDebt(db: TillDatabase, id: string, upToEntryId = Number.MAX_SAFE_INTEGER): number {
  return accountBalance(db, waiterAccount(id), { upToId: upToEntryId });
}

/**
 * What the waiter's cash taken after entry `entryId` still adds to the debt: that cash less what
 * refunds of those same later orders took off the waiter (a refund of an older order is not theirs).
 * Hand-ins pay the oldest cash first, so of the debt, this much is newer than the entry, and only
 * the rest can still be the entry's own cash.
 */
export function debtTakenAfter(db: TillDatabase, id: string, entryId: number): number {
  const row = prepared(
    db,
    `WITH later AS (SELECT order_id, amount FROM cash_entries WHERE debit_account = +@account AND kind = 'cash_taken' AND id > +@after)
     SELECT COALESCE((SELECT SUM(amount) FROM later), 0)
          - COALESCE((SELECT SUM(r.amount) FROM cash_entries r
                       WHERE r.credit_account = +@account AND r.kind = 'refund_reversal' AND r.id > +@after
                         AND r.order_id IN (SELECT order_id FROM later)), 0) AS newer`,
  ).get({ account: waiterAccount(id), after: entryId }) as { newer: number };
  return row.newer;
}

/** Display names of the waiters the till has seen, by id. */
export function waiterNames(db: TillDatabase): Map<string, string | null> {
  const rows = prepared(db, 'SELECT id, name FROM waiters').all() as KnownWaiter[];
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Largest debt first; then named waiters in Russian alphabetical order, unnamed ones last. */
export function byDebtThenName(a: KnownWaiter & { debt: number }, b: KnownWaiter & { debt: number }): number {
  return b.debt - a.debt || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'ru') || a.id.localeCompare(b.id);
}

/** Every known waiter (seen by the waiter API, or only in the cash book) with debt and movement since `since`. */
export function listWaiterCash(db: TillDatabase, tally: WaiterDebtTally, since: string): WaiterCashSummary[] {
  const debts = tally.current();
  const names = waiterNames(db);
  for (const id of debts.keys()) if (!names.has(id)) names.set(id, null);
  const today = prepared(db, `WITH movements AS (${waiterMovements('created_at >= @since')})
       SELECT waiter_id AS id,
              SUM(CASE WHEN kind = 'cash_taken' THEN signed ELSE 0 END) AS taken,
              SUM(CASE WHEN kind = 'hand_in' THEN -signed ELSE 0 END) AS handedIn,
              SUM(CASE WHEN kind = 'refund_reversal' THEN -signed ELSE 0 END) AS reversed
       FROM movements GROUP BY waiter_id`,
    )
    .all({ since }) as { id: string; taken: number; handedIn: number; reversed: number }[];
  const todayOf = new Map(today.map((row) => [row.id, row]));
  return [...names]
    .map(([id, name]) => ({
      id,
      name,
      debt: debts.get(id)?.debt ?? 0,
      takenToday: todayOf.get(id)?.taken ?? 0,
      handedInToday: todayOf.get(id)?.handedIn ?? 0,
      reversedToday: todayOf.get(id)?.reversed ?? 0,
      lastMovementAt: debts.get(id)?.lastMovementAt ?? null,
    }))
    .sort(byDebtThenName);
}

/**
 * The waiter's entries newest first, `limit` of them older than entry `beforeId`, each with the debt
 * it left. Each side of the account is read newest first along its own index, so a page costs
 * `limit` rows however long the waiter's history is.
 */
export function waiterHistory(
  db: TillDatabase,
  tally: WaiterDebtTally,
  id: string,
  page: { beforeId?: number | undefined; limit: number },
): WaiterMovement[] {
  const params = { account: waiterAccount(id), before: page.beforeId ?? Number.MAX_SAFE_INTEGER, limit: page.limit };
  const side = (column: 'debit_account' | 'credit_account', sign: '' | '-') => `
    SELECT * FROM (
      SELECT id, created_at AS at, kind, ${sign}amount AS amount, order_id AS orderId, cash_type_id AS cashTypeId,
             recorded_by AS recordedBy, note
      FROM cash_entries WHERE ${column} = +@account AND id < @before ORDER BY id DESC LIMIT +@limit)`;
  const rows = prepared(db, `SELECT * FROM (${side('debit_account', '')} UNION ALL ${side('credit_account', '-')}) ORDER BY id DESC LIMIT +@limit`)
    .all(params) as Omit<WaiterMovement, 'debtAfter'>[];
  const newest = rows[0];
  if (!newest) return [];
  const later = accountBalance(db, params.account, { afterId: newest.id });
  let debtAfter = (tally.current().get(id)?.debt ?? 0) - later;
  return rows.map((row) => {
    const entry = { ...row, debtAfter };
    debtAfter -= row.amount;
    return entry;
  });
}

/**
 * Each waiter's movements from `from` on: what moved before `to` by kind, and everything since
 * `from` (to turn today's debt into the opening debt).
 */
export function movementsSince(
  db: TillDatabase,
  period: { from: string; to: string },
): { id: string; taken: number; handedIn: number; reversed: number; sinceFrom: number }[] {
  return prepared(
    db,
    `WITH movements AS (${waiterMovements('created_at >= @from')})
     SELECT waiter_id AS id,
            SUM(CASE WHEN created_at < @to AND kind = 'cash_taken' THEN signed ELSE 0 END) AS taken,
            SUM(CASE WHEN created_at < @to AND kind = 'hand_in' THEN -signed ELSE 0 END) AS handedIn,
            SUM(CASE WHEN created_at < @to AND kind = 'refund_reversal' THEN -signed ELSE 0 END) AS reversed,
            SUM(signed) AS sinceFrom
     FROM movements GROUP BY waiter_id`,
  ).all(period) as { id: string; taken: number; handedIn: number; reversed: number; sinceFrom: number }[];
}

/** Cash put straight into the till in [from, to), less what refunds took back out of it. */
export function cashToTill(db: TillDatabase, period: { from: string; to: string }): number {
  const row = prepared(
    db,
    `SELECT COALESCE(SUM(CASE WHEN kind = 'cash_to_till' THEN amount END), 0)
          - COALESCE(SUM(CASE WHEN kind = 'refund_reversal' THEN amount END), 0) AS cashToTill
     FROM cash_entries
     WHERE created_at >= @from AND created_at < @to
       -- The unary + keeps SQLite on the time index: the till account is in most entries.
       AND ((kind = 'cash_to_till' AND +debit_account = @till) OR (kind = 'refund_reversal' AND +credit_account = @till))`,
  ).get({ ...period, till: TILL_ACCOUNT }) as { cashToTill: number };
  return row.cashToTill;
}
