import { kopecksFromWire, kopecksToWire } from '../../../shared/money.js';
import type { PaymentItem } from '../../../shared/wire/payment.js';
import type { Tender } from './args.js';

/** iiko payment types the simulated till offers besides GetMeBack bonuses (ids are iiko UUIDs). */
export const CASH_TYPE = { Id: '09322f46-578a-d210-add7-eec222a08871', Kind: 'Cash', Name: 'Наличные' } as const;
export const CARD_TYPE = { Id: '4ee2d7d4-1b8a-4c5c-9f3e-6f6d3a2b8c10', Kind: 'Card', Name: 'Банковская карта' } as const;

const kopecks = (wire: number) => kopecksFromWire(wire) as number;

/**
 * The PaymentItems iikoWaiter sends: bonuses under the Bonus payment type, then card and cash.
 * Cash left unspecified is what the bonus and the card leave of the sum (never below zero).
 */
export function paymentItems(tender: Tender, bonusTypeId: string | null): PaymentItem[] {
  const items: PaymentItem[] = [];
  if (tender.bonus > 0 && bonusTypeId) {
    items.push({ PaymentType: { Id: bonusTypeId, Kind: 'External', Name: 'GetMeBack' }, Sum: tender.bonus });
  }
  if (tender.card > 0) items.push({ PaymentType: { ...CARD_TYPE }, Sum: tender.card });
  const cash = tender.cash ?? kopecksToWire(Math.max(0, kopecks(tender.sum) - kopecks(tender.bonus) - kopecks(tender.card)));
  if (cash > 0) items.push({ PaymentType: { ...CASH_TYPE }, Sum: cash });
  return items;
}
