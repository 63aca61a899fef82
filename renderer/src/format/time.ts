import type { Language } from '../../../shared/i18n/language.js';
import { formatClock as clockOf } from '../../../shared/i18n/numbers.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "14:05:09" for today, "28.11, 14:05" for another day: the cashier reads times of the current shift
 * at a glance and still sees when an older line happened. Local time of the till, through `Intl`.
 */
export function formatClock(iso: string, language: Language, now: Date = new Date()): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : clockOf(at, language, now);
}

/** The value of an `<input type="datetime-local">` for a moment, in local time. */
export function toLocalInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The start of the local day: the default beginning of a shift report. */
export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}
