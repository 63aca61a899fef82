import { describe, expect, it } from 'vitest';
import { countRows, newOrderId, paymentBody, useTill } from '../testing/waiter-steps.js';

const t = useTill('test');

async function orderWithReservation(): Promise<string> {
  const order = newOrderId();
  await t.steps.checkIn(order, 'GMB-G-1001');
  await t.steps.precheck(order, 1200, 300);
  return order;
}

describe('concurrent payments', () => {
  it('20 payments of one order under 20 keys: exactly one commits, the others get a message', async () => {
    const order = await orderWithReservation();
    const body = paymentBody(1200, { bonus: 300, cash: 900 });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => t.steps.pay(order, body, `race-${i}`)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers.filter((answer) => answer.body.OrderId === order)).toHaveLength(1);
    expect(answers.filter((answer) => /уже оплачен/.test(answer.body.WaiterMessage ?? ''))).toHaveLength(19);
    expect(countRows(t.till, 'payments', 'order_id = ?', order)).toBe(1);
    expect(countRows(t.till, 'guest_entries', "order_id = ? AND kind = 'bonus_writeoff'", order)).toBe(1);
    expect(countRows(t.till, 'guest_entries', "order_id = ? AND kind = 'accrual'", order)).toBe(1);
    expect(countRows(t.till, 'cash_entries', 'order_id = ?', order)).toBe(1);
    expect((await t.steps.view(order)).Guest?.Balance).toBe(1500 - 300 + 45);
  });

  it('20 requests under one key: one commits, the others get 409 or the same answer', async () => {
    const order = await orderWithReservation();
    const body = paymentBody(1200, { bonus: 300, cash: 900 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.steps.pay(order, body, 'same-key')));
    const committed = answers.find((answer) => answer.status === 200 && !answer.headers.get('idempotent-replayed'));
    expect(committed?.body.BonusWrittenOff).toBe(300);
    for (const answer of answers) {
      if (answer.status === 200) expect(answer.text).toBe(committed?.text);
      else expect(answer.status).toBe(409);
    }
    expect(answers.filter((answer) => answer.status === 200 && !answer.headers.get('idempotent-replayed'))).toHaveLength(1);
    expect(countRows(t.till, 'payments')).toBe(1);
    expect(countRows(t.till, 'guest_entries', "kind = 'bonus_writeoff'")).toBe(1);
  });

  it('a reservation survives a restart and the payment posts it', async () => {
    const order = await orderWithReservation();
    await t.till.restart();
    const view = await t.steps.view(order);
    expect(view.BonusPayment).toEqual({ Sum: 300, MaxSum: 600 });
    expect(view.Guest?.Available).toBe(1200);
    const paid = await t.steps.pay(order, paymentBody(1200, { bonus: 300, cash: 900 }), 'after-restart');
    expect(paid.body).toMatchObject({ BonusWrittenOff: 300, Balance: 1245 });
    const resolution = t.till.core.db
      .prepare("SELECT r.outcome, r.posted_amount FROM holds h JOIN hold_resolutions r ON r.hold_id = h.id WHERE h.order_id = ? AND h.kind = 'bonus'")
      .all(order);
    expect(resolution).toEqual([{ outcome: 'posted', posted_amount: 300_00 }]);
  });
});
