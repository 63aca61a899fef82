import { randomUUID } from 'node:crypto';
import { DEMO_BONUS_PAYMENT_TYPE } from '../../shared/settings/demo.js';

/** What iikoWaiter's plugin sends the till, for specs that need something to happen at the till. */
export class WaiterApp {
  constructor(private readonly waiterUrl: string) {}

  async checkIn(orderId: string, value: string, pin = '1111'): Promise<number> {
    return (await this.post(`/orders/${orderId}/checkin`, { Value: value, WaiterPin: pin })).status;
  }

  async addGift(orderId: string, giftId: string, pin = '1111'): Promise<number> {
    return (await this.post(`/orders/${orderId}/gifts`, { GiftId: giftId, WaiterPin: pin })).status;
  }

  /** Prints a pre-check with `bonusSum` of the order paid by bonuses (sums in roubles as on the wire). */
  async precheck(orderId: string, orderSum: number, bonusSum: number, pin = '1111'): Promise<number> {
    return (await this.post(`/orders/${orderId}/precheck`, { OrderSum: orderSum, BonusSum: bonusSum, WaiterPin: pin })).status;
  }

  private post(route: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.waiterUrl}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  }

  /** Pays an order in cash taken by the waiter with this PIN; sums in roubles as on the wire. */
  payCash(orderId: string, sum: number, pin = '1111'): Promise<{ status: number; body: unknown }> {
    return this.pay(orderId, { cash: sum }, pin);
  }

  /**
   * Pays an order as iikoWaiter does: `bonus` under the demo *Bonus payment type* (the one the demo
   * book sets on a first start), the rest in cash taken by the waiter; sums in roubles.
   */
  async pay(orderId: string, tender: { cash: number; bonus?: number }, pin = '1111'): Promise<{ status: number; body: unknown }> {
    const items = [];
    if (tender.bonus) items.push({ PaymentType: { Id: DEMO_BONUS_PAYMENT_TYPE, Kind: 'External', Name: 'GetMeBack' }, Sum: tender.bonus });
    if (tender.cash) items.push({ PaymentType: { Id: '09322f46-578a-d210-add7-eec222a08871', Kind: 'Cash', Name: 'Наличные' }, Sum: tender.cash });
    const sum = tender.cash + (tender.bonus ?? 0);
    const response = await this.post(`/orders/${orderId}/payments`, { OrderSum: sum, PaymentItems: items, WaiterPin: pin }, { 'idempotency-key': randomUUID() });
    return { status: response.status, body: await response.json() };
  }
}

/** An iiko order id whose first block (what the feed shows) is `prefix`, padded to 8 hex digits. */
export function orderId(prefix: string): string {
  return `${prefix.padStart(8, '0')}-${randomUUID().slice(9)}`;
}
