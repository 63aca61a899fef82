import type { OrderState } from '../ledger/orders.js';
import { Refusal } from './refusal.js';

/** Refuses any change to an order that is already paid or refunded. */
export function assertOpen(order: Pick<OrderState, 'status'> | null): void {
  if (order?.status === 'Paid') throw new Refusal('orderPaid');
  if (order?.status === 'Refunded') throw new Refusal('orderRefunded');
}
