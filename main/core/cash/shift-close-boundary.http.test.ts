import { afterEach, describe, expect, it } from 'vitest';
import type { AdminProblem as Problem } from '../../../shared/admin/problem.js';
import type { CloseShiftAnswer } from '../../../shared/admin/shifts.js';
import type { ShiftReport } from '../../../shared/admin/waiter-cash.js';
import type { TillEvent } from '../../../shared/events.js';
import { manualClock } from '../clock.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { newOrderId, paymentBody } from '../testing/waiter-steps.js';

let till: TestTill;
afterEach(async () => {
  await till.close();
});

const PAY_IN = 'b1a5c0de-0000-4000-8000-00000000a001';
const PAY_OUT = 'b1a5c0de-0000-4000-8000-00000000a002';

async function payCash(roubles: number): Promise<void> {
  const orderId = newOrderId();
  const paid = await till.waiter('POST', `/orders/${orderId}/payments`, paymentBody(roubles, { cash: roubles }, '1111'), { 'Idempotency-Key': `pay-${orderId}` });
  expect(paid.status).toBe(200);
}
const close = (body: unknown) => till.http<CloseShiftAnswer & Problem>('POST', '/api/shifts/close', body);
const report = async (query: string) => (await till.http<ShiftReport>('GET', `/api/reports/shift${query}`)).body;

describe('shift close at the boundary', () => {
  it('a hand-in recorded before the close, in the same millisecond, belongs to the shift that was closed', async () => {
    const clock = manualClock(new Date('2026-11-29T12:00:00.000Z'));
    till = await startTestTill({ clock, settings: { payInTypeId: PAY_IN, payOutTypeId: PAY_OUT } });
    const anna = till.core.waiters.idForPin('1111');
    await payCash(900);
    clock.advance(60_000);
    // The cashier takes Анна's 900 ₽, then presses «Закрыть смену» — the till's clock has not ticked.
    expect((await till.http('POST', `/api/waiters/${encodeURIComponent(anna)}/hand-ins`, { amount: 90_000 })).status).toBe(200);
    const preview = await report('?shift=current');
    expect(preview.totals).toMatchObject({ taken: 90_000, handedIn: 90_000, closingDebt: 0 });

    const closed = await close({ shift: 1, idempotencyKey: 'dialog-1' });
    expect(closed.status).toBe(200);
    const problems: string[] = [];
    const feed = (await till.http<{ events: TillEvent[] }>('GET', '/api/events?types=shift.closed')).body.events[0];
    const closedLine = (t: ShiftReport['totals']) => `taken ${t.taken}, handed in ${t.handedIn}, closing debt ${t.closingDebt}`;
    // What the close answers and what shift 1's report says later must be what the dialog showed.
    if (closed.body.report.totals.handedIn !== 90_000)
      problems.push(`close answer for shift 1: ${closedLine(closed.body.report.totals)}; the dialog showed ${closedLine(preview.totals)}; the feed says owed ${String(feed?.data && (feed.data as { debtOutstanding: number }).debtOutstanding)}`);
    const later = await report('?shift=1');
    if (later.totals.handedIn !== 90_000) problems.push(`report ?shift=1: ${closedLine(later.totals)}`);
    const csv = await till.http('GET', '/api/reports/cash-movements?shift=1');
    if (!csv.text.includes('Сдано в кассу')) problems.push('cash-movements CSV of shift 1 has no hand-in row');
    // …and shift 2 must not open with a debt of 900 ₽ and a hand-in it never saw.
    const next = await report('?shift=current');
    if (next.totals.openingDebt !== 0 || next.totals.handedIn !== 0) problems.push(`shift 2: opening debt ${next.totals.openingDebt}, handed in ${next.totals.handedIn}`);
    expect(problems).toEqual([]);
  });

  it('after the clock is set back (NTP), new cash is not booked into a shift already closed, nor counted in two shifts', async () => {
    const clock = manualClock(new Date('2026-11-29T12:00:00.000Z'));
    till = await startTestTill({ clock, settings: { payInTypeId: PAY_IN, payOutTypeId: PAY_OUT } });
    await payCash(900);
    clock.advance(60_000);
    const first = await close({ shift: 1, idempotencyKey: 'dialog-1' });
    expect(first.status).toBe(200);
    const printed = first.body.report.totals;

    // The till's clock ran 2 minutes ahead; NTP steps it back. Анна takes 300 ₽ in shift 2.
    clock.advance(-120_000);
    await payCash(300);
    const current = await report('?shift=current');
    const shiftOne = await report('?shift=1');
    const problems: string[] = [];
    if (JSON.stringify(shiftOne.totals) !== JSON.stringify(printed)) problems.push(`closed shift 1 changed after its close: ${JSON.stringify(printed)} → ${JSON.stringify(shiftOne.totals)}`);
    if (current.totals.taken !== 30_000) problems.push(`open shift 2 shows taken ${current.totals.taken}, not the 300 ₽ taken in it`);

    // Shift 2 is closed while the clock is still behind; shift 3 then overlaps shift 1.
    const second = await close({ shift: 2, idempotencyKey: 'dialog-2' });
    if (second.body.report.totals.taken !== 30_000) problems.push(`shift 2's close report shows taken ${second.body.report.totals.taken}`);
    const three = await report('?shift=current');
    const one = await report('?shift=1');
    if (one.totals.taken + (await report('?shift=2')).totals.taken + three.totals.taken !== 120_000)
      problems.push(`shifts 1+2+3 taken = ${one.totals.taken} + ${(await report('?shift=2')).totals.taken} + ${three.totals.taken}, the book has 1 200 ₽`);
    expect(problems).toEqual([]);
  });
});
