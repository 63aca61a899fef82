import { describe, expect, it } from 'vitest';
import { parseReportInstant, reportPeriod } from './report-period.js';

const MOSCOW = { startHour: 6, timeZone: 'Europe/Moscow' };
const MIDNIGHT = { startHour: 0, timeZone: 'Europe/Moscow' };
// 29 November 2026, 15:30 in Moscow (UTC+3).
const now = new Date('2026-11-29T12:30:00Z');

describe('reportPeriod', () => {
  it('defaults to the current business day, from its start hour up to now', () => {
    expect(reportPeriod({}, now, MOSCOW)).toEqual({ from: new Date('2026-11-29T03:00:00Z'), to: null });
    expect(reportPeriod({}, now, MIDNIGHT)).toEqual({ from: new Date('2026-11-28T21:00:00Z'), to: null });
  });

  it('at 02:00 after midnight is still the evening before', () => {
    const night = new Date('2026-11-28T23:00:00Z'); // 29 Nov, 02:00 in Moscow
    expect(reportPeriod({}, night, MOSCOW)).toEqual({ from: new Date('2026-11-28T03:00:00Z'), to: null });
  });

  it('reads instants with an offset, and a bare date as the start of that business day', () => {
    expect(reportPeriod({ from: '2026-11-28T21:00:00Z', to: '2026-11-29T21:00:00.000+03:00' }, now, MOSCOW)).toEqual({
      from: new Date(Date.UTC(2026, 10, 28, 21)),
      to: new Date(Date.UTC(2026, 10, 29, 18)),
    });
    expect(reportPeriod({ from: '2026-11-01', to: '2026-11-02' }, now, MOSCOW)).toEqual({
      from: new Date('2026-11-01T03:00:00Z'),
      to: new Date('2026-11-02T03:00:00Z'),
    });
  });

  it('names the field that is not a date, or the end that comes before the start', () => {
    expect(reportPeriod({ from: 'вчера', to: '2026-11-29T25:00Z' }, now, MOSCOW)).toEqual([
      { field: 'from', problem: 'dateInvalid' },
      { field: 'to', problem: 'dateInvalid' },
    ]);
    expect(reportPeriod({ from: '2026-11-29', to: '2026-11-29' }, now, MOSCOW)).toEqual([{ field: 'to', problem: 'periodReversed' }]);
    expect(reportPeriod({ from: '2026-11-30' }, now, MOSCOW)).toEqual([{ field: 'to', problem: 'periodReversed' }]);
  });
});

describe('parseReportInstant', () => {
  it('refuses days that do not exist, times without an offset and far-off years', () => {
    expect(parseReportInstant('2026-02-30', MOSCOW)).toBeNull();
    expect(parseReportInstant('2026-02-30T10:00:00Z', MOSCOW)).toBeNull();
    expect(parseReportInstant('2028-02-29', MOSCOW)).toEqual(new Date('2028-02-29T03:00:00Z'));
    expect(parseReportInstant('2026-11-29T10:00:00', MOSCOW)).toBeNull();
    expect(parseReportInstant('0099-01-01', MOSCOW)).toBeNull();
    expect(parseReportInstant('1764400000000', MOSCOW)).toBeNull();
  });
});
