import type { Language } from '../../../shared/i18n/language.js';
import { DATE_LOCALES } from '../../../shared/i18n/numbers.js';

/**
 * Dates and times in the settings' language, whatever the browser's or the OS's locale: the
 * locale is named here, never taken from the environment (a Chromium in English on a Russian till
 * still shows «27.11.2026, 19:10»).
 */
const LOCALE = DATE_LOCALES;

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALE[language], options);
    cache.set(key, found);
  }
  return found;
}

/** «27.11.2026, 19:10» (ru) / «27/11/2026, 19:10» (en). */
export function formatDateTime(iso: string, language: Language): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return formatter(language, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** A business day by its calendar date `YYYY-MM-DD`: «пятница, 27 ноября 2026» / «Friday, 27 November 2026». */
export function formatBusinessDate(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return formatter(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** «19:10». */
export function formatTime(iso: string, language: Language): string {
  return formatter(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** «27.11.2026» as the cashier types a date: `YYYY-MM-DD`, or null for anything that is not a real day. */
export function parseTypedDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` as the cashier reads and types it: «27.11.2026». */
export function typedDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** The calendar date after `YYYY-MM-DD`. */
export function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
