import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { orderTouchedAt } from '../ledger/orders.js';
import path from 'node:path';
import { DATABASE_FILE } from '../ledger/database.js';
import { walCommits } from '../testing/wal-commits.js';
import { newOrderId, useTill } from '../testing/waiter-steps.js';
import { releaseIdleReservations } from './idle-reservations.js';
import { ACTIVITY_NOTED_EVERY_MS, activityIsStale } from './order-activity.js';

const HOUR = 3_600_000;
const clock = manualClock();
const t = useTill('test', { clock, settings: { staleOrderHours: 12 } });

/** g-1 checked in, 300 of its bonuses reserved at a pre-check of 1 200. */
async function orderWithReservation(): Promise<string> {
  const order = newOrderId();
  expect((await t.steps.checkIn(order, 'GMB-G-1001')).status).toBe(204);
  expect((await t.steps.precheck(order, 1200, 300)).body.BonusSum).toBe(300);
  return order;
}

describe('a waiter at work on an order is activity, though nothing changes', () => {
  it('a pre-check printed again keeps the order’s bonus reservation from the idle sweep', async () => {
    const order = await orderWithReservation();
    clock.advance(11 * HOUR);
    expect((await t.steps.precheck(order, 1200)).body.BonusSum).toBe(300); // reprinted for the guest
    clock.advance(2 * HOUR); // 13 h since the reservation, 2 h since the reprint
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(0);
    expect((await t.steps.view(order)).BonusPayment).not.toBeNull();
    clock.advance(11 * HOUR); // then really left: 13 h since the reprint
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(1);
  });

  it('the same guest scanned again does too', async () => {
    const order = await orderWithReservation();
    clock.advance(11 * HOUR);
    expect((await t.steps.checkIn(order, 'GMB-G-1001')).status).toBe(204);
    clock.advance(2 * HOUR);
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(0);
  });

  it('is written at most once in ACTIVITY_NOTED_EVERY_MS: scans and reprints in between write nothing', async () => {
    const order = await orderWithReservation();
    const noted = orderTouchedAt(t.till.core.db, order);
    clock.advance(ACTIVITY_NOTED_EVERY_MS - 1);
    const wal = path.join(t.till.dataDir, `${DATABASE_FILE}-wal`);
    const commitsBefore = walCommits(wal);
    for (let n = 0; n < 5; n += 1) {
      expect((await t.steps.checkIn(order, 'GMB-G-1001')).status).toBe(204);
      expect((await t.steps.precheck(order, 1200)).status).toBe(200);
    }
    expect(walCommits(wal) - commitsBefore).toBe(0);
    expect(orderTouchedAt(t.till.core.db, order)).toBe(noted);
    clock.advance(1);
    expect((await t.steps.checkIn(order, 'GMB-G-1001')).status).toBe(204);
    expect(orderTouchedAt(t.till.core.db, order)).toBe(clock.now().toISOString());
  });
});

describe('activityIsStale', () => {
  it('is stale when older than ACTIVITY_NOTED_EVERY_MS, or dated ahead of the clock (set back since)', () => {
    const now = new Date('2026-06-10T12:00:00.000Z');
    expect(activityIsStale(null, now)).toBe(true);
    expect(activityIsStale('2026-06-10T11:55:00.000Z', now)).toBe(false);
    expect(activityIsStale('2026-06-10T11:50:00.000Z', now)).toBe(true);
    expect(activityIsStale('2026-06-11T12:00:00.000Z', now)).toBe(true);
  });
});

