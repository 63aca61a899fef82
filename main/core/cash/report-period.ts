import { businessDayOf, businessDayOfIsoDate, tillTimeZone } from './business-day.js';

/**
 * The period a shift report covers, from the query string. The manager thinks in business days
 * (from the setting's start hour, 06:00 by default, in the till's time zone), so the default is the
 * current business day, and a bare date (`2026-11-29`) means the start of that date's business day;
 * a date-time must carry its offset (`Z` or `+03:00`) to mean one instant.
 */
export interface ReportPeriod {
  from: Date;
  /** null: up to now, including entries recorded in this very millisecond. */
  to: Date | null;
}

export type PeriodProblem = { field: 'from' | 'to'; problem: 'dateInvalid' | 'periodReversed' };

const DATE_PART = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** When the business day starts: the settings' hour in the till's time zone. */
export interface DayStart {
  startHour: number;
  timeZone: string;
}

/** The day start the settings ask for, in the till's own time zone. */
export function dayStartOf(settings: { businessDayStartHour: number }): DayStart {
  return { startHour: settings.businessDayStartHour, timeZone: tillTimeZone() };
}

export function parseReportInstant(text: string, dayStart: DayStart): Date | null {
  const day = DATE_PART.exec(text);
  if (!day) return null;
  const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
  // Date would roll 30 February over into March; a report for a day that does not exist is a typo.
  if (year < 1970 || month < 1 || month > 12 || date < 1 || date > new Date(year, month, 0).getDate()) return null;
  if (text.length === 10) return businessDayOfIsoDate(text, dayStart.startHour, dayStart.timeZone).from;
  if (!DATE_TIME.test(text)) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export function reportPeriod(query: { from?: string | undefined; to?: string | undefined }, now: Date, day: DayStart): ReportPeriod | PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  const from = query.from === undefined ? businessDayOf(now, day.startHour, day.timeZone).from : parseReportInstant(query.from, day);
  if (!from) problems.push({ field: 'from', problem: 'dateInvalid' });
  const to = query.to === undefined ? null : parseReportInstant(query.to, day);
  if (query.to !== undefined && !to) problems.push({ field: 'to', problem: 'dateInvalid' });
  if (problems.length > 0 || !from) return problems;
  if (to ? from.getTime() >= to.getTime() : from.getTime() > now.getTime()) {
    return [{ field: 'to', problem: 'periodReversed' }];
  }
  return { from, to };
}
