import type { Options } from 'autocannon';
import { randomUUID } from 'node:crypto';

/** The payment type the bench's till takes bonuses by. */
export const BONUS_TYPE = '6f2c1f5e-0000-4000-8000-0000000000b0';
/** The order the bench's waiters work on, checked in before any load. */
export const BENCH_ORDER = '5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d';
export const CHECK_IN_BODY = JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' });
const json = { 'content-type': 'application/json' };

type Request = NonNullable<Options['requests']>[number];

/** A check-in of a new order each time: a durable write and a feed event. */
export const NEW_ORDER_CHECK_IN: Request = { method: 'POST', headers: json, body: CHECK_IN_BODY, setupRequest: (req) => ({ ...req, path: `/GetMeBack/orders/${randomUUID()}/checkin` }) };

/** The waiter's calls of an evening, in turn on every connection: check-ins, order views, pre-checks, new orders. */
export const MIXED_REQUESTS: Request[] = [
  { method: 'POST', path: `/GetMeBack/orders/${BENCH_ORDER}/checkin`, headers: json, body: CHECK_IN_BODY },
  { method: 'GET', path: `/GetMeBack/orders/${BENCH_ORDER}` },
  { method: 'POST', path: `/GetMeBack/orders/${BENCH_ORDER}/precheck`, headers: json, body: JSON.stringify({ OrderSum: 1200, BonusSum: 100, WaiterPin: '1111' }) },
  NEW_ORDER_CHECK_IN,
];
