/**
 * The restaurant's business day: it starts at a set hour of the till's local time (06:00 by
 * default), so a Friday night's service that ends at 02:00 belongs to Friday. Pure: the instant,
 * the hour and the IANA time zone come in, so tests pin all three; DST-safe, because the start is
 * found as a wall-clock time of that zone, not by adding 24 hours.
 */
export interface BusinessDay {
  /** The first instant of the business day. */
  from: Date;
  /** The first instant of the next one (23, 24 or 25 hours later). */
  to: Date;
  /** The calendar date the business day is named after, `YYYY-MM-DD`. */
  date: string;
}

/** The till's own time zone, as the operating system says. */
export function tillTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: Date, timeZone: string): WallClock & { minute: number; second: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = new Map(formatter.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? 0;
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(new Date(instant), timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant the zone's clocks show this wall-clock hour. An hour the clocks skip (spring forward)
 * is read as the first instant after the gap; an hour shown twice (fall back) as its first showing.
 */
export function instantOfWallClock(wall: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour);
  const candidates = [offsetAt(asUtc - 36e5 * 14, timeZone), offsetAt(asUtc + 36e5 * 14, timeZone)].map((offset) => asUtc - offset);
  const exact = candidates.filter((instant) => {
    const seen = wallClock(new Date(instant), timeZone);
    return seen.year === wall.year && seen.month === wall.month && seen.day === wall.day && seen.hour === wall.hour;
  });
  if (exact.length > 0) return new Date(Math.min(...exact));
  // In the gap: the clocks jumped over this hour; the day starts when they land.
  return new Date(Math.max(...candidates));
}

function shiftDate(wall: { year: number; month: number; day: number }, days: number): { year: number; month: number; day: number } {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isoDate(wall: { year: number; month: number; day: number }): string {
  return `${String(wall.year).padStart(4, '0')}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

/** The business day named after a calendar date. */
export function businessDayOfDate(date: { year: number; month: number; day: number }, startHour: number, timeZone: string): BusinessDay {
  const next = shiftDate(date, 1);
  return {
    from: instantOfWallClock({ ...date, hour: startHour }, timeZone),
    to: instantOfWallClock({ ...next, hour: startHour }, timeZone),
    date: isoDate(date),
  };
}

/** The business day an instant belongs to: before the start hour, it is still yesterday's. */
export function businessDayOf(instant: Date, startHour: number, timeZone: string): BusinessDay {
  const wall = wallClock(instant, timeZone);
  const today = businessDayOfDate(wall, startHour, timeZone);
  return instant.getTime() < today.from.getTime() ? businessDayOfDate(shiftDate(wall, -1), startHour, timeZone) : today;
}

/** The same business day `days` days earlier (last week's Friday for this Friday: -7). */
export function businessDayBefore(day: BusinessDay, days: number, startHour: number, timeZone: string): BusinessDay {
  const [year, month, date] = day.date.split('-').map(Number) as [number, number, number];
  return businessDayOfDate(shiftDate({ year, month, day: date }, -days), startHour, timeZone);
}

/** The business day named by a calendar date `YYYY-MM-DD` (the report's "from 2026-11-29"). */
export function businessDayOfIsoDate(text: string, startHour: number, timeZone: string): BusinessDay {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return businessDayOfDate({ year, month, day }, startHour, timeZone);
}
