import { describe, expect, it } from 'vitest';
import { businessDayBefore, businessDayOf, businessDayOfIsoDate, instantOfWallClock } from './business-day.js';

const MOSCOW = 'Europe/Moscow'; // UTC+3 all year
const BERLIN = 'Europe/Berlin'; // CET/CEST: 29 March 2026 has 23 hours, 25 October 2026 has 25

describe('businessDayOf', () => {
  it('puts the night after midnight into the evening it belongs to', () => {
    // Saturday 02:30 in Moscow is still Friday's business day (06:00 Fri → 06:00 Sat).
    const day = businessDayOf(new Date('2026-11-27T23:30:00Z'), 6, MOSCOW);
    expect(day).toEqual({ from: new Date('2026-11-27T03:00:00Z'), to: new Date('2026-11-28T03:00:00Z'), date: '2026-11-27' });
  });

  it('starts a new day exactly at the start hour', () => {
    expect(businessDayOf(new Date('2026-11-28T03:00:00Z'), 6, MOSCOW).date).toBe('2026-11-28');
    expect(businessDayOf(new Date('2026-11-28T02:59:59.999Z'), 6, MOSCOW).date).toBe('2026-11-27');
  });

  it('with a start hour of 0 is the calendar day', () => {
    expect(businessDayOf(new Date('2026-11-27T21:00:00Z'), 0, MOSCOW)).toEqual({
      from: new Date('2026-11-27T21:00:00Z'),
      to: new Date('2026-11-28T21:00:00Z'),
      date: '2026-11-28',
    });
  });

  it('is 23 hours long on the night the clocks go forward and 25 when they go back', () => {
    const spring = businessDayOfIsoDate('2026-03-28', 6, BERLIN);
    expect(spring.from).toEqual(new Date('2026-03-28T05:00:00Z')); // 06:00 CET
    expect(spring.to).toEqual(new Date('2026-03-29T04:00:00Z')); // 06:00 CEST
    expect(spring.to.getTime() - spring.from.getTime()).toBe(23 * 36e5);
    const autumn = businessDayOfIsoDate('2026-10-24', 6, BERLIN);
    expect(autumn.to.getTime() - autumn.from.getTime()).toBe(25 * 36e5);
    // 02:30 on the night the clocks go back is shown twice: both belong to the same business day.
    expect(businessDayOf(new Date('2026-10-25T00:30:00Z'), 6, BERLIN).date).toBe('2026-10-24');
    expect(businessDayOf(new Date('2026-10-25T01:30:00Z'), 6, BERLIN).date).toBe('2026-10-24');
  });

  it('starts at the end of the gap when the start hour is skipped by the clocks', () => {
    // 02:00 does not exist in Berlin on 29 March 2026: the clocks jump from 02:00 CET to 03:00 CEST.
    expect(instantOfWallClock({ year: 2026, month: 3, day: 29, hour: 2 }, BERLIN)).toEqual(new Date('2026-03-29T01:00:00Z'));
    // 02:00 is shown twice on 25 October: the first showing (CEST).
    expect(instantOfWallClock({ year: 2026, month: 10, day: 25, hour: 2 }, BERLIN)).toEqual(new Date('2026-10-25T00:00:00Z'));
  });
});

describe('businessDayBefore', () => {
  it('is the same business day a week earlier, across a change of the clocks', () => {
    const friday = businessDayOfIsoDate('2026-11-06', 6, BERLIN);
    const lastFriday = businessDayBefore(friday, 7, 6, BERLIN);
    expect(lastFriday.date).toBe('2026-10-30');
    expect(lastFriday.from).toEqual(new Date('2026-10-30T05:00:00Z'));
    expect(businessDayBefore(businessDayOfIsoDate('2026-03-01', 6, MOSCOW), 7, 6, MOSCOW).date).toBe('2026-02-22');
  });
});
