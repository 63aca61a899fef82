import type { ShiftChoice } from '../../../shared/admin/waiter-cash.js';
import { closedShift, lastClosedShift, newestCashEntryAt, recordShiftClose, shiftClosedWithKey, type ClosedShift } from '../ledger/shift-closes.js';
import { inTransaction } from '../ledger/transaction.js';
import { businessDayOf } from './business-day.js';
import type { CashBookContext } from './hand-in.js';
import type { DayStart } from './report-period.js';

export type { ClosedShift };

/** The shift now running: its number and since when. */
export interface OpenShift {
  number: number;
  from: string;
}

/**
 * The open shift starts where the last closed one ended; before the first close, at the start of
 * the current business day (so a till that never closes a shift reports by business day, as before).
 */
export function openShift(db: CashBookContext['db'], now: Date, day: DayStart): OpenShift {
  const last = lastClosedShift(db);
  if (last) return { number: last.number + 1, from: last.to };
  return { number: 1, from: businessDayOf(now, day.startHour, day.timeZone).from.toISOString() };
}

/** Why a close was not recorded; nothing was written. */
export class ShiftCloseRefused extends Error {
  constructor(
    readonly reason: 'alreadyClosed' | 'notOpen' | 'keyReused',
    readonly shift: number,
  ) {
    super(`shift close refused: ${reason} (shift ${shift})`);
    this.name = 'ShiftCloseRefused';
  }
}

export interface ShiftCloseInput {
  /** The shift the cashier saw open: a double click or a retry cannot close the next one too. */
  shift: number;
  closedBy: string;
  /** One per confirmation dialog: the same close retried answers as the first time. */
  idempotencyKey: string | null;
  /** What the waiters still owe (closing a shift forgives nothing): told in the feed. */
  debtOutstanding: number;
}

/**
 * Closes the open shift now: one `shift_closes` row and its `shift.closed` event in one transaction.
 * Shift N closes once: closing it again is refused (`alreadyClosed`) unless it is the same request
 * under the same key, which answers the close already recorded.
 */
export function closeShift(ctx: CashBookContext, input: ShiftCloseInput, day: DayStart): ClosedShift {
  return inTransaction(ctx.db, ctx.events, () => {
    if (input.idempotencyKey !== null) {
      const earlier = shiftClosedWithKey(ctx.db, input.idempotencyKey);
      if (earlier && earlier.number !== input.shift) throw new ShiftCloseRefused('keyReused', input.shift);
      if (earlier) return earlier;
    }
    const now = ctx.clock.now();
    const open = openShift(ctx.db, now, day);
    if (input.shift < open.number) throw new ShiftCloseRefused('alreadyClosed', input.shift);
    if (input.shift > open.number) throw new ShiftCloseRefused('notOpen', input.shift);
    // The close ends after every entry already written (one in this very millisecond, one stamped at
    // the last close by a clock set back) and never before the shift began: each entry is in one shift.
    const newest = newestCashEntryAt(ctx.db);
    const after = new Date(Math.max(now.getTime(), newest === null ? 0 : Date.parse(newest) + 1, Date.parse(open.from))).toISOString();
    const shift: ClosedShift = { number: open.number, from: open.from, to: after, closedBy: input.closedBy, idempotencyKey: input.idempotencyKey };
    recordShiftClose(ctx.db, shift);
    ctx.events.record('shift.closed', { shift: shift.number, from: shift.from, to: shift.to, closedBy: shift.closedBy, debtOutstanding: input.debtOutstanding });
    return shift;
  });
}

/** The period of a chosen shift: a closed one's [from, to), or the open one's from its start up to now. */
export function shiftPeriod(db: CashBookContext['db'], choice: ShiftChoice, now: Date, day: DayStart): { from: Date; to: Date | null } | null {
  const open = openShift(db, now, day);
  if (choice === 'current' || choice === open.number) return { from: new Date(open.from), to: null };
  const closed = closedShift(db, choice);
  return closed ? { from: new Date(closed.from), to: new Date(closed.to) } : null;
}
