import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TillEvent } from '../../../shared/events.js';
import { DEFAULT_SETTINGS } from '../../../shared/settings/schema.js';
import { manualClock } from '../clock.js';
import { EventBus } from '../events/event-bus.js';
import { openTillDatabase, type TillDatabase } from '../ledger/database.js';
import type { CashBookContext } from './hand-in.js';
import { ShiftCloseRefused, closeShift, openShift, shiftPeriod } from './shifts.js';

const MOSCOW = { startHour: 6, timeZone: 'Europe/Moscow' };
let dir: string;
let db: TillDatabase;
let ctx: CashBookContext & { clock: ReturnType<typeof manualClock> };
let heard: TillEvent[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gmb-shifts-'));
  db = openTillDatabase(dir);
  // Friday 27 November 2026, 18:00 in Moscow.
  const clock = manualClock(new Date('2026-11-27T15:00:00.000Z'));
  const events = new EventBus(db, clock);
  heard = [];
  events.subscribe((event) => heard.push(event));
  ctx = { db, events, clock, settings: () => DEFAULT_SETTINGS };
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const close = (shift: number, key: string | null = null, closedBy = 'Ольга') => closeShift(ctx, { shift, closedBy, idempotencyKey: key, debtOutstanding: 90_000 }, MOSCOW);
const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof ShiftCloseRefused) return error.reason;
    throw error;
  }
  return null;
};

describe('explicit shift close', () => {
  it('before any close, the open shift is shift 1 from the business day’s start', () => {
    expect(openShift(db, ctx.clock.now(), MOSCOW)).toEqual({ number: 1, from: '2026-11-27T03:00:00.000Z' });
  });

  it('closes shift to shift across midnight: each shift starts where the last one closed', () => {
    // Saturday 02:30: still Friday's business day.
    ctx.clock.advance(8.5 * 3_600_000);
    const first = close(1);
    expect(first).toEqual({ number: 1, from: '2026-11-27T03:00:00.000Z', to: '2026-11-27T23:30:00.000Z', closedBy: 'Ольга', idempotencyKey: null });
    expect(openShift(db, ctx.clock.now(), MOSCOW)).toEqual({ number: 2, from: '2026-11-27T23:30:00.000Z' });
    // Saturday 23:00: the second shift spans the 06:00 business-day start; the report follows the shift.
    ctx.clock.advance(20.5 * 3_600_000);
    const second = close(2, null, 'Пётр');
    expect(second.from).toBe(first.to);
    expect(second.to).toBe('2026-11-28T20:00:00.000Z');
    expect(shiftPeriod(db, 1, ctx.clock.now(), MOSCOW)).toEqual({ from: new Date(first.from), to: new Date(first.to) });
    expect(shiftPeriod(db, 'current', ctx.clock.now(), MOSCOW)).toEqual({ from: new Date(second.to), to: null });
    expect(shiftPeriod(db, 3, ctx.clock.now(), MOSCOW)).toEqual({ from: new Date(second.to), to: null });
    expect(shiftPeriod(db, 4, ctx.clock.now(), MOSCOW)).toBeNull();
  });

  it('closes a shift once: a second press is refused, and nothing more is written', () => {
    close(1);
    expect(refusal(() => close(1))).toBe('alreadyClosed');
    expect(refusal(() => close(3))).toBe('notOpen');
    expect((db.prepare('SELECT COUNT(*) AS n FROM shift_closes').get() as { n: number }).n).toBe(1);
    expect(heard.filter((event) => event.type === 'shift.closed')).toHaveLength(1);
  });

  it('answers a retried close under the same key with the close already recorded, and refuses the key for another shift', () => {
    const first = close(1, 'dialog-1');
    ctx.clock.advance(60_000);
    expect(close(1, 'dialog-1')).toEqual(first);
    expect(refusal(() => close(2, 'dialog-1'))).toBe('keyReused');
    expect(heard.filter((event) => event.type === 'shift.closed')).toHaveLength(1);
  });

  it('tells the feed who closed which shift and what the waiters still owe', () => {
    ctx.clock.advance(3_600_000);
    close(1);
    const event = heard.find((seen) => seen.type === 'shift.closed');
    expect(event?.data).toEqual({ shift: 1, from: '2026-11-27T03:00:00.000Z', to: '2026-11-27T16:00:00.000Z', closedBy: 'Ольга', debtOutstanding: 90_000 });
    expect(ctx.events.history({ types: ['shift.closed'] })).toHaveLength(1);
  });

  it('rolls the close back with its event when the write fails', () => {
    db.exec("CREATE TRIGGER refuse BEFORE INSERT ON shift_closes BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    expect(() => close(1)).toThrow('disk says no');
    expect(heard).toHaveLength(0);
    expect(ctx.events.history({ types: ['shift.closed'] })).toHaveLength(0);
  });
});
