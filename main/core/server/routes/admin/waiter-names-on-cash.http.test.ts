import { afterEach, describe, expect, it } from 'vitest';
import type { AdminProblem as Problem } from '../../../../../shared/admin/problem.js';
import { manualClock } from '../../../clock.js';
import { startTestTill, type TestTill } from '../../../testing/test-till.js';
import { newOrderId, paymentBody } from '../../../testing/waiter-steps.js';

let till: TestTill;
afterEach(async () => {
  await till.close();
});

describe('waiters as the cash screens name them', () => {
  it('the cash-movements CSV names a waiter identified by iiko employee id in «Кто записал», as it does one known by PIN', async () => {
    till = await startTestTill({ clock: manualClock() });
    const orderId = newOrderId();
    const { WaiterPin: _pin, ...body } = paymentBody(900, { cash: 900 }, '1111');
    const paid = await till.waiter('POST', `/orders/${orderId}/payments`, { ...body, Waiter: { Id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', Name: 'Анна' } }, { 'Idempotency-Key': `pay-${orderId}` });
    expect(paid.status).toBe(200);
    const csv = await till.http('GET', '/api/reports/cash-movements');
    const row = csv.text.split('\r\n')[1]?.split(';');
    // Время;Операция;Официант;ID официанта;Сумма;Заказ;Кто записал;Комментарий
    expect(row?.[2]).toBe('Анна');
    expect(row?.[6]).toBe('Анна');
  });

  it('refuses a hand-in above the debt of an unnamed waiter (iiko id) naming the waiter as the screen does, without the whole id', async () => {
    till = await startTestTill({ clock: manualClock() });
    const orderId = newOrderId();
    // iikoWaiter names the waiter by employee id only (no PIN, no name).
    const { WaiterPin: _pin, ...body } = paymentBody(900, { cash: 900 }, '1111');
    const paid = await till.waiter('POST', `/orders/${orderId}/payments`, { ...body, Waiter: { Id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' } }, { 'Idempotency-Key': `pay-${orderId}` });
    expect(paid.status).toBe(200);
    const id = 'iiko:7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const over = await till.http<Problem>('POST', `/api/waiters/${encodeURIComponent(id)}/hand-ins`, { amount: 100_000 });
    expect(over.status).toBe(422);
    // The dialog's title says «Принять наличные: Официант pin:xxxxxxxx» (renderer/src/i18n/ru.ts unnamed).
    // «Официант» once: before, «Официант Официант iiko:7c9e667 должен…».
    expect(over.body.Message.startsWith(`Официант ${id.slice(0, 12)} должен`)).toBe(true);
    expect(over.body.Message).not.toContain(id);
  });
});
