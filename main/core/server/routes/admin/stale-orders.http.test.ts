import { describe, expect, it } from 'vitest';
import type { OrderView } from '../../../../../shared/wire/order-view.js';
import { manualClock } from '../../../clock.js';
import { newOrderId, useTill } from '../../../testing/waiter-steps.js';

type Listed = { orders: (OrderView & { UpdatedAt: string })[]; staleCount: number };

const HOUR = 3_600_000;
const clock = manualClock();
const t = useTill('test', { clock });
const listed = async (query = '') => (await t.till.http<Listed>('GET', `/api/orders${query}`)).body.orders.map((order) => order.OrderId);
const staleCount = async () => (await t.till.http<Listed>('GET', '/api/orders')).body.staleCount;

describe('stale open orders (settings.staleOrderHours, 12 by default)', () => {
  it('leave the orders screen after 12 hours without activity, stay in the database, listed with ?stale=1, and come back when touched', async () => {
    expect(t.till.core.settings.get().staleOrderHours).toBe(12);
    const [forgotten, busy] = [newOrderId(), newOrderId()];
    await t.steps.checkIn(forgotten, 'GMB-G-1001');
    clock.advance(6 * HOUR);
    await t.steps.checkIn(busy, 'GMB-G-1002');
    expect(new Set(await listed())).toEqual(new Set([forgotten, busy]));

    clock.advance(6 * HOUR + 1_000);
    expect(await listed()).toEqual([busy]);
    expect(await listed('?stale=1')).toEqual([forgotten]);
    expect(await staleCount()).toBe(1);
    expect(t.till.core.loyalty.db.prepare('SELECT COUNT(*) AS n FROM orders WHERE id = ?').get(forgotten)).toEqual({ n: 1 });

    // The waiter picks the order up again: it is back on the screen.
    expect((await t.steps.precheck(forgotten, 500, 0)).status).toBe(200);
    expect(new Set(await listed())).toEqual(new Set([forgotten, busy]));

    t.till.core.settings.update({ staleOrderHours: 1 });
    clock.advance(HOUR + 1_000);
    expect(await listed()).toEqual([]);
    expect(new Set(await listed('?stale=1'))).toEqual(new Set([forgotten, busy]));
  });

  it('are found by a part of the order id or of the guest\'s name, in any case (Cyrillic too), and counted for the tab', async () => {
    const [ivanov, petrova, fresh] = [newOrderId(), newOrderId(), newOrderId()];
    await t.steps.checkIn(ivanov, 'GMB-G-1001');
    await t.steps.checkIn(petrova, 'GMB-G-1002');
    clock.advance(13 * HOUR);
    await t.steps.checkIn(fresh, 'GMB-G-1001');
    expect(await staleCount()).toBe(2);
    expect(await listed(`?stale=1&q=${encodeURIComponent('иВАНОВ')}`)).toEqual([ivanov]);
    expect(await listed(`?stale=1&q=${encodeURIComponent('мария')}`)).toEqual([petrova]);
    expect(await listed(`?stale=1&q=${petrova.slice(0, 8).toUpperCase()}`)).toEqual([petrova]);
    expect(await listed(`?stale=1&q=${encodeURIComponent('Сидоров')}`)).toEqual([]);
    // The fresh order is not among the stale ones, whatever the search.
    expect(new Set(await listed('?stale=1&q=%20'))).toEqual(new Set([ivanov, petrova]));
    expect((await t.till.http('GET', `/api/orders?stale=1&q=${'x'.repeat(101)}`)).status).toBe(400);
  });
});
