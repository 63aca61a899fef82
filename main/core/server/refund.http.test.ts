import { describe, expect, it } from 'vitest';
import { accountBalance, waiterAccount } from '../ledger/cash-book.js';
import { countRows, expectRefusal, newOrderId, paymentBody, useTill } from '../testing/waiter-steps.js';

const t = useTill('test');

async function paidOrder(): Promise<string> {
  const order = newOrderId();
  await t.steps.checkIn(order, 'GMB-V-5001');
  await t.steps.addGift(order, 'v-1');
  await t.steps.precheck(order, 1200, 300);
  expect((await t.steps.pay(order, paymentBody(1200, { bonus: 300, cash: 900 }), `pay-${order}`)).body.Balance).toBe(1045);
  return order;
}

const annasDebt = () => accountBalance(t.till.core.db, waiterAccount(t.till.core.waiters.idForPin('1111')));

describe('refund (docs/protocol.md#refund)', () => {
  it('reverses the payment exactly: balance, the waiter’s debt, and the voucher can be used again', async () => {
    const order = await paidOrder();
    expect(annasDebt()).toBe(900_00);
    const refund = await t.steps.refund(order, 'refund-1');
    expect(refund.status).toBe(200);
    expect(refund.body).toEqual({
      OrderId: order,
      BonusReturned: 300,
      GiftPointsReturned: 200,
      AccrualReversed: 45,
      WaiterDebtReversed: 900,
      Balance: 1500,
    });
    expect(annasDebt()).toBe(0);
    const view = await t.steps.view(order);
    expect(view.Status).toBe('Refunded');
    expect(view.Gifts).toMatchObject([{ Id: 'v-1', Status: 'Cancelled' }]);
    expect(view.Guest).toMatchObject({ Balance: 1500, Available: 1500 });

    const next = newOrderId();
    expect((await t.steps.checkIn(next, 'GMB-V-5001')).status).toBe(204);
    expect((await t.steps.addGift(next, 'v-1')).status).toBe(200);
    expect((await t.steps.view(next)).Guest?.Available).toBe(1300);
  });

  it('replays a refund under the same key and reverses nothing twice', async () => {
    const order = await paidOrder();
    const first = await t.steps.refund(order, 'refund-replay');
    const entries = countRows(t.till, 'guest_entries');
    const again = await t.steps.refund(order, 'refund-replay');
    expect(again.text).toBe(first.text);
    expect(countRows(t.till, 'refunds')).toBe(1);
    expect(countRows(t.till, 'guest_entries')).toBe(entries);
  });

  it('tells a waiter whose refund key was used for another order, in a refund\'s words, and refunds nothing', async () => {
    const first = await paidOrder();
    const second = newOrderId();
    await t.steps.checkIn(second, 'GMB-G-1001');
    expect((await t.steps.pay(second, paymentBody(500, { cash: 500 }), `pay-${second}`)).status).toBe(200);
    expect((await t.steps.refund(first, 'refund-shared')).status).toBe(200);
    const reused = await t.steps.refund(second, 'refund-shared');
    expect(reused.status).toBe(422);
    expect(reused.body.WaiterMessage).toMatch(/^Эта попытка возврата уже проведена с другими данными\./);
    expect(countRows(t.till, 'refunds')).toBe(1);
  });

  it('refuses to refund an order that is not paid', async () => {
    const order = newOrderId();
    await t.steps.checkIn(order, 'GMB-G-1001');
    expectRefusal(await t.steps.refund(order, 'refund-open'), /не оплачен/);
    expectRefusal(await t.steps.refund(newOrderId(), 'refund-unknown'), /не оплачен/);
    expect(countRows(t.till, 'refunds')).toBe(0);
  });

  it('refuses a second refund under a new key', async () => {
    const order = await paidOrder();
    await t.steps.refund(order, 'refund-a');
    expectRefusal(await t.steps.refund(order, 'refund-b'), /возврат/);
    expect(countRows(t.till, 'refunds')).toBe(1);
    expect((await t.steps.view(order)).Guest?.Balance).toBe(1500);
  });

  it('refuses any change to a refunded order', async () => {
    const order = await paidOrder();
    await t.steps.refund(order, 'refund-c');
    expectRefusal(await t.steps.pay(order, paymentBody(100, { cash: 100 }), 'pay-after-refund'), /возврат/);
    expectRefusal(await t.steps.checkIn(order, 'GMB-G-1001'), /возврат/);
  });
});
