import { afterEach, describe, expect, it } from 'vitest';
import { tillTimeZone } from '../../../cash/business-day.js';
import { cashMovementsCsv } from '../../../cash/cash-movements-csv.js';
import { manualClock } from '../../../clock.js';
import { startTestTill, type TestTill } from '../../../testing/test-till.js';
import { countRows, newOrderId, paymentBody } from '../../../testing/waiter-steps.js';

let till: TestTill;
afterEach(async () => {
  await till.close();
});

const clock = manualClock(new Date('2026-11-29T12:00:00.000Z'));

/** A cash payment of `roubles` through iikoWaiter (the waiter steps' body), a minute apart; returns the order id. */
async function payCash(roubles: number, pin: string | null): Promise<string> {
  const orderId = newOrderId();
  expect((await till.waiter('POST', `/orders/${orderId}/payments`, paymentBody(roubles, { cash: roubles }, pin), { 'Idempotency-Key': `pay-${orderId}` })).status).toBe(200);
  clock.advance(60_000);
  return orderId;
}

const cashRows = () => countRows(till, 'cash_entries');

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

describe('GET /api/reports/cash-movements: every cash-book entry of the period, streamed', () => {
  it('lists each entry once, in time order, with its total announced before the first row', async () => {
    till = await startTestTill({ clock, settings: { payInTypeId: 'b1a5c0de-0000-4000-8000-00000000a001', payOutTypeId: 'b1a5c0de-0000-4000-8000-00000000a002' } });
    const anna = till.core.waiters.idForPin('1111');
    await till.http('PUT', `/api/waiters/${anna}`, { name: 'Анна' });
    const dinner = await payCash(1200, '1111');
    await payCash(300, null);
    expect((await till.http('POST', `/api/waiters/${encodeURIComponent(anna)}/hand-ins`, { amount: 50_000, recordedBy: 'Ольга' })).status).toBe(200);
    clock.advance(60_000);
    expect((await till.waiter('POST', `/orders/${dinner}/refund`, { WaiterPin: '1111' }, { 'Idempotency-Key': `refund-${dinner}` })).status).toBe(200);

    const response = await fetch(`${till.baseUrl}/api/reports/cash-movements`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="cash-movements-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(Number(response.headers.get('x-rows-total'))).toBe(cashRows());
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Время;Операция;Официант;ID официанта;Сумма;Заказ;Кто записал;Комментарий');
    expect(lines.slice(1, -1).map((line) => line.split(';').slice(1, 5))).toEqual([
      ['Взято у гостя', 'Анна', anna, '1200,00'],
      ['Сразу в кассу', '', '', '300,00'],
      ['Сдано в кассу', 'Анна', anna, '500,00'],
      // Anna still owed 700 of the 1 200: that comes off her debt, the 500 she handed in from the till.
      ['Возврат заказа', 'Анна', anna, '700,00'],
      ['Возврат заказа из кассы', '', '', '500,00'],
    ]);
    expect(lines[1]).toMatch(/^\d{2}\.\d{2}\.2026 \d{2}:\d{2}:\d{2};/);
    expect(lines[3]?.split(';')[6]).toBe('Ольга');
    // Who recorded the rest, and their notes, in people's words: the waiter's name, never a PIN hash or «refund».
    expect(lines.slice(1, -1).map((line) => line.split(';').slice(6))).toEqual([
      ['Анна', ''],
      ['iikoWaiter', ''],
      ['Ольга', ''],
      ['Анна', ''],
      ['Анна', ''],
    ]);
    expect(lines.at(-1)).toBe('');

    // A period before any of it: the header alone, and a total of 0.
    const empty = await fetch(`${till.baseUrl}/api/reports/cash-movements?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z`);
    expect(empty.headers.get('x-rows-total')).toBe('0');
    expect((await empty.text()).split('\r\n')).toHaveLength(2);
  });

  it('reads the book a page at a time, so a waiter is served between pages and no row is lost or repeated', async () => {
    till = await startTestTill({ clock });
    for (let i = 0; i < 5; i++) await payCash(100 + i, '1111');
    const period = { from: '2026-11-29T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' };
    const options = { language: 'ru' as const, timeZone: tillTimeZone(), pageSize: 2 };
    const stream = cashMovementsCsv(till.core.db, period, options);
    const first = await stream.next();
    const second = await stream.next();
    // Mid-export, a payment: an open SQLite iterator would make this fail ("connection is busy").
    await payCash(900, '1111');
    const rest = await collect({ [Symbol.asyncIterator]: () => stream });
    const chunks = [first.value, second.value, ...rest] as string[];
    // The header, then pages of 2, 2, 2 (the sixth entry, paid mid-export, is in the period too).
    expect(chunks).toHaveLength(4);
    const sums = chunks.join('').split('\r\n').slice(1, -1).map((line) => line.split(';')[4]);
    expect(sums).toEqual(['100,00', '101,00', '102,00', '103,00', '104,00', '900,00']);
    expect((await collect(cashMovementsCsv(till.core.db, period, { ...options, pageSize: 500 }))).join('')).toBe(chunks.join(''));
  });
});
