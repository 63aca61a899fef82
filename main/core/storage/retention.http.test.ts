import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { waiterDebt } from '../ledger/waiter-debts.js';
import { silentLogger } from '../logger.js';
import { Retention } from './retention.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { countRows, newOrderId, paymentBody, waiterSteps } from '../testing/waiter-steps.js';

const DAY = 86_400_000;
let till: TestTill | null = null;
afterEach(async () => {
  await till?.close();
  till = null;
});

describe('retention', () => {
  it('prunes feed events past feedDays and keys past 30 days, never orders, payments, open orders or debts', async () => {
    const clock = manualClock(new Date('2026-01-01T12:00:00.000Z'));
    till = await startTestTill({ clock, settings: { retention: { feedDays: 90 } } });
    const steps = waiterSteps(till);

    // Day 0: a paid order with cash (a waiter's debt), and an order checked in and left open.
    const paidEarly = newOrderId();
    expect((await steps.pay(paidEarly, paymentBody(1000, { cash: 1000 }), 'day-0')).status).toBe(200);
    const openOrder = newOrderId();
    expect((await steps.checkIn(openOrder, 'GMB-G-1001')).status).toBe(204);
    const waiter = (till.core.db.prepare('SELECT waiter_id FROM payments WHERE order_id = ?').get(paidEarly) as { waiter_id: string }).waiter_id;
    const debt = waiterDebt(till.core.db, waiter);
    expect(debt).toBe(100_000);
    const eventsOfDay0 = countRows(till, 'events');
    expect(eventsOfDay0).toBeGreaterThanOrEqual(2);

    // Day 40: the day-0 key is past its 30 days; the feed keeps day 0 (inside 90 days).
    clock.advance(40 * DAY);
    expect((await steps.pay(newOrderId(), paymentBody(500, { card: 500 }), 'day-40')).status).toBe(200);
    expect(till.core.retention.prune()).toEqual({ keys: 1, events: 0 });
    expect(countRows(till, 'idempotency_keys', 'key = ?', 'day-0')).toBe(0);
    expect(countRows(till, 'idempotency_keys', 'key = ?', 'day-40')).toBe(1);

    // Day 91: day 0's events are past 90 days and go; day 40's stay (its key, 51 days old, goes).
    clock.advance(51 * DAY);
    expect(till.core.retention.prune()).toEqual({ keys: 1, events: eventsOfDay0 });
    const left = till.core.events.history({ limit: 500 });
    expect(left.length).toBeGreaterThan(0);
    for (const event of left) expect(new Date(event.at).getTime()).toBeGreaterThanOrEqual(new Date('2026-02-10T12:00:00.000Z').getTime());

    // Money records stay whole: both payments, the open order still open with its guest, the waiter's debt unchanged.
    expect(countRows(till, 'payments')).toBe(2);
    expect(countRows(till, 'orders', 'id = ? AND guest_id IS NOT NULL', openOrder)).toBe(1);
    expect(waiterDebt(till.core.db, waiter)).toBe(debt);
    const view = await steps.view(openOrder);
    expect(view).toMatchObject({ OrderId: openOrder });

    // The same prune runs at every start: a shorter feedDays takes effect on the next start.
    till.core.settings.update({ retention: { feedDays: 30 } });
    await till.restart();
    expect(countRows(till, 'events', 'at < ?', new Date(clock.now().getTime() - 30 * DAY).toISOString())).toBe(0);
    expect(countRows(till, 'payments')).toBe(2);
  });

  it('prunes again on its daily timer, which never keeps the process alive', async () => {
    const clock = manualClock(new Date('2026-01-01T12:00:00.000Z'));
    const started = await startTestTill({ clock });
    till = started;
    expect((await waiterSteps(started).pay(newOrderId(), paymentBody(1000, { cash: 1000 }), 'old')).status).toBe(200);
    const retention = new Retention({ db: started.core.db, keys: started.core.keys, settings: () => started.core.settings.get(), clock, logger: silentLogger() });
    clock.advance(100 * DAY);
    retention.startDaily(20);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(countRows(started, 'events')).toBe(0);
      expect(countRows(started, 'idempotency_keys')).toBe(0);
      expect(countRows(started, 'payments')).toBe(1);
    } finally {
      retention.stopDaily();
    }
  });
});
