import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountBalance, waiterAccount } from '../ledger/cash-book.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { countRows, expectRefusal, newOrderId, paymentBody, waiterSteps } from './waiter-steps.test-support.js';

let till: TestTill;
let steps: ReturnType<typeof waiterSteps>;

beforeEach(async () => {
  till = await startTestTill();
  steps = waiterSteps(till);
});
afterEach(async () => {
  await till.close();
});

async function paidOrder(): Promise<string> {
  const order = newOrderId();
  await steps.checkIn(order, 'GMB-V-5001');
  await steps.addGift(order, 'v-1');
  await steps.precheck(order, 1200, 300);
  expect((await steps.pay(order, paymentBody(1200, { bonus: 300, cash: 900 }), `pay-${order}`)).body.Balance).toBe(1045);
  return order;
}

const annasDebt = () => accountBalance(till.core.db, waiterAccount(till.core.waiters.idForPin('1111')));

describe('refund (PROTOCOL.md §4.3)', () => {
  it('reverses the payment exactly: balance, the waiter’s debt, and the voucher can be used again', async () => {
    const order = await paidOrder();
    expect(annasDebt()).toBe(900_00);
    const refund = await steps.refund(order, 'refund-1');
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
    const view = await steps.view(order);
    expect(view.Status).toBe('Refunded');
    expect(view.Gifts).toMatchObject([{ Id: 'v-1', Status: 'Cancelled' }]);
    expect(view.Guest).toMatchObject({ Balance: 1500, Available: 1500 });

    const next = newOrderId();
    expect((await steps.checkIn(next, 'GMB-V-5001')).status).toBe(204);
    expect((await steps.addGift(next, 'v-1')).status).toBe(200);
    expect((await steps.view(next)).Guest?.Available).toBe(1300);
  });

  it('replays a refund under the same key and reverses nothing twice', async () => {
    const order = await paidOrder();
    const first = await steps.refund(order, 'refund-replay');
    const entries = countRows(till, 'guest_entries');
    const again = await steps.refund(order, 'refund-replay');
    expect(again.text).toBe(first.text);
    expect(countRows(till, 'refunds')).toBe(1);
    expect(countRows(till, 'guest_entries')).toBe(entries);
  });

  it('refuses to refund an order that is not paid', async () => {
    const order = newOrderId();
    await steps.checkIn(order, 'GMB-G-1001');
    expectRefusal(await steps.refund(order, 'refund-open'), /не оплачен/);
    expectRefusal(await steps.refund(newOrderId(), 'refund-unknown'), /не оплачен/);
    expect(countRows(till, 'refunds')).toBe(0);
  });

  it('refuses a second refund under a new key', async () => {
    const order = await paidOrder();
    await steps.refund(order, 'refund-a');
    expectRefusal(await steps.refund(order, 'refund-b'), /возврат/);
    expect(countRows(till, 'refunds')).toBe(1);
    expect((await steps.view(order)).Guest?.Balance).toBe(1500);
  });

  it('refuses any change to a refunded order', async () => {
    const order = await paidOrder();
    await steps.refund(order, 'refund-c');
    expectRefusal(await steps.pay(order, paymentBody(100, { cash: 100 }), 'pay-after-refund'), /возврат/);
    expectRefusal(await steps.checkIn(order, 'GMB-G-1001'), /возврат/);
  });
});
