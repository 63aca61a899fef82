import type { ShiftReport, ShiftTotals, ShiftWaiterLine } from '../../../shared/admin/waiter-cash.js';
import type { TillDatabase } from '../ledger/database.js';
import type { WaiterDebtTally } from '../ledger/waiter-debt-tally.js';
import { byDebtThenName, cashToTill, movementsSince, waiterNames } from '../ledger/waiter-debts.js';

export type { ShiftReport, ShiftTotals, ShiftWaiterLine };

export type ShiftMovements = Omit<ShiftWaiterLine, 'closingDebt'>;

/**
 * The report's arithmetic: closing debt = opening + taken − handed in − reversed, for every waiter
 * and for the totals. Waiters with nothing owed and nothing moved in the period are left out.
 */
export function summariseShift(period: { from: string; to: string }, movements: readonly ShiftMovements[], cashToTill: number): ShiftReport {
  const waiters = movements
    .map((line) => ({ ...line, closingDebt: line.openingDebt + line.taken - line.handedIn - line.reversed }))
    .filter((line) => line.openingDebt !== 0 || line.taken !== 0 || line.handedIn !== 0 || line.reversed !== 0)
    .sort((a, b) => byDebtThenName({ ...a, debt: a.closingDebt }, { ...b, debt: b.closingDebt }));
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

/**
 * The shift report from the cash book over [from, to); `to` null means "up to now": every entry
 * recorded so far, even one stamped in this very millisecond. Only entries from `from` on are read:
 * the opening debt is today's debt less what moved since, so a report on the last shift stays
 * quick however long the book is.
 */
export function loadShiftReport(db: TillDatabase, tally: WaiterDebtTally, period: { from: Date; to: Date | null }, now: Date): ShiftReport {
  const params = { from: period.from.toISOString(), to: period.to?.toISOString() ?? END_OF_TIME };
  const moved = movementsSince(db, params);
  const movedOf = new Map(moved.map((row) => [row.id, row]));
  const names = waiterNames(db);
  const movements: ShiftMovements[] = [...tally.current()].map(([id, { debt }]) => {
    const row = movedOf.get(id);
    return {
      id,
      name: names.get(id) ?? null,
      openingDebt: debt - (row?.sinceFrom ?? 0),
      taken: row?.taken ?? 0,
      handedIn: row?.handedIn ?? 0,
      reversed: row?.reversed ?? 0,
    };
  });
  const tillCash = cashToTill(db, params);
  return summariseShift({ from: params.from, to: (period.to ?? now).toISOString() }, movements, tillCash);
}

/** Later than any `created_at` (ISO strings compare in time order only while years have 4 digits). */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';
