import { describe, expect, it } from 'vitest';
import { accountBalance, waiterAccount } from '../ledger/cash-book.js';
import { countRows, expectRefusal, newOrderId, paymentBody, type Refused, useTill } from '../testing/waiter-steps.js';

const t = useTill('test');

/** The guide's order: g-1 with the cappuccino gift added and 300 bonuses reserved on 1200. */
async function orderReadyToPay(): Promise<string> {
  const order = newOrderId();
  await t.steps.checkIn(order, 'GMB-V-5001');
  await t.steps.addGift(order, 'v-1');
  await t.steps.precheck(order, 1200, 300);
  return order;
}

const annasDebt = () => accountBalance(t.till.core.db, waiterAccount(t.till.core.waiters.idForPin('1111')));

describe('payment (docs/protocol.md#payment)', () => {
  it('writes off bonuses and gift points, accrues cashback and makes the cash the waiter’s debt', async () => {
    const order = await orderReadyToPay();
    const paid = await t.steps.pay(order, paymentBody(1200, { bonus: 300, cash: 500, card: 400 }), 'pay-1');
    expect(paid.status).toBe(200);
    expect(paid.body).toEqual({
      OrderId: order,
      BonusWrittenOff: 300,
      GiftPointsWrittenOff: 200,
      Accrued: 45, // 5 % of the 900 paid with money
      GiftsRedeemed: ['v-1'],
      WaiterDebt: 500,
      Balance: 1500 - 300 - 200 + 45,
    });
    const view = await t.steps.view(order);
    expect(view.Status).toBe('Paid');
    expect(view.Guest).toMatchObject({ Balance: 1045, Available: 1045 });
    expect(view.Gifts).toMatchObject([{ Id: 'v-1', Status: 'Redeemed' }]);
    expect(view.BonusPayment).toBeNull();
    expect(annasDebt()).toBe(500_00);
  });

  it('replays the same key and body byte for byte, also after a restart, and charges nothing twice', async () => {
    const order = await orderReadyToPay();
    const body = paymentBody(1200, { bonus: 300, cash: 900 });
    const paid = await t.steps.pay(order, body, 'pay-replay');
    const entries = countRows(t.till, 'guest_entries');
    const replay = await t.steps.pay(order, body, 'pay-replay');
    expect(replay.status).toBe(200);
    expect(replay.text).toBe(paid.text);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    await t.till.restart();
    const afterRestart = await t.steps.pay(order, body, 'pay-replay');
    expect(afterRestart.text).toBe(paid.text);
    expect(countRows(t.till, 'payments')).toBe(1);
    expect(countRows(t.till, 'guest_entries')).toBe(entries);
    expect(annasDebt()).toBe(900_00);
  });

  it('answers 422 to the same key with another body', async () => {
    const order = await orderReadyToPay();
    await t.steps.pay(order, paymentBody(1200, { bonus: 300, cash: 900 }), 'pay-422');
    const other = await t.steps.pay(order, paymentBody(1200, { bonus: 200, cash: 1000 }), 'pay-422');
    expect(other.status).toBe(422);
    expect(other.body.WaiterMessage).toMatch(/попытка оплаты уже проведена с другими суммами/);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['with a space', 'pay 1'],
    ['too long', 'k'.repeat(256)],
    ['with a tab', 'pay\t1'],
  ])('answers 400 naming Idempotency-Key when it is %s', async (_what, key) => {
    const order = await orderReadyToPay();
    const headers: Record<string, string> = key === undefined ? {} : { 'Idempotency-Key': key };
    const answer = await t.till.waiter<Refused>('POST', `/orders/${order}/payments`, paymentBody(1200, { cash: 1200 }), headers);
    expect(answer.status).toBe(400);
    expect(answer.body.Errors?.map((error) => error.Field)).toEqual(['Idempotency-Key']);
    expect((await t.steps.view(order)).Status).toBe('Open');
  });

  it('says so when the guest’s bonuses missing here are reserved in another open order of the guest', async () => {
    const elsewhere = newOrderId();
    expect((await t.steps.checkIn(elsewhere, 'GMB-G-1001')).status).toBe(204);
    expect((await t.steps.precheck(elsewhere, 3000, 1200)).body.BonusSum).toBe(1200); // g-1 has 1 500
    const order = newOrderId();
    expect((await t.steps.checkIn(order, 'GMB-G-1001')).status).toBe(204);
    const refused = await t.steps.pay(order, paymentBody(1200, { bonus: 600, cash: 600 }), 'pay-held');
    expectRefusal(refused, /^Бонусами можно оплатить максимум 300\s+бонусов, а указано 600\s+бонусов\. В резерве в другом открытом заказе гостя: 1\s200\s+бонусов\. Уменьшите сумму бонусов\.$/);
    expect(countRows(t.till, 'payments')).toBe(0);
  });

  it('answers 400 when the items do not add up to OrderSum', async () => {
    const order = await orderReadyToPay();
    const answer = await t.steps.pay(order, { ...paymentBody(1200, { bonus: 300, cash: 800 }) }, 'pay-sum');
    expect(answer.status).toBe(400);
    expect(answer.body.Errors?.map((error) => error.Field)).toEqual(['PaymentItems']);
    expect(countRows(t.till, 'payments')).toBe(0);
  });

  it('refuses bonuses above the maximum recomputed now and commits nothing', async () => {
    const order = await orderReadyToPay();
    const refused = await t.steps.pay(order, paymentBody(1200, { bonus: 600.01, cash: 599.99 }), 'pay-over');
    expectRefusal(refused, /^Бонусами можно оплатить максимум 600\s+бонусов, а указано 600,01\s+бонуса\. Уменьшите сумму бонусов\.$/);
    const view = await t.steps.view(order);
    expect(view.Status).toBe('Open');
    expect(view.Guest).toMatchObject({ Balance: 1500, Available: 1000 });
    expect(view.BonusPayment).toEqual({ Sum: 300, MaxSum: 600 });
    expect(countRows(t.till, 'payments')).toBe(0);
    expect(countRows(t.till, 'guest_entries')).toBe(0);
    expect(countRows(t.till, 'cash_entries')).toBe(0);
    // The refusal was not stored under the key: the corrected payment can use it.
    expect((await t.steps.pay(order, paymentBody(1200, { bonus: 600, cash: 600 }), 'pay-over')).body.BonusWrittenOff).toBe(600);
  });

  it('lets the cashier pay less bonus than reserved: the rest of the reservation comes back', async () => {
    const order = await orderReadyToPay();
    const paid = await t.steps.pay(order, paymentBody(1200, { bonus: 100, cash: 1100 }), 'pay-less');
    expect(paid.body).toMatchObject({ BonusWrittenOff: 100, Accrued: 55, Balance: 1500 - 100 - 200 + 55 });
    expect((await t.steps.view(order)).Guest?.Available).toBe(1255);
  });

  it('refuses a second payment of a paid order under a new key', async () => {
    const order = await orderReadyToPay();
    await t.steps.pay(order, paymentBody(1200, { bonus: 300, cash: 900 }), 'pay-a');
    expectRefusal(await t.steps.pay(order, paymentBody(1200, { cash: 1200 }), 'pay-b'), /уже оплачен/);
    expect(countRows(t.till, 'payments')).toBe(1);
    expect(annasDebt()).toBe(900_00);
  });

  it('pays an order never seen before with cash only', async () => {
    const order = newOrderId();
    const paid = await t.steps.pay(order, paymentBody(750.5, { cash: 750.5 }), 'pay-new');
    expect(paid.body).toEqual({
      OrderId: order,
      BonusWrittenOff: 0,
      GiftPointsWrittenOff: 0,
      Accrued: 0,
      GiftsRedeemed: [],
      WaiterDebt: 750.5,
      Balance: null,
    });
    expect((await t.steps.view(order)).Status).toBe('Paid');
    expect(annasDebt()).toBe(750_50);
  });

  it('puts cash straight in the till when no waiter is named', async () => {
    const paid = await t.steps.pay(newOrderId(), paymentBody(100, { cash: 100 }, null), 'pay-anon');
    expect(paid.body.WaiterDebt).toBe(0);
    expect(accountBalance(t.till.core.db, 'till')).toBe(100_00);
  });

  it('refuses bonuses when no guest is bound', async () => {
    const order = newOrderId();
    expectRefusal(await t.steps.pay(order, paymentBody(1000, { bonus: 100, cash: 900 }), 'pay-noguest'), /не привязан гость/);
    expect(countRows(t.till, 'payments')).toBe(0);
  });
});
