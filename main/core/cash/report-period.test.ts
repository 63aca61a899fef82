import { describe, expect, it } from 'vitest';
import { parseReportInstant, reportPeriod, startOfLocalDay } from './report-period.js';

const now = new Date(2026, 10, 29, 15, 30);

describe('reportPeriod', () => {
  it('defaults to today from 00:00 local time up to now', () => {
    expect(reportPeriod({}, now)).toEqual({ from: new Date(2026, 10, 29), to: null });
  });

  it('reads instants with an offset, and a bare date as local midnight', () => {
    expect(reportPeriod({ from: '2026-11-28T21:00:00Z', to: '2026-11-29T21:00:00.000+03:00' }, now)).toEqual({
      from: new Date(Date.UTC(2026, 10, 28, 21)),
      to: new Date(Date.UTC(2026, 10, 29, 18)),
    });
    expect(reportPeriod({ from: '2026-11-01', to: '2026-11-02' }, now)).toEqual({ from: new Date(2026, 10, 1), to: new Date(2026, 10, 2) });
  });

  it('names the field that is not a date, or the end that comes before the start', () => {
    expect(reportPeriod({ from: 'вчера', to: '2026-11-29T25:00Z' }, now)).toEqual([
      { field: 'from', problem: 'dateInvalid' },
      { field: 'to', problem: 'dateInvalid' },
    ]);
    expect(reportPeriod({ from: '2026-11-29', to: '2026-11-29' }, now)).toEqual([{ field: 'to', problem: 'periodReversed' }]);
    expect(reportPeriod({ from: '2026-11-30' }, now)).toEqual([{ field: 'to', problem: 'periodReversed' }]);
  });
});

describe('parseReportInstant', () => {
  it('refuses days that do not exist, times without an offset and far-off years', () => {
    expect(parseReportInstant('2026-02-30')).toBeNull();
    expect(parseReportInstant('2026-02-30T10:00:00Z')).toBeNull();
    expect(parseReportInstant('2028-02-29')).toEqual(new Date(2028, 1, 29));
    expect(parseReportInstant('2026-11-29T10:00:00')).toBeNull();
    expect(parseReportInstant('0099-01-01')).toBeNull();
    expect(parseReportInstant('1764400000000')).toBeNull();
  });
});

describe('startOfLocalDay', () => {
  it('is 00:00 local time of the same day', () => {
    expect(startOfLocalDay(new Date(2026, 10, 29, 23, 59, 59, 999))).toEqual(new Date(2026, 10, 29));
  });
});
