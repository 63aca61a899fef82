import { describe, expect, it } from 'vitest';
import { countRows, expectRefusal, newOrderId, paymentBody, useTill } from '../testing/waiter-steps.js';

const t = useTill('file');

describe('check-in (docs/protocol.md#check-in)', () => {
  it('binds the guest of a QR code: the waiter sees the name, the balance and what is available', async () => {
    const order = newOrderId();
    const answer = await t.steps.checkIn(order, 'GMB-G-1001');
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    const view = await t.steps.view(order);
    expect(view.Guest).toEqual({ Id: 'g-1', FullName: 'Иванов Иван Иванович', Balance: 1500, Available: 1500 });
    expect(view.Status).toBe('Open');
  });

  it.each(['+7 999 000-00-01', '89990000001', '79990000001'])('finds the guest by the phone number %s', async (phone) => {
    const order = newOrderId();
    expect((await t.steps.checkIn(order, phone)).status).toBe(204);
    expect((await t.steps.view(order)).Guest?.Id).toBe('g-1');
  });

  it('finds the guest by a card number, with or without spaces', async () => {
    for (const card of ['4276 0000 0000 0002', '4276000000000002']) {
      const order = newOrderId();
      expect((await t.steps.checkIn(order, card)).status).toBe(204);
      expect((await t.steps.view(order)).Guest).toMatchObject({ Id: 'g-2', FullName: 'Петрова Мария Сергеевна', Balance: 300 });
    }
  });

  it('answers an unknown code with a message for the waiter and changes nothing', async () => {
    const order = newOrderId();
    const orders = countRows(t.till, 'orders');
    const events = countRows(t.till, 'events');
    const answer = await t.steps.checkIn(order, 'GMB-G-9999');
    expectRefusal(answer, /^Гость не найден в GetMeBack\. Проверьте QR-код, номер телефона или карты и повторите чекин\.$/);
    expect(countRows(t.till, 'orders')).toBe(orders);
    expect(countRows(t.till, 'events', "type <> 'request.refused'")).toBe(events);
    expect((await t.steps.view(order)).Guest).toBeNull();
  });

  it('checks the same guest in twice without a second event', async () => {
    const order = newOrderId();
    expect((await t.steps.checkIn(order, 'GMB-G-1001')).status).toBe(204);
    expect((await t.steps.checkIn(order, '+7 999 000-00-01')).status).toBe(204);
    expect(countRows(t.till, 'events', "type = 'guest.checked_in' AND order_id = ?", order)).toBe(1);
  });

  it('tells the waiter to check out first when another guest is bound', async () => {
    const order = newOrderId();
    await t.steps.checkIn(order, 'GMB-G-1001');
    const answer = await t.steps.checkIn(order, 'GMB-G-1002');
    expectRefusal(answer, /Иванов Иван Иванович.*чекаут/);
    expect((await t.steps.view(order)).Guest?.Id).toBe('g-1');
    await t.steps.checkOut(order);
    expect((await t.steps.checkIn(order, 'GMB-G-1002')).status).toBe(204);
    expect((await t.steps.view(order)).Guest?.Id).toBe('g-2');
  });

  it('refuses a check-in on a paid order', async () => {
    const order = newOrderId();
    expect((await t.steps.pay(order, paymentBody(500, { cash: 500 }), `paid-${order}`)).status).toBe(200);
    expectRefusal(await t.steps.checkIn(order, 'GMB-G-1001'), /уже оплачен/);
    expect((await t.steps.view(order)).Guest).toBeNull();
  });

  it('answers check-out with 204 even when nothing is bound', async () => {
    const answer = await t.steps.checkOut(newOrderId());
    expect(answer.status).toBe(204);
  });
});
