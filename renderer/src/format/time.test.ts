import { describe, expect, it } from 'vitest';
import { textsFor } from '../i18n/texts.js';
import { formatClock, formatDuration, startOfDay, toLocalInputValue } from './time.js';

describe('time for people', () => {
  const now = new Date(2026, 10, 29, 15, 0, 0);

  it('shows today’s events with seconds and other days with their date', () => {
    expect(formatClock(new Date(2026, 10, 29, 9, 5, 7).toISOString(), now)).toBe('09:05:07');
    expect(formatClock(new Date(2026, 10, 28, 23, 59, 1).toISOString(), now)).toBe('28.11 23:59');
    expect(formatClock('not a date', now)).toBe('not a date');
  });

  it('says how long ago in the coarsest unit that fits', () => {
    const ru = textsFor('ru');
    expect(formatDuration(12_400, ru)).toBe('12 с');
    expect(formatDuration(-500, ru)).toBe('0 с');
    expect(formatDuration(3 * 60_000 + 5_000, ru)).toBe('3 мин');
    expect(formatDuration(2 * 3_600_000, ru)).toBe('2 ч');
    expect(formatDuration(4 * 86_400_000, textsFor('en'))).toBe('4 d');
    expect(ru.setup.ago(formatDuration(12_000, ru))).toBe('12 с назад');
  });

  it('fills a datetime-local field in local time, from the start of the day', () => {
    expect(toLocalInputValue(startOfDay(now))).toBe('2026-11-29T00:00');
    expect(toLocalInputValue(now)).toBe('2026-11-29T15:00');
  });
});
