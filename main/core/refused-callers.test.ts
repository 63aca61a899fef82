import { describe, expect, it } from 'vitest';
import { EVENTS_PER_HOUR, RefusedCallers } from './refused-callers.js';

const at = (minutes: number) => new Date(Date.parse('2026-06-10T18:00:00.000Z') + minutes * 60_000);

describe('RefusedCallers', () => {
  it('tells the cashier of a refused host the first time, then at most once an hour', () => {
    const callers = new RefusedCallers();
    expect(callers.note('192.168.0.21', at(0))).toBe(true);
    expect(callers.note('192.168.0.21', at(1))).toBe(false);
    expect(callers.note('192.168.0.21', at(59))).toBe(false);
    expect(callers.note('192.168.0.21', at(60))).toBe(true);
    expect(callers.list()).toEqual([{ address: '192.168.0.21', count: 4, firstAt: at(0).toISOString(), lastAt: at(60).toISOString() }]);
  });

  it('adds no more than EVENTS_PER_HOUR feed lines in an hour, however many addresses take turns (a host pushed out of the list comes back as new)', () => {
    const callers = new RefusedCallers(20);
    let told = 0;
    // 21 addresses in turn, ten rounds, within a minute: each is pushed out of the list of 20 before it comes again.
    for (let round = 0; round < 10; round += 1) {
      for (let host = 1; host <= 21; host += 1) if (callers.note(`10.0.0.${host}`, at(round / 10))) told += 1;
    }
    expect(told).toBe(EVENTS_PER_HOUR);
    expect(callers.list()).toHaveLength(20);
    // An hour after the first lines, new ones may be told again.
    expect(callers.note('10.0.0.99', at(61))).toBe(true);
  });

  it('counts lines told “in the future” as gone after the clock was set back: a new host is told again', () => {
    const callers = new RefusedCallers(20);
    for (let host = 1; host <= EVENTS_PER_HOUR; host += 1) expect(callers.note(`10.0.0.${host}`, at(0))).toBe(true);
    // NTP sets the clock back a day; two hours later a new terminal is refused.
    expect(callers.note('10.0.1.1', at(-24 * 60 + 120))).toBe(true);
    expect(callers.note('10.0.0.1', at(-24 * 60 + 121))).toBe(true); // its own line was "in the future" too
  });
});

