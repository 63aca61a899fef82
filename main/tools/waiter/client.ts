import { randomUUID } from 'node:crypto';
import type { HealthResponse } from '../../../shared/wire/health.js';
import type { OrderView } from '../../../shared/wire/order-view.js';
import type { AddGiftResponse } from '../../../shared/wire/gifts.js';
import type { PaymentItem, PaymentResponse, RefundResponse } from '../../../shared/wire/payment.js';
import type { PrecheckResponse } from '../../../shared/wire/precheck.js';

/** What the server said: the status, the raw text (for byte-for-byte comparisons) and its JSON. */
export interface Answer<T> {
  status: number;
  text: string;
  /** The parsed body; a refusal or an error carries WaiterMessage instead of T's fields. */
  body: (T & { WaiterMessage?: undefined }) | Refusal | null;
}

export interface Refusal {
  WaiterMessage: string;
  Errors?: { Field: string; Message: string }[];
}

export function isRefusal(body: unknown): body is Refusal {
  return typeof body === 'object' && body !== null && typeof (body as Refusal).WaiterMessage === 'string';
}

/** A waiter's cash debt as the till's dashboard API lists it (kopecks). */
export interface WaiterCash {
  id: string;
  name: string | null;
  debt: number;
}

/**
 * Speaks to the till exactly as the iikoWaiter plugin does: PascalCase JSON, the waiter's PIN in
 * every body, an Idempotency-Key on payments and refunds.
 */
export class WaiterClient {
  readonly origin: string;

  constructor(
    readonly url: string,
    readonly pin: string,
  ) {
    this.origin = new URL(url).origin;
  }

  checkIn(orderId: string, value: string) {
    return this.call<undefined>('POST', `/orders/${orderId}/checkin`, { Value: value, WaiterPin: this.pin });
  }

  checkOut(orderId: string) {
    return this.call<undefined>('DELETE', `/orders/${orderId}/checkin`);
  }

  order(orderId: string) {
    return this.call<OrderView>('GET', `/orders/${orderId}`);
  }

  addGift(orderId: string, giftId: string) {
    return this.call<AddGiftResponse>('POST', `/orders/${orderId}/gifts`, { GiftId: giftId, WaiterPin: this.pin });
  }

  removeGift(orderId: string, giftId: string) {
    return this.call<undefined>('DELETE', `/orders/${orderId}/gifts/${encodeURIComponent(giftId)}`);
  }

  precheck(orderId: string, orderSum: number, bonusSum: number | null) {
    return this.call<PrecheckResponse>('POST', `/orders/${orderId}/precheck`, { OrderSum: orderSum, BonusSum: bonusSum, WaiterPin: this.pin });
  }

  pay(orderId: string, orderSum: number, items: PaymentItem[], key: string) {
    return this.call<PaymentResponse>('POST', `/orders/${orderId}/payments`, { OrderSum: orderSum, PaymentItems: items, WaiterPin: this.pin }, key);
  }

  refund(orderId: string, key: string) {
    return this.call<RefundResponse>('POST', `/orders/${orderId}/refund`, { WaiterPin: this.pin }, key);
  }

  health() {
    return this.call<HealthResponse>('GET', '/health');
  }

  /** The till's Bonus payment type, from its settings API (answers on this machine), or null. */
  async bonusPaymentTypeId(): Promise<string | null> {
    const answer = await this.request<{ settings?: { bonusPaymentTypeId?: string } }>(`${this.origin}/api/settings`, 'GET');
    const id = answer.status === 200 && !isRefusal(answer.body) ? answer.body?.settings?.bonusPaymentTypeId : undefined;
    return id ? id : null;
  }

  /** Waiters' cash debts from the dashboard API, or null when the till has no such API. */
  async waiterCash(): Promise<WaiterCash[] | null> {
    const answer = await this.request<{ waiters?: WaiterCash[] }>(`${this.origin}/api/waiters`, 'GET');
    if (answer.status !== 200 || isRefusal(answer.body) || !Array.isArray(answer.body?.waiters)) return null;
    return answer.body.waiters;
  }

  private call<T>(method: string, route: string, body?: unknown, key?: string): Promise<Answer<T>> {
    return this.request<T>(`${this.url}${route}`, method, body, key);
  }

  private async request<T>(url: string, method: string, body?: unknown, key?: string): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (key !== undefined) headers['idempotency-key'] = key;
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let parsed: Answer<T>['body'] = null;
    try {
      parsed = text ? (JSON.parse(text) as Answer<T>['body']) : null;
    } catch {
      parsed = null;
    }
    return { status: response.status, text, body: parsed };
  }
}

/** A fresh key for a payment or refund; repeating a command with `--key` repeats the payment. */
export const newKey = (): string => randomUUID();
