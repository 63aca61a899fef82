import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

/** A shift the cashier closed: it covers [from, to). */
export interface ClosedShift {
  number: number;
  from: string;
  to: string;
  closedBy: string;
  idempotencyKey: string | null;
}

const COLUMNS = 'number, opened_at AS "from", closed_at AS "to", closed_by AS closedBy, idempotency_key AS idempotencyKey';

/** The last shift closed, or null when none has been. */
export function lastClosedShift(db: TillDatabase): ClosedShift | null {
  return (prepared(db, `SELECT ${COLUMNS} FROM shift_closes ORDER BY number DESC LIMIT 1`).get() as ClosedShift | undefined) ?? null;
}

/** Closed shift number `number`, or null. */
export function closedShift(db: TillDatabase, number: number): ClosedShift | null {
  return (prepared(db, `SELECT ${COLUMNS} FROM shift_closes WHERE number = ?`).get(number) as ClosedShift | undefined) ?? null;
}

/** The closed shift a key closed (a retried close), or null. */
export function shiftClosedWithKey(db: TillDatabase, key: string): ClosedShift | null {
  return (prepared(db, `SELECT ${COLUMNS} FROM shift_closes WHERE idempotency_key = ?`).get(key) as ClosedShift | undefined) ?? null;
}

/** The newest closed shifts first, at most `limit`. */
export function closedShifts(db: TillDatabase, limit: number): ClosedShift[] {
  return prepared(db, `SELECT ${COLUMNS} FROM shift_closes ORDER BY number DESC LIMIT +?`).all(limit) as ClosedShift[];
}

/**
 * A cash entry's time, never before the last close: shifts are periods of the cash book's times, so
 * an entry written after a close must fall after it — also when the till's clock was set back since
 * (NTP correcting a clock that ran ahead), which would otherwise book new cash into a shift already
 * closed and printed.
 */
export function notBeforeLastClose(db: TillDatabase, at: string): string {
  const last = lastClosedShift(db);
  return last && last.to > at ? last.to : at;
}

/** The time of the newest cash entry, or null for an empty book. */
export function newestCashEntryAt(db: TillDatabase): string | null {
  return (prepared(db, 'SELECT MAX(created_at) AS at FROM cash_entries').get() as { at: string | null }).at;
}

/** Records a close; the number being the key, a second close of the same shift fails here. */
export function recordShiftClose(db: TillDatabase, shift: ClosedShift): void {
  prepared(db, 'INSERT INTO shift_closes (number, opened_at, closed_at, closed_by, idempotency_key) VALUES (@number, @from, @to, @closedBy, @idempotencyKey)').run(shift);
}
