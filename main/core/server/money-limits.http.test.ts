import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings/schema.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { countRows, expectRefusal, newOrderId, paymentBody, waiterSteps } from '../testing/waiter-steps.js';

let till: TestTill;
let dir = '';
afterEach(async () => {
  await till.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

const refusals = () => till.core.events.history({ limit: 20, types: ['request.refused'] });

describe('sanity caps on money (production defaults: order 1 000 000 ₽, cashback 50 000 bonuses per payment)', () => {
  it('refuses an order sum above the cap at pre-check and payment, changes nothing and tells the cashier', async () => {
    expect(DEFAULT_SETTINGS.limits).toEqual({ maxOrderSum: 100_000_000, maxCashback: 5_000_000 });
    till = await startTestTill();
    const steps = waiterSteps(till);
    const order = newOrderId();
    await steps.checkIn(order, 'GMB-G-1003'); // a zero-balance guest
    expectRefusal(await steps.precheck(order, 100_000_000, 0), /больше предела GetMeBack Till/);
    const forged = await steps.pay(order, paymentBody(100_000_000, { card: 100_000_000 }), 'forged');
    expectRefusal(forged, /Сумма заказа 100\s000\s000,00\s₽ больше предела GetMeBack Till \(1\s000\s000,00\s₽\)/);
    expect(countRows(till, 'payments')).toBe(0);
    expect(countRows(till, 'guest_entries', "guest_id = 'g-3'")).toBe(0);
    expect(refusals().map((event) => (event.data as { message: string }).message)).toEqual([expect.stringContaining('больше предела GetMeBack Till'), expect.stringContaining('больше предела GetMeBack Till')]);

    // A big but real bill just under the cap is paid (and the same key then repeats the answer).
    const real = await steps.pay(order, paymentBody(1_000_000, { card: 1_000_000 }), 'real');
    expect(real.body).toMatchObject({ Accrued: 50_000 });
  });

  it('refuses one payment\'s cashback above the cap (a book with 10 % cashback), and the manager can raise it', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-caps-'));
    const seedFile = path.join(dir, 'seed.json');
    writeFileSync(
      seedFile,
      JSON.stringify({
        rules: { maxBonusShare: 0.5, cashbackPercent: 10 },
        guests: [{ id: 'g-9', fullName: 'Кузнецова Анна', phone: '79990000009', qr: ['GMB-G-9009'], balance: 0 }],
        waiters: [{ name: 'Анна', pin: '1111' }],
      }),
    );
    till = await startTestTill({ seedFile });
    const steps = waiterSteps(till);
    const order = newOrderId();
    await steps.checkIn(order, 'GMB-G-9009');
    expectRefusal(await steps.pay(order, paymentBody(600_000, { card: 600_000 }), 'big'), /Начисление за одну оплату \(60\s000\sбонусов\) больше предела GetMeBack Till \(50\s000\sбонусов\)/);
    expect(countRows(till, 'payments')).toBe(0);
    till.core.settings.update({ limits: { maxCashback: 10_000_000 } });
    expect((await steps.pay(order, paymentBody(600_000, { card: 600_000 }), 'big')).body).toMatchObject({ Accrued: 60_000 });
  });
});

describe('waiters the till knows (the embedded book)', () => {
  it('refuses a PIN that matches no waiter of the book; a known PIN, none, or iiko\'s id pass', async () => {
    till = await startTestTill();
    const steps = waiterSteps(till);
    const order = newOrderId();
    expectRefusal(await steps.checkIn(order, 'GMB-G-1001', '0000'), /Ваш PIN не найден в GetMeBack Till/);
    expect(countRows(till, 'orders')).toBe(0);
    expectRefusal(await steps.pay(order, paymentBody(100, { cash: 100 }, '9999'), 'unknown-pin'), /Ваш PIN не найден в GetMeBack Till/);
    expect(countRows(till, 'waiters')).toBe(2);
    expect((await steps.checkIn(order, 'GMB-G-1001', '2222')).status).toBe(204);
    expect((await till.waiter('POST', `/orders/${order}/precheck`, { OrderSum: 100 })).status).toBe(200);
    const byIikoId = await steps.pay(order, { ...paymentBody(100, { cash: 100 }, null), Waiter: { Id: 'e-5', Name: 'Гость' } }, 'iiko-id');
    expect(byIikoId.body).toMatchObject({ WaiterDebt: 100 });
  });
});
