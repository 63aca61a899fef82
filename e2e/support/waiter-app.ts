import { randomUUID } from 'node:crypto';

/** What iikoWaiter's plugin sends the till, for specs that need something to happen at the till. */
export class WaiterApp {
  constructor(private readonly waiterUrl: string) {}

  async checkIn(orderId: string, value: string, pin = '1111'): Promise<number> {
    const response = await fetch(`${this.waiterUrl}/orders/${orderId}/checkin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Value: value, WaiterPin: pin }),
    });
    return response.status;
  }

  async addGift(orderId: string, giftId: string, pin = '1111'): Promise<number> {
    const response = await fetch(`${this.waiterUrl}/orders/${orderId}/gifts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ GiftId: giftId, WaiterPin: pin }),
    });
    return response.status;
  }

  /** Pays an order in cash taken by the waiter with this PIN; sums in roubles as on the wire. */
  async payCash(orderId: string, sum: number, pin = '1111'): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.waiterUrl}/orders/${orderId}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        OrderSum: sum,
        PaymentItems: [{ PaymentType: { Id: '09322f46-578a-d210-add7-eec222a08871', Kind: 'Cash', Name: 'Наличные' }, Sum: sum }],
        WaiterPin: pin,
      }),
    });
    return { status: response.status, body: await response.json() };
  }
}

/** An iiko order id whose first block (what the feed shows) is `prefix`, padded to 8 hex digits. */
export function orderId(prefix: string): string {
  return `${prefix.padStart(8, '0')}-${randomUUID().slice(9)}`;
}
