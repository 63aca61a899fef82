import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../testing/cloud-test-kit.js';
import { heldCommit } from '../testing/held-commit.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { countRows, newOrderId, paymentBody, waiterSteps } from '../testing/waiter-steps.js';

/*
 * A cash payment waiting for its group commit while another terminal checks a guest in on the same
 * order: the payment was worked out without that guest. It is refused in words about what happened
 * (not «Нет связи с GetMeBack», on a book that is never unreachable), nothing is written, and the
 * retry under the same key pays, with the guest's cashback.
 */
let till: TestTill | null = null;
afterEach(async () => {
  await till?.close();
  till = null;
});

describe('a payment waiting for its group commit while a guest is checked in on its order', () => {
  it('is refused as an order that changed, writes nothing, and the retry under the same key pays with the guest', async () => {
    const hold = heldCommit();
    till = await startTestTill({ deferCommit: hold.defer });
    const steps = waiterSteps(till);
    const order = newOrderId();

    const paying = steps.pay(order, paymentBody(500, { cash: 500 }), 'race-key');
    await eventually(() => hold.held(), 'the payment to wait for its group commit');
    expect((await steps.checkIn(order, 'GMB-G-1001')).status).toBe(204);
    hold.release();
    const answer = await paying;

    expect(till.core.provider.kind).toBe('local');
    expect(answer.body.WaiterMessage).toBe('Пока проводилась оплата, к заказу привязали гостя. Повторите оплату: бонусы гостя будут учтены.');
    expect(countRows(till, 'payments', 'order_id = ?', order)).toBe(0);

    const retry = steps.pay(order, paymentBody(500, { cash: 500 }), 'race-key');
    await eventually(() => hold.held(), 'the retry to wait for its group commit');
    hold.release();
    const paid = await retry;
    expect(paid.body.WaiterMessage).toBeUndefined();
    expect(paid.body.Accrued).toBeGreaterThan(0);
    expect(countRows(till, 'payments', 'order_id = ?', order)).toBe(1);
  });
});
