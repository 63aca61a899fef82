import { describe, expect, it } from 'vitest';
import { formatAgo } from '../../../shared/i18n/numbers.js';
import { formatClock, startOfDay, toLocalInputValue } from './time.js';

describe('time for people', () => {
  const now = new Date(2026, 10, 29, 15, 0, 0);

  it('shows today’s events with seconds and other days with their date', () => {
    expect(formatClock(new Date(2026, 10, 29, 9, 5, 7).toISOString(), 'ru', now)).toBe('09:05:07');
    expect(formatClock(new Date(2026, 10, 28, 23, 59, 1).toISOString(), 'ru', now)).toBe('28.11, 23:59');
    expect(formatClock(new Date(2026, 10, 28, 23, 59, 1).toISOString(), 'en', now)).toBe('28/11, 23:59');
    expect(formatClock('not a date', 'ru', now)).toBe('not a date');
  });

  it('says how long ago in the coarsest unit that fits, with the word agreeing with the number', () => {
    expect(formatAgo(12_400, 'ru')).toBe('12 секунд назад');
    expect(formatAgo(-500, 'ru')).toBe('сейчас');
    expect(formatAgo(1_000, 'ru')).toBe('1 секунду назад');
    expect(formatAgo(3 * 60_000 + 5_000, 'ru')).toBe('3 минуты назад');
    expect(formatAgo(21 * 3_600_000, 'ru')).toBe('21 час назад');
    expect(formatAgo(86_400_000 + 5_000, 'ru')).toBe('вчера');
    expect(formatAgo(4 * 86_400_000, 'en')).toBe('4 days ago');
  });

  it('fills a datetime-local field in local time, from the start of the day', () => {
    expect(toLocalInputValue(startOfDay(now))).toBe('2026-11-29T00:00');
    expect(toLocalInputValue(now)).toBe('2026-11-29T15:00');
  });
});
