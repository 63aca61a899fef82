import { describe, expect, it, vi } from 'vitest';
import type { TillEventPayloads } from '../../../shared/events.js';
import { manualClock } from '../clock.js';
import { silentLogger } from '../logger.js';
import { countRows, newOrderId, paymentBody, useTill } from '../testing/waiter-steps.js';
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

describe('an order idle past staleOrderHours lets go of its bonus reservation; the manager releases its gifts', () => {
  it('keeps the reservation until the order has been idle that long, then frees the guest\'s bonuses, once, and says so; gifts stay held', async () => {
    const order = await orderHoldingGiftAndBonus();
    clock.advance(11 * HOUR);
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(0);
    expect((await t.steps.view(order)).Guest?.Available).toBe(1200);

    clock.advance(2 * HOUR);
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(1);
    const view = await t.steps.view(order);
    expect(view.Guest).toMatchObject({ Balance: 1500, Available: 1300 });
    expect(view.BonusPayment).toBeNull();
    expect(view.Gifts).toEqual([expect.objectContaining({ Id: 'v-1', Status: 'Added' })]);
    expect(releasedEvents()).toEqual([{ orderId: order, guestId: 'g-1', guestName: 'Иванов Иван Иванович', bonus: 10_000, gifts: [], idleHours: 12 }]);
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(0);
    expect(releasedEvents()).toHaveLength(1);

    // Paid after all: the gift is written off as added; the bonus part is checked against the balance.
    const paid = await t.steps.pay(order, paymentBody(1000, { bonus: 100, cash: 900 }), 'late-payment');
    expect(paid.body).toMatchObject({ BonusWrittenOff: 100, GiftsRedeemed: ['v-1'], Balance: 1500 - 100 - 200 + 45 });
  });

  it('counts a gift added or removed and a reservation changed as activity: an order worked on is not idle', async () => {
    const order = await orderHoldingGiftAndBonus();
    clock.advance(11 * HOUR);
    await t.steps.checkIn(order, 'GMB-V-5002');
    expect((await t.steps.addGift(order, 'v-2')).status).toBe(200);
    clock.advance(11 * HOUR);
    expect((await t.steps.removeGift(order, 'v-2')).status).toBe(204);
    clock.advance(11 * HOUR);
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(0);
    clock.advance(2 * HOUR);
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(1);

    // A reservation made again after the release (the same order sum) is not released at the next sweep.
    expect((await t.steps.precheck(order, 1000, 100)).body.BonusSum).toBe(100);
    clock.advance(HOUR);
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(0);
    expect((await t.steps.view(order)).BonusPayment).not.toBeNull();
  });

  it('runs at start: a till switched on the next morning frees yesterday\'s forgotten reservation', async () => {
    const order = await orderHoldingGiftAndBonus();
    clock.advance(13 * HOUR);
    await t.till.restart();
    expect((await t.steps.view(order)).Guest?.Available).toBe(1300);
    expect(releasedEvents().map((event) => event.orderId)).toEqual([order]);
  });

  it('runs every hour, and a disk that refuses the write is told to the storage watch, not thrown', async () => {
    const order = await orderHoldingGiftAndBonus();
    clock.advance(13 * HOUR);
    const sweep = new IdleReservationSweep(t.till.core.loyalty, { logger: silentLogger() });
    sweep.startHourly(20);
    try {
      await vi.waitFor(async () => expect((await t.steps.view(order)).Guest?.Available).toBe(1300));
    } finally {
      sweep.stop();
    }

    const another = newOrderId();
    await t.steps.checkIn(another, 'GMB-G-1002');
    expect((await t.steps.precheck(another, 1000, 100)).body.BonusSum).toBe(100);
    clock.advance(13 * HOUR);
    t.till.core.db.pragma('query_only = ON');
    try {
      const watched = new IdleReservationSweep(t.till.core.loyalty, { logger: silentLogger(), storage: t.till.core.storage });
      expect(watched.sweep()).toBe(0);
      expect(t.till.core.storage.trouble()).toBe('readOnly');
    } finally {
      t.till.core.db.pragma('query_only = OFF');
    }
    expect((await t.steps.view(another)).BonusPayment).not.toBeNull();
  });
});

describe('the manager releases an idle order (POST /api/orders/:id/release)', () => {
  const release = (order: string) => t.till.http<{ released?: boolean; Message?: string }>('POST', `/api/orders/${order}/release`, {});

  it('gives the gifts and the bonuses back and frees the vouchers; paid after all, the gift is not written off', async () => {
    const order = await orderHoldingGiftAndBonus();
    await t.steps.checkIn(order, 'GMB-V-5002'); // offered, not added
    clock.advance(13 * HOUR);
    expect(releaseIdleReservations(t.till.core.loyalty)).toBe(1); // the bonus reservation, by itself
    const answer = await release(order);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ released: true });
    const view = await t.steps.view(order);
    expect(view.Guest).toMatchObject({ Balance: 1500, Available: 1500 });
    expect(view.Gifts).toEqual([expect.objectContaining({ Id: 'v-1', Status: 'Cancelled' })]);
    expect(view.OfferedGifts).toEqual([]);
    expect(releasedEvents()).toEqual([
      { orderId: order, guestId: 'g-1', guestName: 'Иванов Иван Иванович', bonus: 10_000, gifts: [], idleHours: 12 },
      { orderId: order, guestId: 'g-1', guestName: 'Иванов Иван Иванович', bonus: 0, gifts: [{ giftId: 'v-1', giftName: 'Капучино', points: 20_000 }], idleHours: null },
    ]);
    expect((await release(order)).body).toEqual({ released: false });

    // A waiter removing the released gift changes nothing; a payment writes nothing off for it.
    expect((await t.steps.removeGift(order, 'v-1')).status).toBe(204);
    const paid = await t.steps.pay(order, paymentBody(1000, { cash: 1000 }), 'after-release');
    expect(paid.body).toMatchObject({ GiftsRedeemed: [], GiftPointsWrittenOff: 0 });

    // The voucher is the guest's again for the next visit.
    const next = newOrderId();
    await t.steps.checkIn(next, 'GMB-V-5001');
    expect((await t.steps.addGift(next, 'v-1')).status).toBe(200);
    expect(countRows(t.till, 'guest_entries', "kind = 'gift_writeoff' AND voucher_id = 'v-1'")).toBe(0);
  });

  it('refuses an order a waiter worked on within staleOrderHours (a list loaded before the waiter came back): its gift may be on the table', async () => {
    const order = await orderHoldingGiftAndBonus();
    clock.advance(13 * HOUR);
    // The waiter is back: a second gift offered and added a minute before the manager's tap.
    await t.steps.checkIn(order, 'GMB-V-5002');
    expect((await t.steps.addGift(order, 'v-2')).status).toBe(200);
    clock.advance(60_000);
    const refused = await release(order);
    expect(refused.status).toBe(409);
    expect(refused.body.Message).toBe('С заказом недавно работал официант: резерв не снят. Обновите список.');
    expect((await t.steps.view(order)).Gifts.map((gift) => gift.Status)).toEqual(['Added', 'Added']);
    expect(releasedEvents()).toEqual([]);
  });

  it('refuses an unknown order (404) and a paid one (409) in the manager\'s language, releasing nothing', async () => {
    const unknown = await release(newOrderId());
    expect(unknown.status).toBe(404);
    expect(unknown.body.Message).toBe('Такого заказа на кассе нет.');
    const order = await orderHoldingGiftAndBonus();
    await t.steps.pay(order, paymentBody(1000, { bonus: 100, cash: 900 }), 'paid-first');
    const closed = await release(order);
    expect(closed.status).toBe(409);
    expect(closed.body.Message).toBe('Заказ уже оплачен или возвращён: снимать нечего.');
    expect(releasedEvents()).toEqual([]);
  });
});
