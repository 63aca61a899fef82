import { describe, expect, it, vi } from 'vitest';
import type { TillEventPayloads } from '../../../shared/events.js';
import { manualClock } from '../clock.js';
import { silentLogger } from '../logger.js';
import { countRows, expectRefusal, newOrderId, paymentBody, useTill } from '../testing/waiter-steps.js';
import { IdleReservationSweep, releaseIdleReservations } from './idle-reservations.js';

const HOUR = 3_600_000;
const clock = manualClock();
const t = useTill('test', { clock, settings: { staleOrderHours: 12 } });

function releasedEvents(): (TillEventPayloads['order.reservations_released'] & { orderId: string })[] {
  const rows = t.till.core.db
    .prepare("SELECT order_id AS orderId, payload AS data FROM events WHERE type = 'order.reservations_released' ORDER BY id")
    .all() as { orderId: string; data: string }[];
  return rows.map((row) => ({ orderId: row.orderId, ...(JSON.parse(row.data) as { data: TillEventPayloads['order.reservations_released'] }).data }));
}

/** g-1 (1 500) checked in by its Капучино voucher (200) added to the order, and 100 reserved at a pre-check. */
async function orderHoldingGiftAndBonus(): Promise<string> {
  const order = newOrderId();
  expect((await t.steps.checkIn(order, 'GMB-V-5001')).status).toBe(204);
  expect((await t.steps.addGift(order, 'v-1')).status).toBe(200);
  expect((await t.steps.precheck(order, 1000, 100)).body.BonusSum).toBe(100);
  expect((await t.steps.view(order)).Guest?.Available).toBe(1200);
  return order;
}

describe('an order idle past staleOrderHours lets go of its reservations (closed in iikoFront without a check-out)', () => {
  it('keeps them until the order has been idle that long, then frees the guest\'s points and the voucher, and says so', async () => {
    const order = await orderHoldingGiftAndBonus();
    clock.advance(11 * HOUR);
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(0);
    expect((await t.steps.view(order)).Guest?.Available).toBe(1200);

    clock.advance(2 * HOUR);
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(1);
    expect((await t.steps.view(order)).Guest).toMatchObject({ Balance: 1500, Available: 1500 });
    expect(releasedEvents()).toEqual([
      {
        orderId: order,
        guestId: 'g-1',
        guestName: 'Иванов Иван Иванович',
        bonus: 10_000,
        gifts: [{ giftId: 'v-1', giftName: 'Капучино', points: 20_000 }],
        idleHours: 12,
      },
    ]);
    // Released once: a second sweep finds nothing.
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(0);
    expect(releasedEvents()).toHaveLength(1);

    // The voucher is free again for the guest's next visit.
    const next = newOrderId();
    await t.steps.checkIn(next, 'GMB-V-5001');
    expect((await t.steps.addGift(next, 'v-1')).status).toBe(200);
    expect((await t.steps.view(next)).Guest?.Available).toBe(1300);
  });

  it('counts a gift added or removed as activity: an order worked on is not idle', async () => {
    const order = await orderHoldingGiftAndBonus();
    clock.advance(11 * HOUR);
    await t.steps.checkIn(order, 'GMB-V-5002');
    expect((await t.steps.addGift(order, 'v-2')).status).toBe(200);
    clock.advance(11 * HOUR);
    expect((await t.steps.removeGift(order, 'v-2')).status).toBe(204);
    clock.advance(11 * HOUR);
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(0);
    expect((await t.steps.view(order)).Guest?.Available).toBe(1200);
    clock.advance(2 * HOUR);
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(1);
  });

  it('runs at start: a till switched on the next morning frees yesterday\'s forgotten order', async () => {
    const order = await orderHoldingGiftAndBonus();
    clock.advance(13 * HOUR);
    await t.till.restart();
    expect((await t.steps.view(order)).Guest?.Available).toBe(1500);
    expect(releasedEvents().map((event) => event.orderId)).toEqual([order]);
  });

  it('runs every hour, and a disk that refuses the write is told to the storage watch, not thrown', async () => {
    const order = await orderHoldingGiftAndBonus();
    clock.advance(13 * HOUR);
    const sweep = new IdleReservationSweep(t.till.core.loyalty, { logger: silentLogger() });
    sweep.startHourly(20);
    try {
      await vi.waitFor(async () => expect((await t.steps.view(order)).Guest?.Available).toBe(1500));
    } finally {
      sweep.stop();
    }

    const another = await orderHoldingGiftAndBonus();
    clock.advance(13 * HOUR);
    t.till.core.db.pragma('query_only = ON');
    try {
      const watched = new IdleReservationSweep(t.till.core.loyalty, { logger: silentLogger(), storage: t.till.core.storage });
      expect(watched.sweep()).toBe(0);
      expect(t.till.core.storage.trouble()).toBe('readOnly');
    } finally {
      t.till.core.db.pragma('query_only = OFF');
    }
    expect((await t.steps.view(another)).Guest?.Available).toBe(1200);
  });

  it('a released order paid after all still writes its gift off, once, and takes bonuses only from what the guest has', async () => {
    const order = await orderHoldingGiftAndBonus();
    clock.advance(13 * HOUR);
    releaseIdleReservations(t.till.core.loyalty);

    const paid = await t.steps.pay(order, paymentBody(1000, { bonus: 100, cash: 900 }), 'late-payment-1');
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ BonusWrittenOff: 100, GiftPointsWrittenOff: 200, GiftsRedeemed: ['v-1'], Balance: 1500 - 100 - 200 + 45 });
    expect(countRows(t.till, 'guest_entries', "kind = 'gift_writeoff' AND voucher_id = 'v-1'")).toBe(1);

    // The voucher is used now: another order cannot take it.
    const next = newOrderId();
    await t.steps.checkIn(next, 'GMB-G-1001');
    expectRefusal(await t.steps.checkIn(next, 'GMB-V-5001'), /использован|уже/i);
  });

  it('a gift whose voucher another order took meanwhile is not written off twice', async () => {
    const order = await orderHoldingGiftAndBonus();
    clock.advance(13 * HOUR);
    releaseIdleReservations(t.till.core.loyalty);
    const next = newOrderId();
    await t.steps.checkIn(next, 'GMB-V-5001');
    expect((await t.steps.addGift(next, 'v-1')).status).toBe(200);
    expect((await t.steps.pay(next, paymentBody(500, { cash: 500 }), 'next-order')).body.GiftsRedeemed).toEqual(['v-1']);

    const late = await t.steps.pay(order, paymentBody(1000, { cash: 1000 }), 'late-payment-2');
    expect(late.status).toBe(200);
    expect(late.body.GiftsRedeemed).toEqual([]);
    expect(late.body.GiftPointsWrittenOff).toBe(0);
    expect(countRows(t.till, 'guest_entries', "kind = 'gift_writeoff' AND voucher_id = 'v-1'")).toBe(1);
  });
});
