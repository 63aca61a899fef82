import { describe, expect, it } from 'vitest';
import { HealthResponse } from '../../../shared/wire/health.js';
import { APP_VERSION } from '../create-core.js';
import { manualClock } from '../clock.js';
import { BONUS_TYPE, startTestTill } from '../testing/test-till.js';
import { countRows, expectRefusal, newOrderId, paymentBody, type Refused, useTill, waiterSteps } from '../testing/waiter-steps.js';

/** The rules of docs/protocol.md that concern every call, each checked over HTTP against a real till. */

const t = useTill('file');

const CASH = { Id: 'a2c5e0f1-0000-4000-8000-00000000ca57', Kind: 'Cash', Name: 'Наличные' };
const bonusItem = (sum: number, id = BONUS_TYPE, kind: string | number = 'External') => ({ PaymentType: { Id: id, Kind: kind, Name: 'GetMeBack' }, Sum: sum });
const cashItem = (sum: number, kind: string | number = 'Cash') => ({ PaymentType: { ...CASH, Kind: kind }, Sum: sum });

async function reservedOrder(bonus = 300): Promise<string> {
  const order = newOrderId();
  expect((await t.steps.checkIn(order, 'GMB-G-1001')).status).toBe(204);
  expect((await t.steps.precheck(order, 1200, bonus)).body.BonusSum).toBe(bonus);
  return order;
}

describe('unknown fields are ignored (docs/protocol.md#conventions)', () => {
  it('at the top of a body and inside payment items: the call does what it would without them', async () => {
    const order = newOrderId();
    const checkIn = await t.till.waiter('POST', `/orders/${order}/checkin`, { Value: 'GMB-G-1001', WaiterPin: '1111', TableNumber: 7, Source: { App: 'iikoWaiter' } });
    expect(checkIn.status).toBe(204);
    const paid = await t.steps.pay(
      order,
      {
        OrderSum: 1000,
        PaymentItems: [{ PaymentType: { ...CASH, IsFiscal: true, Code: 'CASH' }, Sum: 1000, IsPreliminary: false }],
        WaiterPin: '1111',
        Waiter: { Id: 'iiko-anna', Name: 'Анна', Role: 'waiter' },
        Guests: 2,
      },
      'unknown-fields',
    );
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ OrderId: order, WaiterDebt: 1000, Accrued: 50 });
  });
});

describe('property names match whatever their case (docs/protocol.md#conventions)', () => {
  it('takes a whole order in camelCase, as a .NET serializer set to camelCase sends it', async () => {
    const order = newOrderId();
    expect((await t.till.waiter('POST', `/orders/${order}/checkin`, { value: 'GMB-V-5001', waiterPin: '1111' })).status).toBe(204);
    const gift = await t.till.waiter<{ Gift: { Id: string } }>('POST', `/orders/${order}/gifts`, { giftId: 'v-1', waiterPin: '1111' });
    expect(gift.body.Gift.Id).toBe('v-1');
    const precheck = await t.till.waiter<{ BonusSum: number }>('POST', `/orders/${order}/precheck`, { orderSum: 1200, bonusSum: 300, waiterPin: '1111' });
    expect(precheck.body.BonusSum).toBe(300);
    const body = {
      orderSum: 1200,
      paymentItems: [
        { paymentType: { id: BONUS_TYPE, kind: 'External', name: 'GetMeBack' }, sum: 300 },
        { paymentType: { id: CASH.Id, kind: 'Cash', name: 'Наличные' }, sum: 900 },
      ],
      waiterPin: '1111',
    };
    const paid = await t.steps.pay(order, body, 'camel-pay');
    expect(paid.body).toMatchObject({ BonusWrittenOff: 300, GiftPointsWrittenOff: 200, WaiterDebt: 900 });
    // The same payment in PascalCase under the same key is the same request: replayed, not 422.
    const pascal = { OrderSum: 1200, PaymentItems: [bonusItem(300), cashItem(900)], WaiterPin: '1111' };
    const replay = await t.steps.pay(order, pascal, 'camel-pay');
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(paid.text);
    const refund = await t.till.waiter<{ BonusReturned: number }>('POST', `/orders/${order}/refund`, { waiterPin: '1111' }, { 'Idempotency-Key': 'camel-refund' });
    expect(refund.body.BonusReturned).toBe(300);
  });
});

describe('null stands for an absent optional field (docs/protocol.md#tolerance)', () => {
  it('WaiterPin, Waiter, Waiter.Name and PaymentType.Name may be null, as a .NET serializer writes unset fields', async () => {
    const order = newOrderId();
    expect((await t.till.waiter('POST', `/orders/${order}/checkin`, { Value: 'GMB-G-1002', WaiterPin: null })).status).toBe(204);
    const precheck = await t.till.waiter<{ MaxSum: number }>('POST', `/orders/${order}/precheck`, { OrderSum: 100, BonusSum: null, WaiterPin: null });
    expect(precheck.body.MaxSum).toBe(50);
    const unnamed = { OrderSum: 100, PaymentItems: [{ PaymentType: { ...CASH, Name: null }, Sum: 100 }], WaiterPin: null, Waiter: null };
    const paid = await t.steps.pay(order, unnamed, `nulls-${order}`);
    // No waiter identified: the cash goes to the till, nobody's debt.
    expect(paid.body).toMatchObject({ OrderId: order, WaiterDebt: 0 });
    const named = await t.steps.pay(newOrderId(), { ...unnamed, Waiter: { Id: 'iiko-7', Name: null } }, `nulls-named-${order}`);
    expect(named.body.WaiterDebt).toBe(100);
    const refund = await t.till.waiter<{ OrderId: string }>('POST', `/orders/${order}/refund`, { WaiterPin: null }, { 'Idempotency-Key': `nulls-refund-${order}` });
    expect(refund.body.OrderId).toBe(order);
  });
});

describe('order ids are UUIDs in any case (docs/protocol.md#conventions)', () => {
  it('an upper-case id reaches the same order', async () => {
    const order = newOrderId();
    expect((await t.steps.checkIn(order.toUpperCase(), 'GMB-G-1001')).status).toBe(204);
    expect((await t.steps.view(order)).Guest?.Id).toBe('g-1');
    expect((await t.steps.view(order.toUpperCase())).OrderId).toBe(order);
  });

  it('a replay that spells the id in another case is the same request: the first answer, not 422', async () => {
    const order = await reservedOrder();
    const body = paymentBody(1200, { bonus: 300, cash: 900 });
    const first = await t.steps.pay(order, body, 'case-replay');
    expect(first.body.BonusWrittenOff).toBe(300);
    const replay = await t.steps.pay(order.toUpperCase(), body, 'case-replay');
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(first.text);
    const refund = await t.steps.refund(order, 'case-refund');
    const refundReplay = await t.steps.refund(order.toUpperCase(), 'case-refund');
    expect(refundReplay.headers.get('idempotent-replayed')).toBe('true');
    expect(refundReplay.text).toBe(refund.text);
  });
});

describe('the base path matches in any case (docs/protocol.md#addresses)', () => {
  it.each(['/getmeback', '/GETMEBACK', '/GetMeBack'])('%s serves the waiter API', async (base) => {
    const order = newOrderId();
    const checkIn = await t.till.http('POST', `${base}/orders/${order}/checkin`, { Value: 'GMB-G-1002', WaiterPin: '1111' });
    expect(checkIn.status).toBe(204);
    expect((await t.till.http<{ Guest: { Id: string } }>('GET', `${base}/orders/${order}`)).body.Guest.Id).toBe('g-2');
    expect((await t.till.http<{ Status: string }>('GET', `${base}/health`)).body.Status).toBe('ok');
  });
});

describe('the Bonus payment type id matches in any case (docs/protocol.md#payment)', () => {
  it('an upper-case id is the bonus item, and so is a bonus item whatever its Kind', async () => {
    for (const [id, kind] of [
      [BONUS_TYPE.toUpperCase(), 'External'],
      [BONUS_TYPE, 'Card'],
      [BONUS_TYPE.toUpperCase(), 6],
      [BONUS_TYPE, 1],
    ] as const) {
      const order = await reservedOrder();
      const paid = await t.steps.pay(order, { OrderSum: 1200, PaymentItems: [bonusItem(300, id, kind), cashItem(900)], WaiterPin: '1111' }, `bonus-${id}-${kind}`);
      expect(paid.body, `${id} ${kind}`).toMatchObject({ BonusWrittenOff: 300, WaiterDebt: 900, Accrued: 45 });
      // Each payment spent the guest's bonuses: give them back for the next round.
      expect((await t.steps.refund(order, `bonus-refund-${id}-${kind}`)).body.BonusReturned).toBe(300);
    }
  });
});

describe('PaymentType.Kind as a string or a .NET enum number (docs/protocol.md#payment)', () => {
  it.each([
    { label: '"Cash"', kind: 'Cash', debt: 500 },
    { label: '"cash"', kind: 'cash', debt: 500 },
    { label: '1 (Cash)', kind: 1, debt: 500 },
    { label: '2 (Card)', kind: 2, debt: 0 },
    { label: '6 (External)', kind: 6, debt: 0 },
    { label: '0 (Unknown)', kind: 0, debt: 0 },
    { label: '42, a number iiko does not declare', kind: 42, debt: 0 },
    { label: '"Наличные", a name iiko does not use', kind: 'Наличные', debt: 0 },
  ])('Kind $label: the waiter’s debt is $debt', async ({ kind, debt }) => {
    const order = newOrderId();
    const paid = await t.steps.pay(order, { OrderSum: 500, PaymentItems: [cashItem(500, kind)], WaiterPin: '1111' }, `kind-${order}`);
    expect(paid.status).toBe(200);
    expect(paid.body.WaiterDebt).toBe(debt);
  });

  it.each([[1.5], [null], [''], [true]])('Kind %j is a malformed request naming the field', async (kind) => {
    const answer = await t.steps.pay(newOrderId(), { OrderSum: 500, PaymentItems: [cashItem(500, kind as never)] }, `bad-kind-${String(kind)}`);
    expect(answer.status).toBe(400);
    expect((answer.body as Refused).Errors?.map((error) => error.Field)).toEqual(['PaymentItems.0.PaymentType.Kind']);
  });
});

describe('a money call without an Idempotency-Key is refused with 400 (docs/protocol.md#idempotency)', () => {
  it.each(['payments', 'refund'])('POST %s', async (route) => {
    const order = await reservedOrder(0);
    if (route === 'refund') expect((await t.steps.pay(order, paymentBody(500, { cash: 500 }), `before-refund-${order}`)).status).toBe(200);
    const payments = countRows(t.till, 'payments');
    const refunds = countRows(t.till, 'refunds');
    const body = route === 'payments' ? paymentBody(500, { cash: 500 }) : { WaiterPin: '1111' };
    const answer = await t.till.waiter<Refused>('POST', `/orders/${order}/${route}`, body);
    expect(answer.status).toBe(400);
    expect(answer.body.Errors).toEqual([{ Field: 'Idempotency-Key', Message: 'the Idempotency-Key header is required' }]);
    expect(countRows(t.till, 'payments')).toBe(payments);
    expect(countRows(t.till, 'refunds')).toBe(refunds);
    expect((await t.steps.view(order)).Status).toBe(route === 'payments' ? 'Open' : 'Paid');
  });
});

describe('GET /health (docs/protocol.md#health)', () => {
  it('answers exactly Status, Version, Provider and Outbox', async () => {
    const answer = await t.till.waiter<Record<string, unknown>>('GET', '/health');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.body).toEqual({ Status: 'ok', Version: APP_VERSION, Provider: 'local', Outbox: 0 });
    expect(HealthResponse.strict().safeParse(answer.body).success).toBe(true);
  });
});

describe('Idempotency-Keys are kept 30 days, then pruned (docs/protocol.md#idempotency)', () => {
  it('replays a key at day 29 after a restart; after day 30 the key is gone and the request is judged afresh', async () => {
    const clock = manualClock();
    const till = await startTestTill({ clock });
    try {
      const steps = waiterSteps(till);
      const order = newOrderId();
      const body = paymentBody(500, { cash: 500 });
      const first = await steps.pay(order, body, 'kept-a-month');
      expect(first.body.WaiterDebt).toBe(500);

      clock.advance(29 * 86_400_000);
      await till.restart();
      const replay = await steps.pay(order, body, 'kept-a-month');
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.text).toBe(first.text);
      expect(countRows(till, 'idempotency_keys')).toBe(1);

      clock.advance(2 * 86_400_000);
      await till.restart();
      expect(countRows(till, 'idempotency_keys')).toBe(0);
      const late = await steps.pay(order, body, 'kept-a-month');
      expect(late.headers.get('idempotent-replayed')).toBeNull();
      expectRefusal(late, /уже оплачен/);
      expect(countRows(till, 'payments')).toBe(1);
    } finally {
      await till.close();
    }
  });
});
