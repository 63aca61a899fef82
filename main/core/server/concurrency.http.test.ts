import { describe, expect, it } from 'vitest';
import { eventually } from '../testing/cloud-test-kit.js';
import { startGatedTill } from '../testing/gated-book.js';
import { countRows, reservedOrder, useTill, waiterSteps } from '../testing/waiter-steps.js';

const t = useTill('test');

describe('concurrent payments', () => {
  it('20 payments of one order under 20 keys, all inside their provider call at once: exactly one commits', async () => {
    // Behind the gate every payment has read the order as open and waits for the loyalty book, so
    // only the check inside the transaction stands between them and paying the order 20 times.
    const { till, book } = await startGatedTill();
    try {
      const steps = waiterSteps(till);
      const { order, body } = await reservedOrder(steps);
      const open = book.shut();
      const pending = Array.from({ length: 20 }, (_, i) => steps.pay(order, body, `race-${i}`));
      await eventually(() => book.waiting === 20, 'all 20 payments to wait for the loyalty book');
      open();
      const answers = await Promise.all(pending);
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
      expect(answers.filter((answer) => answer.body.OrderId === order)).toHaveLength(1);
      expect(answers.filter((answer) => /уже оплачен/.test(answer.body.WaiterMessage ?? ''))).toHaveLength(19);
      expect(countRows(till, 'payments', 'order_id = ?', order)).toBe(1);
      expect(countRows(till, 'guest_entries', "order_id = ? AND kind = 'bonus_writeoff'", order)).toBe(1);
      expect(countRows(till, 'guest_entries', "order_id = ? AND kind = 'accrual'", order)).toBe(1);
      expect(countRows(till, 'cash_entries', 'order_id = ?', order)).toBe(1);
      expect((await steps.view(order)).Guest?.Balance).toBe(1500 - 300 + 45);
    } finally {
      await till.close();
    }
  });

  // 20 requests under one key, with the first still running: key-in-flight.http.test.ts.

  it('a reservation survives a restart and the payment posts it', async () => {
    const { order, body } = await reservedOrder(t.steps);
    await t.till.restart();
    const view = await t.steps.view(order);
    expect(view.BonusPayment).toEqual({ Sum: 300, MaxSum: 600 });
    expect(view.Guest?.Available).toBe(1200);
    const paid = await t.steps.pay(order, body, 'after-restart');
    expect(paid.body).toMatchObject({ BonusWrittenOff: 300, Balance: 1245 });
    const resolution = t.till.core.db
      .prepare("SELECT r.outcome, r.posted_amount FROM holds h JOIN hold_resolutions r ON r.hold_id = h.id WHERE h.order_id = ? AND h.kind = 'bonus'")
      .all(order);
    expect(resolution).toEqual([{ outcome: 'posted', posted_amount: 300_00 }]);
  });
});
