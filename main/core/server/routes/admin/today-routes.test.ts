import { describe, expect, it } from 'vitest';
import { TodayResponse } from '../../../../../shared/admin/today.js';
import { businessDayOf, tillTimeZone } from '../../../cash/business-day.js';
import { manualClock } from '../../../clock.js';
import { newOrderId, paymentBody, useTill } from '../../../testing/waiter-steps.js';

const HOUR = 3_600_000;
// A Friday; the business day starts at 06:00 (the default) in the till's own time zone.
const friday = businessDayOf(new Date('2026-11-27T12:00:00Z'), 6, tillTimeZone());
const clock = manualClock(new Date(friday.from.getTime() - 7 * 24 * HOUR + 13 * HOUR));
const at = (ms: number) => clock.advance(ms - clock.now().getTime());

describe('GET /api/today after an evening that crosses midnight', () => {
  const ctx = useTill('file', { clock });

  it('counts the business day from 06:00 to 06:00, hour by hour beside the same day last week', async () => {
    const { till, steps } = ctx;
    // Last Friday at 19:00: one check-in.
    await steps.checkIn(newOrderId(), 'GMB-G-1003');
    // This Friday's business day starts, 05:30 first: still Thursday night.
    at(friday.from.getTime() - HOUR / 2);
    await steps.checkIn(newOrderId(), 'GMB-G-1003');
    // 19:10 — Иванов checks in by his gift's QR, takes the gift, pays 1 200 ₽ with 300 ₽ of bonuses and 900 ₽ cash.
    at(friday.from.getTime() + 13 * HOUR + 10 * 60_000);
    const dinner = newOrderId();
    await steps.checkIn(dinner, 'GMB-V-5001');
    expect((await steps.addGift(dinner, 'v-1')).body.Gift?.Id).toBe('v-1');
    await steps.precheck(dinner, 1200, 300);
    expect((await steps.pay(dinner, paymentBody(1200, { bonus: 300, cash: 900 }), 'dinner')).body.Balance).not.toBeUndefined();
    // 00:40 on Saturday — still Friday's business day: Петрова checks in twice (two orders), Иванов once more.
    at(friday.from.getTime() + 18 * HOUR + 40 * 60_000);
    await steps.checkIn(newOrderId(), 'GMB-G-1002');
    await steps.checkIn(newOrderId(), 'GMB-G-1002');
    const late = newOrderId();
    await steps.checkIn(late, 'GMB-G-1001', '2222');
    expect((await steps.pay(late, paymentBody(500, { cash: 500 }, '2222'), 'late')).status).toBe(200);
    // 02:15 — the late order is refunded.
    at(friday.from.getTime() + 20 * HOUR + 15 * 60_000);
    expect((await steps.refund(late, 'late-refund')).status).toBe(200);

    const answer = await till.http('GET', '/api/today');
    expect(answer.status).toBe(200);
    const today = TodayResponse.parse(answer.body);
    expect(today.day).toEqual({ date: friday.date, from: friday.from.toISOString(), to: friday.to.toISOString() });
    expect(today.tiles).toEqual({
      checkIns: 4,
      distinctGuests: 2,
      giftsRedeemed: 1,
      bonusesWrittenOff: 30_000,
      // Accrued as paid: the late order's cashback counts though it was refunded (the refunds tile says so).
      cashbackAccrued: Math.floor(0.05 * (120_000 - 30_000)) + Math.floor(0.05 * 50_000),
      refunds: 1,
    });
    // Анна still holds the dinner's 900 ₽; Борис's 500 ₽ came back with the refund.
    expect(today.cashOutstanding.map((w) => [w.name, w.debt])).toEqual([['Анна', 90_000]]);
    expect(today.hours).toHaveLength(Math.round((friday.to.getTime() - friday.from.getTime()) / HOUR));
    expect(today.hours[0]?.hour).toBe(6);
    expect(today.hours[13]).toEqual({ hour: 19, checkIns: 1, lastWeek: 1 });
    expect(today.hours[18]).toEqual({ hour: 0, checkIns: 3, lastWeek: 0 });
    expect(today.hours.reduce((sum, h) => sum + h.checkIns, 0)).toBe(4);
    expect(today.hours.reduce((sum, h) => sum + h.lastWeek, 0)).toBe(1);
  });

  it('moves with the setting: a business day from midnight splits the evening in two', async () => {
    const { till } = ctx;
    await till.http('PUT', '/api/settings', { businessDayStartHour: 0 });
    const today = TodayResponse.parse((await till.http('GET', '/api/today')).body);
    // 02:15 on Saturday: from midnight only the three check-ins at 00:40 count.
    expect(today.tiles.checkIns).toBe(3);
    expect(today.tiles.refunds).toBe(1);
    expect(today.hours[0]).toEqual({ hour: 0, checkIns: 3, lastWeek: 0 });
  });
});
