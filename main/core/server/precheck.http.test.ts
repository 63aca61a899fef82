import { describe, expect, it } from 'vitest';
import { BONUS_TYPE, startTestTill } from '../testing/test-till.js';
import { countRows, expectRefusal, newOrderId, useTill, waiterSteps } from '../testing/waiter-steps.js';

const t = useTill('file');

/** A fresh order with the guest of `code` bound (each test checks it out, releasing its reservation). */
async function orderWith(code: string) {
  const order = newOrderId();
  expect((await t.steps.checkIn(order, code)).status).toBe(204);
  return order;
}

describe('pre-check (docs/protocol.md#pre-check)', () => {
  it('writes nothing when the same pre-check is printed again', async () => {
    const order = await orderWith('GMB-G-1001');
    expect((await t.steps.precheck(order, 1200, 300)).body.BonusSum).toBe(300);
    const holds = countRows(t.till, 'holds', 'order_id = ?', order);
    const events = countRows(t.till, 'events', 'order_id = ?', order);
    const again = await t.steps.precheck(order, 1200, 300);
    expect(again.body).toMatchObject({ MaxSum: 600, BonusSum: 300 });
    expect(countRows(t.till, 'holds', 'order_id = ?', order)).toBe(holds);
    expect(countRows(t.till, 'events', 'order_id = ?', order)).toBe(events);
    await t.steps.checkOut(order);
  });

  it('tells the maximum without reserving anything when BonusSum is absent', async () => {
    const order = await orderWith('GMB-G-1001');
    const answer = await t.steps.precheck(order, 1200);
    expect(answer.body).toEqual({ MaxSum: 600, BonusSum: 0, Balance: 1500, PaymentItems: [] });
    expect((await t.steps.view(order)).Guest?.Available).toBe(1500);
    await t.steps.checkOut(order);
  });

  it('limits MaxSum by what the guest has available', async () => {
    const order = await orderWith('GMB-G-1002');
    expect((await t.steps.precheck(order, 1000)).body.MaxSum).toBe(300);
    await t.steps.checkOut(order);
  });

  it('rounds MaxSum down to the kopeck', async () => {
    const order = await orderWith('GMB-G-1001');
    expect((await t.steps.precheck(order, 333.33)).body.MaxSum).toBe(166.66);
    await t.steps.checkOut(order);
  });

  it('reserves the bonus sum and answers the payment item iikoWaiter stores', async () => {
    const order = await orderWith('GMB-G-1001');
    const answer = await t.steps.precheck(order, 1200, 300);
    expect(answer.body).toEqual({
      MaxSum: 600,
      BonusSum: 300,
      Balance: 1500,
      PaymentItems: [{ PaymentType: { Id: BONUS_TYPE, Kind: 'External', Name: 'GetMeBack' }, Sum: 300 }],
    });
    const view = await t.steps.view(order);
    expect(view.Guest).toMatchObject({ Balance: 1500, Available: 1200 });
    expect(view.BonusPayment).toEqual({ Sum: 300, MaxSum: 600 });
    await t.steps.checkOut(order);
  });

  it('clamps a bonus sum above the maximum', async () => {
    const order = await orderWith('GMB-G-1001');
    expect((await t.steps.precheck(order, 1200, 700)).body).toMatchObject({ MaxSum: 600, BonusSum: 600 });
    expect((await t.steps.view(order)).Guest?.Available).toBe(900);
    await t.steps.checkOut(order);
  });

  it('replaces the reservation with a new one, counting the order’s own reservation as available', async () => {
    const order = await orderWith('GMB-G-1002');
    expect((await t.steps.precheck(order, 1000, 300)).body).toMatchObject({ MaxSum: 300, BonusSum: 300 });
    expect((await t.steps.view(order)).Guest?.Available).toBe(0);
    expect((await t.steps.precheck(order, 1000, 200)).body).toMatchObject({ MaxSum: 300, BonusSum: 200 });
    expect((await t.steps.view(order)).Guest?.Available).toBe(100);
    expect((await t.steps.precheck(order, 1000, 0)).body).toMatchObject({ BonusSum: 0, PaymentItems: [] });
    expect((await t.steps.view(order)).Guest?.Available).toBe(300);
    await t.steps.checkOut(order);
  });

  it('keeps the reservation when BonusSum is null (a reprinted pre-check)', async () => {
    const order = await orderWith('GMB-G-1001');
    await t.steps.precheck(order, 1200, 300);
    expect((await t.steps.precheck(order, 1200, null)).body).toMatchObject({ MaxSum: 600, BonusSum: 300 });
    expect((await t.steps.precheck(order, 1200)).body.BonusSum).toBe(300);
    expect((await t.steps.view(order)).Guest?.Available).toBe(1200);
    await t.steps.checkOut(order);
  });

  it('lowers a kept reservation when the order got cheaper than its maximum', async () => {
    const order = await orderWith('GMB-G-1001');
    await t.steps.precheck(order, 1200, 500);
    expect((await t.steps.precheck(order, 600, null)).body).toMatchObject({ MaxSum: 300, BonusSum: 300 });
    expect((await t.steps.view(order)).Guest?.Available).toBe(1200);
    await t.steps.checkOut(order);
  });

  it('says a guest must be checked in first', async () => {
    expectRefusal(await t.steps.precheck(newOrderId(), 1200, 300), /не привязан гость/);
  });
});

describe('pre-check without a Bonus payment type', () => {
  it('says the Bonus payment type is not set', async () => {
    const bare = await startTestTill({ settings: { bonusPaymentTypeId: '' } });
    // The demo book's first load sets its demo type; the manager has cleared it.
    bare.core.settings.update({ bonusPaymentTypeId: '' });
    try {
      const order = newOrderId();
      await waiterSteps(bare).checkIn(order, 'GMB-G-1001');
      expectRefusal(await waiterSteps(bare).precheck(order, 1200, 300), /Bonus payment type/);
      expect((await waiterSteps(bare).view(order)).Guest?.Available).toBe(1500);
    } finally {
      await bare.close();
    }
  });
});
