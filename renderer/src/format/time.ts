import type { Texts } from '../i18n/texts.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "14:05:09" for today, "28.11 14:05" for another day: the cashier reads times of the current shift
 * at a glance and still sees when an older line happened. Local time of the till.
 */
export function formatClock(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return sameDay ? `${time}:${pad(at.getSeconds())}` : `${pad(at.getDate())}.${pad(at.getMonth() + 1)} ${time}`;
}

/** "12 с", "3 мин", "2 ч", "4 дн": how long ago, coarsened the way people say it. */
export function formatDuration(milliseconds: number, texts: Texts): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  if (seconds < 60) return texts.time.seconds(seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return texts.time.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return texts.time.hours(hours);
  return texts.time.days(Math.floor(hours / 24));
}

/** The value of an `<input type="datetime-local">` for a moment, in local time. */
export function toLocalInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The start of the local day: the default beginning of a shift report. */
export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}
