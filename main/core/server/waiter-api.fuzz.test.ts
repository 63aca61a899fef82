import fc from 'fast-check';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BONUS_TYPE, startTestTill, type HttpAnswer, type TestTill } from '../testing/test-till.js';

// Hundreds of random requests over real HTTP: seconds alone, much longer on a loaded 2-core machine.
// The limit catches a hang, not slowness.
const PROPERTY_TIME_LIMIT_MS = 180_000;

/*
 * Random, mostly wrong requests against the real server. Whatever comes in, the till answers with
 * something a waiter can act on: never a 5xx, and every 4xx carries WaiterMessage plus the fields
 * (Errors) or a RequestId to quote.
 */

const KNOWN_ORDER = '0b7d3a52-6f1e-4a8b-9c47-1d2e3f4a5b6c';
const ROUTES = ['/orders/{id}/checkin', '/orders/{id}', '/orders/{id}/gifts', '/orders/{id}/gifts/{gift}', '/orders/{id}/precheck', '/orders/{id}/payments', '/orders/{id}/refund', '/health', '/openapi.json', '/{id}'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

const orderIds = fc.oneof(
  fc.constant(KNOWN_ORDER),
  fc.uuid(),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', '..', '%', '%zz', '%00', '00000000-0000-0000-0000-000000000000', 'null', '{}', "' OR 1=1 --", '../../etc/passwd'),
);

/** Money as a buggy or hostile client might send it. */
const money = fc.oneof(
  fc.integer({ min: 0, max: 5_000 }),
  fc.integer({ min: 0, max: 500_000 }).map((k) => k / 100),
  fc.double(),
  fc.integer({ min: -1_000, max: -1 }),
  fc.constantFrom(0.001, 1.005, 0.1 + 0.2, 1e21, 1e308, -0, Number.MAX_SAFE_INTEGER, 100_000_000.01, 2 ** 53 + 1),
  fc.constantFrom('NaN', 'Infinity', '-1', '12.345', '1e3', '', '١٢٣', '0x10', null, true, [], {}),
);

const pins = fc.oneof(fc.constantFrom('1111', '2222'), fc.string({ maxLength: 80 }), fc.integer(), fc.constant(null));

const paymentItem = fc.record(
  {
    PaymentType: fc.oneof(
      fc.record({ Id: fc.oneof(fc.constant(BONUS_TYPE), fc.constant(BONUS_TYPE.toUpperCase()), fc.uuid(), fc.string()), Kind: fc.constantFrom('External', 'Cash', 'Card', 'cash', '', 'Чек'), Name: fc.string() }, { requiredKeys: [] }),
      fc.jsonValue(),
    ),
    Sum: money,
  },
  { requiredKeys: [] },
);

/** Bodies shaped like the real ones with random field types and values, or random JSON, or not JSON. */
const bodies = fc.oneof(
  fc.record({ Value: fc.oneof(fc.constantFrom('GMB-G-1001', 'GMB-G-1002', 'GMB-V-5001', 'GMB-V-5003', '+7 999 000-00-01', '4276 0000 0000 0002'), fc.string(), fc.jsonValue()), WaiterPin: pins }, { requiredKeys: [] }),
  fc.record({ GiftId: fc.oneof(fc.constantFrom('v-1', 'v-2', 'v-3'), fc.string(), fc.jsonValue()), WaiterPin: pins }, { requiredKeys: [] }),
  fc.record({ OrderSum: money, BonusSum: fc.oneof(money, fc.constant(null)), WaiterPin: pins }, { requiredKeys: [] }),
  fc.record(
    {
      OrderSum: money,
      PaymentItems: fc.oneof(fc.array(paymentItem, { maxLength: 4 }), fc.jsonValue()),
      WaiterPin: pins,
      Waiter: fc.oneof(fc.record({ Id: fc.oneof(fc.string(), fc.jsonValue()), Name: fc.jsonValue() }, { requiredKeys: [] }), fc.jsonValue()),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 4 }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"OrderSum": 1e999}', '{"__proto__": {"OrderSum": 1}}', '{"constructor": {"prototype": {}}}', 'null', '[]', '"x"', '\u0000', 'x'.repeat(9_000)),
);

const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 300 });
const headers = fc.record(
  {
    'Idempotency-Key': fc.oneof(fc.constantFrom('pay-1', 'pay-2', 'refund-1', ' ', 'k'.repeat(256)), headerValue),
    'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/vnd.api+json', 'multipart/form-data', 'image/png', ''),
    accept: headerValue,
    'x-forwarded-for': headerValue,
    'accept-language': headerValue,
  },
  { requiredKeys: [] },
);

const requests = fc.record({
  method: fc.constantFrom(...METHODS),
  route: fc.constantFrom(...ROUTES),
  id: orderIds,
  gift: fc.oneof(fc.constantFrom('v-1', 'v-2'), fc.string({ maxLength: 20 })),
  encode: fc.boolean(),
  body: fc.option(bodies, { nil: undefined }),
  headers,
});

type FuzzRequest = typeof requests extends fc.Arbitrary<infer T> ? T : never;

let till: TestTill;
beforeAll(async () => {
  till = await startTestTill();
});
afterAll(async () => {
  await till.close();
});

async function send(request: FuzzRequest): Promise<HttpAnswer | 'client-refused'> {
  const part = (value: string) => (request.encode ? encodeURIComponent(value) : value.replace(/[#?]/g, encodeURIComponent));
  const route = request.route.replace('{id}', part(request.id)).replace('{gift}', part(request.gift));
  const withBody = request.method !== 'GET' && request.method !== 'HEAD';
  try {
    return await till.waiter(request.method, route, withBody ? request.body : undefined, { ...request.headers });
  } catch {
    // fetch itself refuses some inputs (a header it will not send, a URL it cannot build): nothing reached the till.
    return 'client-refused';
  }
}

/** One request written byte for byte on a socket, as no HTTP client library would send it. */
function rawRequest(text: string): Promise<string> {
  const { hostname, port } = new URL(till.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(text));
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('close', () => resolve(reply));
    socket.on('error', reject);
  });
}

function expectWaiterReadable(answer: HttpAnswer, request: FuzzRequest): void {
  const context = JSON.stringify(request).slice(0, 600);
  expect(answer.status, context).toBeLessThan(500);
  if (answer.status >= 400 && request.method !== 'HEAD') {
    const body = answer.body as { WaiterMessage?: unknown; Errors?: unknown; RequestId?: unknown } | undefined;
    expect(typeof body?.WaiterMessage, context).toBe('string');
    expect(Array.isArray(body?.Errors) || typeof body?.RequestId === 'string', context).toBe(true);
  }
  if (answer.status === 200 && typeof answer.body === 'object' && answer.body !== null && 'WaiterMessage' in answer.body) {
    expect(Object.keys(answer.body).sort(), context).toEqual(['RequestId', 'WaiterMessage']);
  }
  expect(answer.text, context).not.toMatch(/\bat .+\.(?:ts|js):\d+/);
}

describe('the waiter API under random input', () => {
  it('never answers 5xx, and every 4xx tells the waiter something with fields or a request id', async () => {
    let reached = 0;
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const answer = await send(request);
        if (answer === 'client-refused') return;
        reached += 1;
        expectWaiterReadable(answer, request);
      }),
      { numRuns: 300 },
    );
    expect(reached).toBeGreaterThan(250);
  }, PROPERTY_TIME_LIMIT_MS);

  it('answers raw request targets that fetch would clean up (bad %-escapes, dots, slashes) without a 5xx', async () => {
    const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 });
    const segment = fc.oneof(printable, fc.constantFrom('%', '%zz', '%E0%A4%A', '%FF', '%00', '%2F', '..', '.', '', KNOWN_ORDER, 'orders', 'gifts', 'checkin', 'payments'));
    const target = fc.array(segment, { maxLength: 6 }).map((parts) => `/GetMeBack/${parts.join('/')}`);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), target, async (method, path) => {
        const reply = await rawRequest(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1]);
        expect(status, `${method} ${path}`).toBeLessThan(500);
        if (status >= 400 && method !== 'HEAD') expect(reply, `${method} ${path}`).toMatch(/"WaiterMessage":"[^"]+".*"RequestId":"\w+"/s);
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIME_LIMIT_MS);

  it('keeps the ledger consistent after the random traffic', async () => {
    const integrity = till.core.db.pragma('integrity_check', { simple: true });
    expect(integrity).toBe('ok');
    const paidTwice = till.core.db.prepare('SELECT order_id FROM payments GROUP BY order_id HAVING COUNT(*) > 1').all();
    expect(paidTwice).toEqual([]);
    const negative = till.core.db
      .prepare(
        `SELECT g.id, g.opening_balance + COALESCE(SUM(e.amount), 0) AS balance FROM book_guests g
         LEFT JOIN guest_entries e ON e.guest_id = g.id GROUP BY g.id HAVING balance < 0`,
      )
      .all();
    expect(negative).toEqual([]);
  });

  it('answers well-formed random payments with the payment or a refusal, never anything else', async () => {
    const sums = fc.integer({ min: 0, max: 300_000 });
    await fc.assert(
      fc.asyncProperty(fc.uuid(), sums, sums, sums, fc.constantFrom('GMB-G-1001', 'GMB-G-1002', 'GMB-G-1003', 'GMB-V-5002'), async (order, bonus, cash, card, code) => {
        await till.waiter('POST', `/orders/${order}/checkin`, { Value: code, WaiterPin: '2222' });
        const items = [
          { PaymentType: { Id: BONUS_TYPE, Kind: 'External', Name: 'GetMeBack' }, Sum: bonus / 100 },
          { PaymentType: { Id: 'cash', Kind: 'Cash', Name: 'Наличные' }, Sum: cash / 100 },
          { PaymentType: { Id: 'card', Kind: 'Card', Name: 'Карта' }, Sum: card / 100 },
        ];
        const total = (bonus + cash + card) / 100;
        const answer = await till.waiter('POST', `/orders/${order}/payments`, { OrderSum: total, PaymentItems: items, WaiterPin: '2222' }, { 'Idempotency-Key': `fuzz-${order}` });
        expect(answer.status).toBe(200);
        const body = answer.body as Record<string, unknown>;
        if ('WaiterMessage' in body) expect(Object.keys(body).sort()).toEqual(['RequestId', 'WaiterMessage']);
        else expect(body).toMatchObject({ OrderId: order, BonusWrittenOff: bonus / 100, WaiterDebt: cash / 100 });
      }),
      { numRuns: 80 },
    );
  }, PROPERTY_TIME_LIMIT_MS);
});
