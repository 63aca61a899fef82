import type { TodayResponse } from '../../../shared/admin/today.js';
import type { TillDatabase } from '../ledger/database.js';
import { checkInTimes, dayTotals } from '../ledger/day-totals.js';
import type { WaiterDebtTally } from '../ledger/waiter-debt-tally.js';
import { listWaiterCash } from '../ledger/waiter-debts.js';
import { businessDayBefore, businessDayOf, type BusinessDay } from './business-day.js';
import type { DayStart } from './report-period.js';

const HOUR = 3_600_000;

/**
 * Check-ins counted by hour of a business day: the n-th bucket is the n-th hour after the day's
 * start (23 or 25 of them on the nights the clocks change), labelled with the hour the till's
 * clock showed when it began.
 */
export function checkInsByHour(day: BusinessDay, times: readonly string[], timeZone: string): { hour: number; count: number }[] {
  const hours = Math.round((day.to.getTime() - day.from.getTime()) / HOUR);
  const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' });
  const buckets = Array.from({ length: hours }, (_, index) => ({ hour: Number(hourOf.format(day.from.getTime() + index * HOUR)), count: 0 }));
  for (const at of times) {
    const index = Math.floor((Date.parse(at) - day.from.getTime()) / HOUR);
    const bucket = buckets[index];
    if (bucket) bucket.count += 1;
  }
  return buckets;
}

/**
 * The «Сегодня» screen: the current business day's tiles, each waiter's cash still to hand in, and
 * check-ins by hour beside the same business day a week before (hour for hour from the day's start).
 */
export function loadToday(db: TillDatabase, tally: WaiterDebtTally, now: Date, dayStart: DayStart): TodayResponse {
  const day = businessDayOf(now, dayStart.startHour, dayStart.timeZone);
  const weekBefore = businessDayBefore(day, 7, dayStart.startHour, dayStart.timeZone);
  const period = { from: day.from.toISOString(), to: day.to.toISOString() };
  const lastWeekPeriod = { from: weekBefore.from.toISOString(), to: weekBefore.to.toISOString() };
  const tonight = checkInsByHour(day, checkInTimes(db, period), dayStart.timeZone);
  const lastWeek = checkInsByHour(weekBefore, checkInTimes(db, lastWeekPeriod), dayStart.timeZone);
  const cashOutstanding = listWaiterCash(db, tally, period.from)
    .filter((waiter) => waiter.debt !== 0)
    .map(({ id, name, debt }) => ({ id, name, debt }));
  const named = (d: BusinessDay) => ({ date: d.date, from: d.from.toISOString(), to: d.to.toISOString() });
  return {
    day: named(day),
    lastWeek: named(weekBefore),
    now: now.toISOString(),
    tiles: dayTotals(db, period),
    cashOutstanding,
    hours: tonight.map((bucket, index) => ({ hour: bucket.hour, checkIns: bucket.count, lastWeek: lastWeek[index]?.count ?? 0 })),
  };
}
