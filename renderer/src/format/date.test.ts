import { describe, expect, it } from 'vitest';
import { formatBusinessDate, formatDateTime, nextDate, parseTypedDate, typedDate } from './date.js';

describe('dates in the settings’ language', () => {
  it('names the business day in Russian or English, not in the environment’s locale', () => {
    expect(formatBusinessDate('2026-11-27', 'ru')).toBe('пятница, 27 ноября 2026 г.');
    expect(formatBusinessDate('2026-11-27', 'en')).toBe('Friday, 27 November 2026');
  });

  it('writes date and time day first, 24-hour', () => {
    const at = new Date(2026, 10, 27, 19, 5).toISOString();
    expect(formatDateTime(at, 'ru')).toBe('27.11.2026, 19:05');
    expect(formatDateTime(at, 'en')).toBe('27/11/2026, 19:05');
  });
});

describe('a typed business date', () => {
  it('reads 27.11.2026 and refuses days that do not exist', () => {
    expect(parseTypedDate('27.11.2026')).toBe('2026-11-27');
    expect(parseTypedDate(' 1.3.2028 ')).toBe('2028-03-01');
    expect(parseTypedDate('30.02.2026')).toBeNull();
    expect(parseTypedDate('2026-11-27')).toBeNull();
    expect(typedDate('2026-11-27')).toBe('27.11.2026');
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
  });
});
