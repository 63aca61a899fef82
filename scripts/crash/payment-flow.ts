import { randomInt, randomUUID } from 'node:crypto';
import { CRASH_WAITER_PINS, type CrashGuest } from './crash-seed.js';
import type { TillClient } from './till-client.js';

const BONUS_NAME = 'GetMeBack';

/** What the client believes happened to a guest's points and the waiters' cash, from committed answers only. */
export interface Expectations {
  /** Kopecks per guest id, relative to the opening balance. */
  guestDelta: Map<string, number>;
  /** Kopecks per waiter PIN. */
  waiterDebt: Map<string, number>;
  paidOrders: Set<string>;
  refundedOrders: Set<string>;
}

const kopecks = (wire: unknown): number => Math.round(Number(wire) * 100);

/**
 * One order as a waiter runs it: check-in (guest QR or one of the guest's gift vouchers), the gift,
 * a pre-check with bonuses, a payment split into bonuses, cash and card, and sometimes a refund.
 */
export async function runOrder(client: TillClient, guests: CrashGuest[], usedVouchers: Set<string>, bonusTypeId: string, expect: Expectations): Promise<void> {
  const orderId = randomUUID();
  const guest = guests[randomInt(guests.length)] as CrashGuest;
  const voucher = Math.random() < 0.4 ? guest.vouchers.find((v) => !usedVouchers.has(v.id)) : undefined;
  if (voucher) usedVouchers.add(voucher.id);
  const pin = CRASH_WAITER_PINS[randomInt(CRASH_WAITER_PINS.length)] as string;

  const checkIn = await client.call('POST', `/orders/${orderId}/checkin`, { Value: voucher?.qr ?? guest.qr, WaiterPin: pin });
  if (checkIn.status !== 204) return;
  if (voucher) await client.call('POST', `/orders/${orderId}/gifts`, { GiftId: voucher.id, WaiterPin: pin });

  const orderSum = randomInt(10_000, 500_000);
  const wanted = randomInt(0, Math.floor(orderSum / 2) + 1);
  const pre = await client.call('POST', `/orders/${orderId}/precheck`, { OrderSum: orderSum / 100, BonusSum: wanted / 100, WaiterPin: pin });
  if (pre.body === null || 'WaiterMessage' in pre.body) return;
  const reserved = kopecks(pre.body.BonusSum);
  const bonus = Math.random() < 0.8 ? reserved : randomInt(0, reserved + 1);
  const cash = randomInt(0, orderSum - bonus + 1);
  const card = orderSum - bonus - cash;
  const items = [
    ...(bonus > 0 ? [{ PaymentType: { Id: bonusTypeId, Kind: 'External', Name: BONUS_NAME }, Sum: bonus / 100 }] : []),
    ...(cash > 0 ? [{ PaymentType: { Id: 'cash', Kind: 'Cash', Name: 'Наличные' }, Sum: cash / 100 }] : []),
    ...(card > 0 ? [{ PaymentType: { Id: 'card', Kind: 'Card', Name: 'Карта' }, Sum: card / 100 }] : []),
  ];
  const paid = await client.pay({
    key: `pay-${orderId}`,
    route: `/orders/${orderId}/payments`,
    body: { OrderSum: orderSum / 100, PaymentItems: items, WaiterPin: pin },
    orderId,
    guestId: guest.id,
    pin,
  });
  if (!paid) return;
  expect.paidOrders.add(orderId);
  addTo(expect.guestDelta, guest.id, kopecks(paid.Accrued) - kopecks(paid.BonusWrittenOff) - kopecks(paid.GiftPointsWrittenOff));
  addTo(expect.waiterDebt, pin, kopecks(paid.WaiterDebt));

  if (Math.random() >= 0.25) return;
  const refunded = await client.pay({ key: `refund-${orderId}`, route: `/orders/${orderId}/refund`, body: { WaiterPin: pin }, orderId, guestId: guest.id, pin });
  if (!refunded) return;
  expect.refundedOrders.add(orderId);
  addTo(expect.guestDelta, guest.id, kopecks(refunded.BonusReturned) + kopecks(refunded.GiftPointsReturned) - kopecks(refunded.AccrualReversed));
  addTo(expect.waiterDebt, pin, -kopecks(refunded.WaiterDebtReversed));
}

function addTo(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}
