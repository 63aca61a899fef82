import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { countRows, newOrderId, paymentBody, type Refused, useTill } from '../testing/waiter-steps.js';

const t = useTill('file');

const order = newOrderId();
const fieldsOf = (body: Refused) => body.Errors?.map((error) => error.Field) ?? [];

describe('malformed requests get 4xx naming the fields, never a 500', () => {
  it.each([
    ['POST', '/orders/42/checkin', { Value: 'GMB-G-1001' }],
    ['DELETE', '/orders/not-a-uuid/checkin', undefined],
    ['GET', '/orders/3f0e9a52-6d1b-4b8e-9a47-2b8f1c0d9e1', undefined],
    ['POST', '/orders/x/gifts', { GiftId: 'v-1' }],
    ['DELETE', '/orders/x/gifts/v-1', undefined],
    ['POST', '/orders/x/precheck', { OrderSum: 100 }],
    ['POST', '/orders/x/payments', paymentBody(100, { cash: 100 })],
    ['POST', '/orders/x/refund', {}],
  ])('%s %s with a non-UUID order id → 400 naming orderId', async (method, route, body) => {
    const answer = await t.till.waiter<Refused>(method, route, body, { 'Idempotency-Key': 'k-bad-id' });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['orderId']);
    // The field is named for iikoWaiter's developers; the waiter reads what to do and the code to quote.
    expect(answer.body.WaiterMessage).toBe(
      `GetMeBack Till не понял запрос iikoWaiter. Повторите действие; если не помогает, сообщите администратору, код запроса ${answer.body.RequestId}.`,
    );
    expect(answer.body.WaiterMessage).not.toMatch(/orderId/);
  });

  it.each([
    ['precheck', { OrderSum: -1 }, ['OrderSum']],
    ['precheck', { OrderSum: 10.001 }, ['OrderSum']],
    ['precheck', { OrderSum: 100, BonusSum: 0.125 }, ['BonusSum']],
    ['precheck', { OrderSum: '100' }, ['OrderSum']],
    ['precheck', {}, ['OrderSum']],
    ['checkin', { Value: 'GMB-G-1001', WaiterPin: 1111 }, ['WaiterPin']],
    ['gifts', { GiftId: ['v-1'] }, ['GiftId']],
    ['payments', { OrderSum: 100, PaymentItems: [{ PaymentType: { Id: 'c', Kind: 'Cash' }, Sum: -100 }] }, ['PaymentItems.0.Sum']],
    ['payments', { OrderSum: 100, PaymentItems: [{ PaymentType: { Kind: 'Cash' }, Sum: 100 }] }, ['PaymentItems.0.PaymentType.Id']],
    ['payments', { OrderSum: 100.999, PaymentItems: 'cash' }, ['OrderSum', 'PaymentItems']],
    ['refund', { WaiterPin: false }, ['WaiterPin']],
  ])('POST %s with %j → 400 naming %j', async (route, body, fields) => {
    const answer = await t.till.waiter<Refused>('POST', `/orders/${order}/${route}`, body, { 'Idempotency-Key': `k-${route}-fields` });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(fields);
  });

  it.each([
    ['checkin', '{"Value": "GMB-G-1001"'],
    ['precheck', 'OrderSum=100'],
    ['payments', '[1, 2'],
  ])('POST %s with invalid JSON → 400', async (route, text) => {
    const answer = await t.till.waiter<Refused>('POST', `/orders/${order}/${route}`, text, { 'Idempotency-Key': 'k-json' });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['body']);
  });

  it('a JSON array or string instead of an object → 400', async () => {
    for (const body of ['[]', '"GMB-G-1001"', 'null']) {
      const answer = await t.till.waiter<Refused>('POST', `/orders/${order}/checkin`, body);
      expect(answer.status).toBe(400);
    }
  });

  it('a body nested thousands of levels deep, under 8 KB → 400 naming the body, on every route (the payment\'s request hash once overflowed its stack: a 500)', async () => {
    const deep = (levels: number) => `{"OrderSum":0,"PaymentItems":[],"X":${'['.repeat(levels)}${']'.repeat(levels)}}`;
    for (const route of ['payments', 'refund', 'checkin', 'precheck']) {
      const answer = await t.till.waiter<Refused>('POST', `/orders/${order}/${route}`, deep(3_900), { 'Idempotency-Key': `k-deep-${route}` });
      expect(answer.status, route).toBe(400);
      expect(fieldsOf(answer.body)).toEqual(['body']);
    }
    // Thirty levels are still read (no call has more than four).
    const shallow = await t.till.waiter<Refused>('POST', `/orders/${order}/precheck`, deep(28));
    expect(shallow.status).not.toBe(500);
    expect(fieldsOf(shallow.body ?? {})).not.toContain('body');
  });

  it('a body over 8 KB → 413, whether or not its length is declared', async () => {
    const big = JSON.stringify({ Value: 'x'.repeat(9 * 1024) });
    const declared = await t.till.waiter<Refused>('POST', `/orders/${order}/checkin`, big);
    expect(declared.status).toBe(413);
    expect(declared.body.WaiterMessage).toMatch(/^Запрос iikoWaiter слишком большой\. Сообщите администратору, код запроса [0-9a-f]{8}\.$/);

    const chunked = await fetch(`${t.till.waiterUrl}/orders/${order}/checkin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('a body that is not JSON → 415', async () => {
    const answer = await t.till.waiter('POST', `/orders/${order}/checkin`, 'Value=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(answer.status).toBe(415);
  });

  it('an unknown route under the waiter path → 404 with a message, not a 500', async () => {
    const answer = await t.till.waiter<Refused>('POST', `/orders/${order}/nothing`, {});
    expect(answer.status).toBe(404);
    expect(answer.body.WaiterMessage).toMatch(/Server Address/);
  });

  it('a caller that goes away in the middle of its body is no error of the till: no server.error, it goes on serving', async () => {
    const url = new URL(t.till.waiterUrl);
    for (const payment of [false, true]) {
      const route = payment ? `${url.pathname}/orders/${order}/payments` : `${url.pathname}/orders/${order}/checkin`;
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(url.port), url.hostname, () => {
          socket.write(`POST ${route} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nIdempotency-Key: k-gone\r\nContent-Length: 300\r\n\r\n{"Value":`);
          // Long enough for the till to be reading the body when the caller goes.
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 50);
        });
        socket.on('error', reject);
      });
    }
    await sleep(100);
    expect(countRows(t.till, 'events', "type = 'server.error'")).toBe(0);
    expect((await t.till.waiter('GET', '/health')).status).toBe(200);
  });

  it('nothing of it reached the book: no order was created', () => {
    expect(countRows(t.till, 'orders')).toBe(0);
    expect(countRows(t.till, 'events', "type = 'server.error'")).toBe(0);
  });
});
