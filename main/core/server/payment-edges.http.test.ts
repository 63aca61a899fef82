import { describe, expect, it } from 'vitest';
import { BONUS_TYPE } from '../testing/test-till.js';
import { countRows, newOrderId, paymentBody, useTill } from '../testing/waiter-steps.js';

const t = useTill('test');

describe('payment edges', () => {
  it('never books a bonus item as the waiter’s cash, even if iiko marks it Kind "Cash"', async () => {
    const order = newOrderId();
    await t.steps.checkIn(order, 'GMB-G-1001');
    const body = {
      OrderSum: 1000,
      PaymentItems: [
        { PaymentType: { Id: BONUS_TYPE, Kind: 'Cash', Name: 'GetMeBack' }, Sum: 200 },
        { PaymentType: { Id: 'a2c5e0f1-0000-4000-8000-00000000ca57', Kind: 'Cash', Name: 'Наличные' }, Sum: 800 },
      ],
      WaiterPin: '1111',
    };
    const paid = await t.steps.pay(order, body, 'bonus-as-cash');
    expect(paid.body).toMatchObject({ BonusWrittenOff: 200, WaiterDebt: 800 });
    expect(countRows(t.till, 'cash_entries', "order_id = ? AND amount = 80000", order)).toBe(1);
  });

  it('shows a guest whose cashback was taken back after being spent as 0, never a negative sum', async () => {
    const first = newOrderId();
    await t.steps.checkIn(first, 'GMB-G-1003'); // balance 0
    expect((await t.steps.pay(first, paymentBody(1000, { card: 1000 }), 'earn')).body).toMatchObject({ Accrued: 50, Balance: 50 });
    const second = newOrderId();
    await t.steps.checkIn(second, 'GMB-G-1003');
    expect((await t.steps.precheck(second, 100, 50)).body.BonusSum).toBe(50);
    expect((await t.steps.pay(second, paymentBody(100, { bonus: 50, card: 50 }), 'spend')).body).toMatchObject({ BonusWrittenOff: 50 });
    const refund = await t.steps.refund(first, 'take-back');
    expect(refund.body).toMatchObject({ AccrualReversed: 50, Balance: 0 });
    const third = newOrderId();
    await t.steps.checkIn(third, 'GMB-G-1003');
    expect((await t.steps.view(third)).Guest).toMatchObject({ Balance: 0, Available: 0 });
    const ledger = t.till.core.db.prepare("SELECT SUM(amount) AS total FROM guest_entries WHERE guest_id = 'g-3'").get() as { total: number };
    expect(ledger.total).toBeLessThan(0);
  });

  it('records a waiter named by iikoWaiter only with a payment that commits', async () => {
    const order = newOrderId();
    await t.steps.checkIn(order, 'GMB-G-1002'); // 300 points: a 400 bonus is refused
    const refused = { ...paymentBody(1000, { bonus: 400, cash: 600 }, null), Waiter: { Id: 'e-77', Name: '=cmd' } };
    expect((await t.steps.pay(order, refused, 'refused')).body.WaiterMessage).toBeDefined();
    expect(countRows(t.till, 'waiters', 'id = ?', 'iiko:e-77')).toBe(0);
    const paid = { ...paymentBody(1000, { cash: 1000 }, null), Waiter: { Id: 'e-77', Name: 'Вера' } };
    expect((await t.steps.pay(order, paid, 'paid')).body).toMatchObject({ WaiterDebt: 1000 });
    expect(t.till.core.waiters.nameOf('iiko:e-77')).toBe('Вера');
  });
});
