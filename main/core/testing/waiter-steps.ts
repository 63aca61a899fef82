import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { OrderView } from '../../../shared/wire/order-view.js';
import type { PaymentResponse, RefundResponse } from '../../../shared/wire/payment.js';
import type { PrecheckResponse } from '../../../shared/wire/precheck.js';
import { BONUS_TYPE, startTestTill, type HttpAnswer, type TestTill, type TestTillOptions } from './test-till.js';

/** The waiter's calls as iikoWaiter makes them, for the HTTP tests of each flow. */

export const newOrderId = (): string => randomUUID();

export interface Refused {
  WaiterMessage: string;
  RequestId?: string;
  Errors?: { Field: string; Message: string }[];
}

export interface Tender {
  bonus?: number;
  cash?: number;
  card?: number;
}

/** A payment body as iikoWaiter sends it: one item per tender, summing to OrderSum. */
/** `waiterPin` null: a payment that names no waiter (the cash goes to the till). */
export function paymentBody(orderSum: number, tender: Tender, waiterPin: string | null = '1111') {
  const items = [];
  if (tender.bonus) items.push({ PaymentType: { Id: BONUS_TYPE, Kind: 'External', Name: 'GetMeBack' }, Sum: tender.bonus });
  if (tender.cash) items.push({ PaymentType: { Id: 'a2c5e0f1-0000-4000-8000-00000000ca57', Kind: 'Cash', Name: 'Наличные' }, Sum: tender.cash });
  if (tender.card) items.push({ PaymentType: { Id: 'b3d6f102-0000-4000-8000-00000000ca2d', Kind: 'Card', Name: 'Карта' }, Sum: tender.card });
  return { OrderSum: orderSum, PaymentItems: items, ...(waiterPin === null ? {} : { WaiterPin: waiterPin }) };
}

export function waiterSteps(till: TestTill) {
  return {
    checkIn: (orderId: string, value: string, pin = '1111') =>
      till.waiter<Refused | undefined>('POST', `/orders/${orderId}/checkin`, { Value: value, WaiterPin: pin }),
    checkOut: (orderId: string) => till.waiter<undefined>('DELETE', `/orders/${orderId}/checkin`),
    view: async (orderId: string): Promise<OrderView> => {
      const answer = await till.waiter<OrderView>('GET', `/orders/${orderId}`);
      expect(answer.status).toBe(200);
      return answer.body;
    },
    addGift: (orderId: string, giftId: string, pin = '1111') =>
      till.waiter<{ Gift: { Id: string; Name: string; ProductCode: string; Points: number } } & Partial<Refused>>(
        'POST',
        `/orders/${orderId}/gifts`,
        { GiftId: giftId, WaiterPin: pin },
      ),
    removeGift: (orderId: string, giftId: string) => till.waiter<undefined>('DELETE', `/orders/${orderId}/gifts/${giftId}`),
    precheck: (orderId: string, orderSum: number, bonusSum?: number | null) =>
      till.waiter<PrecheckResponse & Partial<Refused>>('POST', `/orders/${orderId}/precheck`, {
        OrderSum: orderSum,
        ...(bonusSum === undefined ? {} : { BonusSum: bonusSum }),
        WaiterPin: '1111',
      }),
    pay: (orderId: string, body: unknown, key: string) =>
      till.waiter<PaymentResponse & Partial<Refused>>('POST', `/orders/${orderId}/payments`, body, { 'Idempotency-Key': key }),
    refund: (orderId: string, key: string) =>
      till.waiter<RefundResponse & Partial<Refused>>('POST', `/orders/${orderId}/refund`, { WaiterPin: '1111' }, { 'Idempotency-Key': key }),
  };
}

/** A refusal: 200 with a message for the waiter and nothing else. */
export function expectRefusal(answer: HttpAnswer<unknown>, text: RegExp): void {
  expect(answer.status).toBe(200);
  expect((answer.body as Refused).WaiterMessage).toMatch(text);
}

/** Counts rows straight from the till's SQLite file. */
export function countRows(till: TestTill, table: string, where = '1 = 1', ...params: unknown[]): number {
  return (till.core.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n;
}

export type WaiterSteps = ReturnType<typeof waiterSteps>;

/** A new order with g-1 checked in and 300 of its 1 200 ₽ reserved, and the body that pays it (300 bonuses, 900 cash). */
export async function reservedOrder(steps: WaiterSteps): Promise<{ order: string; body: ReturnType<typeof paymentBody> }> {
  const order = newOrderId();
  await steps.checkIn(order, 'GMB-G-1001');
  await steps.precheck(order, 1200, 300);
  return { order, body: paymentBody(1200, { bonus: 300, cash: 900 }) };
}

/** A real till for each test, or one for the whole file, with the waiter's steps over it. */
export function useTill(per: 'test' | 'file', options: TestTillOptions = {}): { till: TestTill; steps: WaiterSteps } {
  const current = {} as { till: TestTill; steps: WaiterSteps };
  (per === 'test' ? beforeEach : beforeAll)(async () => {
    current.till = await startTestTill(options);
    current.steps = waiterSteps(current.till);
  });
  (per === 'test' ? afterEach : afterAll)(async () => {
    await current.till.close();
  });
  return current;
}
