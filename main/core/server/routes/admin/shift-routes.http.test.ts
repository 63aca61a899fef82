import { afterEach, describe, expect, it } from 'vitest';
import type { AdminProblem as Problem } from '../../../../../shared/admin/problem.js';
import type { CloseShiftAnswer, ShiftsResponse } from '../../../../../shared/admin/shifts.js';
import type { ShiftReport } from '../../../../../shared/admin/waiter-cash.js';
import type { TillEvent } from '../../../../../shared/events.js';
import { businessDayOf, tillTimeZone } from '../../../cash/business-day.js';
import { manualClock } from '../../../clock.js';
import { startTestTill, type TestTill } from '../../../testing/test-till.js';
import { countRows, newOrderId, paymentBody } from '../../../testing/waiter-steps.js';


let till: TestTill;
afterEach(async () => {
  await till.close();
});

const HOUR = 3_600_000;
const clock = manualClock(new Date('2026-11-29T12:00:00.000Z'));

async function payCash(roubles: number): Promise<void> {
  const orderId = newOrderId();
  expect((await till.waiter('POST', `/orders/${orderId}/payments`, paymentBody(roubles, { cash: roubles }, '1111'), { 'Idempotency-Key': `pay-${orderId}` })).status).toBe(200);
}

const close = (body: unknown) => till.http<CloseShiftAnswer & Problem>('POST', '/api/shifts/close', body);
const report = async (query: string) => till.http<ShiftReport & Problem>('GET', `/api/reports/shift${query}`);

describe('closing a shift over HTTP', () => {
  it('closes the open shift once, and the report then covers shift to shift without forgiving a debt', async () => {
    till = await startTestTill({ clock, settings: { payInTypeId: 'b1a5c0de-0000-4000-8000-00000000a001', payOutTypeId: 'b1a5c0de-0000-4000-8000-00000000a002' } });
    const anna = till.core.waiters.idForPin('1111');
    const dayStart = businessDayOf(clock.now(), 6, tillTimeZone()).from.toISOString();
    const before = await till.http<ShiftsResponse>('GET', '/api/shifts');
    expect(before.body).toEqual({ open: { number: 1, from: dayStart }, closed: [] });

    await payCash(900);
    clock.advance(HOUR);
    const closedAt = clock.now().toISOString();
    const first = await close({ shift: 1, closedBy: 'Ольга', idempotencyKey: 'dialog-1' });
    expect(first.status).toBe(200);
    expect(first.body.shift).toEqual({ number: 1, from: dayStart, to: closedAt, closedBy: 'Ольга' });
    expect(first.body.report.totals).toMatchObject({ taken: 90_000, closingDebt: 90_000 });

    // The dialog's retry answers the same close; another press (a new dialog on a stale screen) is a 409.
    clock.advance(1_000);
    const retried = await close({ shift: 1, closedBy: 'Ольга', idempotencyKey: 'dialog-1' });
    expect(retried.status).toBe(200);
    expect(retried.body.shift.to).toBe(closedAt);
    const again = await close({ shift: 1, closedBy: 'Ольга', idempotencyKey: 'dialog-2' });
    expect(again.status).toBe(409);
    expect(again.body.Message).toBe('Смена №1 уже закрыта. Обновите экран: открыта следующая смена.');
    expect(countRows(till, 'shift_closes')).toBe(1);
    expect((await till.http<{ events: TillEvent[] }>('GET', '/api/events?types=shift.closed')).body.events).toMatchObject([
      { type: 'shift.closed', data: { shift: 1, closedBy: 'Ольга', debtOutstanding: 90_000 } },
    ]);

    // Shift 2: more cash and a partial hand-in; the debt Анна carried over is its opening debt.
    await payCash(300);
    expect((await till.http('POST', `/api/waiters/${encodeURIComponent(anna)}/hand-ins`, { amount: 50_000 })).status).toBe(200);
    const closedOne = await report('?shift=1');
    expect(closedOne.body).toMatchObject({ from: dayStart, to: closedAt, totals: { openingDebt: 0, taken: 90_000, handedIn: 0, closingDebt: 90_000 } });
    const current = await report('?shift=current');
    expect(current.body).toMatchObject({ from: closedAt, totals: { openingDebt: 90_000, taken: 30_000, handedIn: 50_000, closingDebt: 70_000 } });
    expect((await report('?shift=2')).body.totals).toEqual(current.body.totals);
    const csv = await till.http('GET', '/api/reports/shift?shift=1&format=csv');
    expect(csv.text).toContain('Итого официанты;;0,00;900,00;0,00;0,00;900,00');

    // Without a shift the report still follows the business day.
    expect((await report('')).body).toMatchObject({ from: dayStart, totals: { taken: 120_000 } });
    expect((await till.http<ShiftsResponse>('GET', '/api/shifts')).body).toEqual({
      open: { number: 2, from: closedAt },
      closed: [{ number: 1, from: dayStart, to: closedAt, closedBy: 'Ольга' }],
    });
  });

  it('names the fields it refuses, in Russian', async () => {
    till = await startTestTill({ clock });
    const bad = await close({ shift: 0, closedBy: 'О'.repeat(65), idempotencyKey: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.Errors?.map((error) => error.Field).sort()).toEqual(['closedBy', 'idempotencyKey', 'shift']);
    expect(bad.body.Message).toContain('Укажите номер смены');
    const ahead = await close({ shift: 3 });
    expect(ahead.status).toBe(422);
    expect(ahead.body.Errors).toEqual([{ Field: 'shift', Message: 'Смена №3 ещё не открыта: сейчас идёт смена №1.' }]);
    expect((await close({ shift: '1' })).body.Errors?.[0]?.Field).toBe('shift');

    const reused = await close({ shift: 1, idempotencyKey: 'k' });
    expect(reused.status).toBe(200);
    expect(reused.body.shift.closedBy).toBe('');
    const otherShift = await close({ shift: 2, idempotencyKey: 'k' });
    expect(otherShift.status).toBe(422);
    expect(otherShift.body.Errors?.[0]?.Field).toBe('idempotencyKey');

    for (const query of ['?shift=abc', '?shift=0', '?shift=7', '?shift=1&from=2026-11-29']) {
      const answer = await report(query);
      expect(answer.status, query).toBe(400);
      expect(answer.body.Errors?.map((error) => error.Field), query).toEqual(['shift']);
    }
    expect(countRows(till, 'shift_closes')).toBe(1);
  });
});
