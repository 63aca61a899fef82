import type { TillDatabase } from '../ledger/database.js';
import { TILL_ACCOUNT } from '../ledger/cash-book.js';
import { WAITER_MOVEMENTS } from './waiter-debts.js';

/** One waiter's cash over a period; all sums in kopecks. */
export interface ShiftWaiterLine {
  id: string;
  name: string | null;
  openingDebt: number;
  taken: number;
  handedIn: number;
  reversed: number;
  closingDebt: number;
}

export type ShiftTotals = Omit<ShiftWaiterLine, 'id' | 'name'>;

export interface ShiftReport {
  from: string;
  to: string;
  waiters: ShiftWaiterLine[];
  totals: ShiftTotals;
  /** Cash paid straight into the till (waiter cash off, or no waiter identified), net of its refunds. */
  cashToTill: number;
}

export type ShiftMovements = Omit<ShiftWaiterLine, 'closingDebt'>;

/**
 * The report's arithmetic: closing debt = opening + taken − handed in − reversed, for every waiter
 * and for the totals. Waiters with nothing owed and nothing moved in the period are left out.
 */
export function summariseShift(period: { from: string; to: string }, movements: readonly ShiftMovements[], cashToTill: number): ShiftReport {
  const waiters = movements
    .map((line) => ({ ...line, closingDebt: line.openingDebt + line.taken - line.handedIn - line.reversed }))
    .filter((line) => line.openingDebt !== 0 || line.taken !== 0 || line.handedIn !== 0 || line.reversed !== 0)
    .sort((a, b) => b.closingDebt - a.closingDebt || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'ru') || a.id.localeCompare(b.id));
  const totals: ShiftTotals = { openingDebt: 0, taken: 0, handedIn: 0, reversed: 0, closingDebt: 0 };
  for (const line of waiters) {
    totals.openingDebt += line.openingDebt;
    totals.taken += line.taken;
    totals.handedIn += line.handedIn;
    totals.reversed += line.reversed;
    totals.closingDebt += line.closingDebt;
  }
  return { from: period.from, to: period.to, waiters, totals, cashToTill };
}

/** Later than any `created_at` (ISO strings compare in time order only while years have 4 digits). */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/**
 * The shift report from the cash book over [from, to). `to` null means "up to now": every entry
 * recorded so far, even one stamped in this very millisecond.
 */
export function loadShiftReport(db: TillDatabase, period: { from: Date; to: Date | null }, now: Date): ShiftReport {
  const params = { from: period.from.toISOString(), to: period.to?.toISOString() ?? END_OF_TIME };
  const movements = db
    .prepare(
      `WITH movements AS (${WAITER_MOVEMENTS})
       SELECT m.waiter_id AS id, w.name AS name,
              COALESCE(SUM(CASE WHEN m.created_at < @from THEN m.signed END), 0) AS openingDebt,
              COALESCE(SUM(CASE WHEN m.created_at >= @from AND m.kind = 'cash_taken' THEN m.signed END), 0) AS taken,
              COALESCE(SUM(CASE WHEN m.created_at >= @from AND m.kind = 'hand_in' THEN -m.signed END), 0) AS handedIn,
              COALESCE(SUM(CASE WHEN m.created_at >= @from AND m.kind = 'refund_reversal' THEN -m.signed END), 0) AS reversed
       FROM movements m LEFT JOIN waiters w ON w.id = m.waiter_id
       WHERE m.created_at < @to
       GROUP BY m.waiter_id, w.name`,
    )
    .all(params) as ShiftMovements[];
  const till = db
    .prepare(
      `SELECT COALESCE(SUM(CASE WHEN kind = 'cash_to_till' THEN amount END), 0)
            - COALESCE(SUM(CASE WHEN kind = 'refund_reversal' THEN amount END), 0) AS cashToTill
       FROM cash_entries
       WHERE created_at >= @from AND created_at < @to
         AND ((kind = 'cash_to_till' AND debit_account = @till) OR (kind = 'refund_reversal' AND credit_account = @till))`,
    )
    .get({ ...params, till: TILL_ACCOUNT }) as { cashToTill: number };
  return summariseShift({ from: params.from, to: (period.to ?? now).toISOString() }, movements, till.cashToTill);
}
