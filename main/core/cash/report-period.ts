/**
 * The period a shift report covers, from the query string. The manager thinks in the till's local
 * days, so the default is today from 00:00 local time, and a bare date (`2026-11-29`) means 00:00
 * local time of that day; a date-time must carry its offset (`Z` or `+03:00`) to mean one instant.
 */
export interface ReportPeriod {
  from: Date;
  /** null: up to now, including entries recorded in this very millisecond. */
  to: Date | null;
}

export type PeriodProblem = { field: 'from' | 'to'; problem: 'dateInvalid' | 'periodReversed' };

const DATE_PART = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function startOfLocalDay(instant: Date): Date {
  return new Date(instant.getFullYear(), instant.getMonth(), instant.getDate());
}

export function parseReportInstant(text: string): Date | null {
  const day = DATE_PART.exec(text);
  if (!day) return null;
  const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
  // Date would roll 30 February over into March; a report for a day that does not exist is a typo.
  if (year < 1970 || month < 1 || month > 12 || date < 1 || date > new Date(year, month, 0).getDate()) return null;
  if (text.length === 10) return new Date(year, month - 1, date);
  if (!DATE_TIME.test(text)) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export function reportPeriod(query: { from?: string | undefined; to?: string | undefined }, now: Date): ReportPeriod | PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  const from = query.from === undefined ? startOfLocalDay(now) : parseReportInstant(query.from);
  if (!from) problems.push({ field: 'from', problem: 'dateInvalid' });
  const to = query.to === undefined ? null : parseReportInstant(query.to);
  if (query.to !== undefined && !to) problems.push({ field: 'to', problem: 'dateInvalid' });
  if (problems.length > 0 || !from) return problems;
  if (to ? from.getTime() >= to.getTime() : from.getTime() > now.getTime()) {
    return [{ field: 'to', problem: 'periodReversed' }];
  }
  return { from, to };
}
