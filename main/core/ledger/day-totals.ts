import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

/** A period of the ledger, [from, to) as ISO instants. */
export interface LedgerPeriod {
  from: string;
  to: string;
}

/** What loyalty did in a period: the «Сегодня» screen's tiles. Sums in kopecks. */
export interface DayTotals {
  checkIns: number;
  distinctGuests: number;
  giftsRedeemed: number;
  bonusesWrittenOff: number;
  cashbackAccrued: number;
  refunds: number;
}

/**
 * Counted from the records themselves: check-ins from the feed's events (a check-in changes no
 * balance), points from the guests' entries as written off — a later refund is its own tile and
 * does not rewrite the day it refunds — and refunds from the refunds table.
 */
export function dayTotals(db: TillDatabase, period: LedgerPeriod): DayTotals {
  const checkIns = prepared(
    db,
    `SELECT COUNT(*) AS checkIns, COUNT(DISTINCT json_extract(payload, '$.data.guestId')) AS distinctGuests
       FROM events WHERE type = 'guest.checked_in' AND at >= @from AND at < @to`,
  ).get(period) as { checkIns: number; distinctGuests: number };
  const points = prepared(
    db,
    `SELECT COALESCE(SUM(CASE WHEN kind = 'gift_writeoff' THEN 1 ELSE 0 END), 0) AS giftsRedeemed,
            COALESCE(-SUM(CASE WHEN kind = 'bonus_writeoff' THEN amount ELSE 0 END), 0) AS bonusesWrittenOff,
            COALESCE(SUM(CASE WHEN kind = 'accrual' THEN amount ELSE 0 END), 0) AS cashbackAccrued
       FROM guest_entries WHERE created_at >= @from AND created_at < @to`,
  ).get(period) as { giftsRedeemed: number; bonusesWrittenOff: number; cashbackAccrued: number };
  const refunds = prepared(db, 'SELECT COUNT(*) AS refunds FROM refunds WHERE refunded_at >= @from AND refunded_at < @to').get(period) as {
    refunds: number;
  };
  return { ...checkIns, ...points, ...refunds };
}

/** When each check-in of the period happened, oldest first (the chart counts them by hour). */
export function checkInTimes(db: TillDatabase, period: LedgerPeriod): string[] {
  const rows = prepared(db, "SELECT at FROM events WHERE type = 'guest.checked_in' AND at >= @from AND at < @to ORDER BY at").all(period) as {
    at: string;
  }[];
  return rows.map((row) => row.at);
}
