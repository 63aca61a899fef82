import { describe, expect, it } from 'vitest';
import { countRows, newOrderId, paymentBody, useTill } from '../testing/waiter-steps.js';

/*
 * docs/protocol.md: "Fields the till does not know are ignored" (Conventions), "`null` is an absent
 * field ... meaning the same as leaving them out" (Tolerance), and under Idempotency "The same key
 * with the same request answers the first answer again". A retry after a lost answer that differs
 * only in what the till ignores must replay, not be told it was "made with other sums" (422).
 */
const t = useTill('test');

describe('a retry after a lost answer, differing only in what the till ignores', () => {
  it('an unknown field that changes per attempt (a client timestamp) still replays the payment', async () => {
    const order = newOrderId();
    await t.steps.checkIn(order, 'GMB-G-1001');
    const body = paymentBody(1200, { card: 1200 });
    const first = await t.steps.pay(order, { ...body, SentAt: '2026-12-03T12:00:00Z' }, 'retry-unknown-field');
    expect(first.status).toBe(200);
    const retry = await t.steps.pay(order, { ...body, SentAt: '2026-12-03T12:00:05Z' }, 'retry-unknown-field');
    expect(countRows(t.till, 'payments', 'order_id = ?', order)).toBe(1);
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
  });

  it('`"Waiter": null` on the retry where the first attempt left it out still replays', async () => {
    const order = newOrderId();
    const body = paymentBody(500, { cash: 500 });
    const first = await t.steps.pay(order, body, 'retry-null');
    expect(first.status).toBe(200);
    const retry = await t.steps.pay(order, { ...body, Waiter: null }, 'retry-null');
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
  });

  it('the same call with the trailing slash the router accepts still replays', async () => {
    const order = newOrderId();
    const body = paymentBody(500, { cash: 500 });
    const first = await t.steps.pay(order, body, 'retry-slash');
    expect(first.status).toBe(200);
    const retry = await t.till.waiter('POST', `/orders/${order}/payments/`, body, { 'Idempotency-Key': 'retry-slash' });
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
  });

  it('a retry that pays 100 times more under the same key is another request: 422, never the first answer', async () => {
    const order = newOrderId();
    const first = await t.steps.pay(order, paymentBody(5, { cash: 5 }), 'retry-hundredfold');
    expect(first.status).toBe(200);
    // 500 roubles as sent reads like the first payment's 500 kopecks as validated: each stored hash
    // is compared in its own form only.
    const changed = await t.steps.pay(order, paymentBody(500, { cash: 500 }), 'retry-hundredfold');
    expect(changed.headers.get('idempotent-replayed')).toBeNull();
    expect(changed.status).toBe(422);
  });
});
