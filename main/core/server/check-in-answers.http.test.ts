import { describe, expect, it } from 'vitest';
import { countRows, expectRefusal, newOrderId, paymentBody, type Refused, useTill } from '../testing/waiter-steps.js';

/**
 * The two calls iikoWaiter's vendor documents: check-in answers only 204 or 200 + WaiterMessage,
 * whatever the scanned value; check-out (unbind) answers 204 in every state of the order.
 */

const t = useTill('file');

const UNREADABLE_ru = /QR-код не прочитан/;

describe('check-in of a value that cannot be read is a message for the waiter, not a 400 (docs/protocol.md#check-in)', () => {
  it.each([
    ['an empty string', { Value: '' }],
    ['only spaces', { Value: '   ' }],
    ['257 characters', { Value: 'G'.repeat(257) }],
    ['a control character', { Value: 'GMB-G-\u00071001' }],
    ['a number', { Value: 79990000001 }],
    ['null', { Value: null }],
    ['an object', { Value: { Qr: 'GMB-G-1001' } }],
    ['no Value at all', { WaiterPin: '1111' }],
  ])('%s', async (_label, body) => {
    const order = newOrderId();
    const orders = countRows(t.till, 'orders');
    const answer = await t.till.waiter<Refused>('POST', `/orders/${order}/checkin`, { WaiterPin: '1111', ...body });
    expectRefusal(answer, UNREADABLE_ru);
    expect(answer.body.Errors).toBeUndefined();
    expect(countRows(t.till, 'orders')).toBe(orders);
    expect((await t.steps.view(order)).Guest).toBeNull();
  });

  it('bytes that are not UTF-8', async () => {
    const order = newOrderId();
    const bytes = Buffer.concat([Buffer.from('{"Value":"GMB-G-'), Buffer.from([0xff, 0xfe]), Buffer.from('1001"}')]);
    const response = await fetch(`${t.till.waiterUrl}/orders/${order}/checkin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Refused).WaiterMessage).toMatch(UNREADABLE_ru);
  });

  it('256 characters are read (and looked up: not found)', async () => {
    expectRefusal(await t.steps.checkIn(newOrderId(), 'G'.repeat(256)), /Гость не найден в GetMeBack/);
  });

  it('a value with spaces around it is read without them', async () => {
    const order = newOrderId();
    expect((await t.steps.checkIn(order, '  GMB-G-1001\t')).status).toBe(204);
    expect((await t.steps.view(order)).Guest?.Id).toBe('g-1');
  });

  it('a body that is not a JSON object is still a malformed request', async () => {
    for (const body of ['[]', '"GMB-G-1001"', '42']) {
      expect((await t.till.waiter('POST', `/orders/${newOrderId()}/checkin`, body)).status).toBe(400);
    }
  });
});

describe('check-out (unbind) answers 204 in every state (docs/protocol.md#check-out)', () => {
  const checkOut = async (order: string) => {
    const answer = await t.steps.checkOut(order);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
  };
  const checkOutEvents = (order: string) => countRows(t.till, 'events', "type = 'guest.checked_out' AND order_id = ?", order);

  it('an order the till has never seen: nothing is written', async () => {
    const order = newOrderId();
    const orders = countRows(t.till, 'orders');
    await checkOut(order);
    expect(countRows(t.till, 'orders')).toBe(orders);
    expect(checkOutEvents(order)).toBe(0);
  });

  it('an order whose only check-in was refused: nothing is written', async () => {
    const order = newOrderId();
    expectRefusal(await t.steps.checkIn(order, 'GMB-G-9999'), /Гость не найден в GetMeBack/);
    await checkOut(order);
    expect(checkOutEvents(order)).toBe(0);
  });

  it('a bound guest: unbound, once, and a second check-out writes nothing', async () => {
    const order = newOrderId();
    await t.steps.checkIn(order, 'GMB-G-1001');
    await checkOut(order);
    expect((await t.steps.view(order)).Guest).toBeNull();
    await checkOut(order);
    expect(checkOutEvents(order)).toBe(1);
  });

  // An open order with gifts offered and added and a bonus reservation: gifts.http.test.ts, "check-out
  // keeps an added gift but drops offered gifts and the bonus reservation; a second gift follows".

  it.each(['Paid', 'Refunded'])('a %s order: nothing changes, the guest stays', async (status) => {
    const order = newOrderId();
    await t.steps.checkIn(order, 'GMB-G-1003');
    expect((await t.steps.pay(order, paymentBody(100, { cash: 100 }), `co-pay-${order}`)).status).toBe(200);
    if (status === 'Refunded') expect((await t.steps.refund(order, `co-refund-${order}`)).status).toBe(200);
    const before = await t.steps.view(order);
    const events = countRows(t.till, 'events');
    await checkOut(order);
    expect(await t.steps.view(order)).toEqual(before);
    expect(before).toMatchObject({ Status: status, Guest: { Id: 'g-3' } });
    expect(countRows(t.till, 'events')).toBe(events);
  });
});
