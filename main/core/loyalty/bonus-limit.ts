import { applyBasisPoints } from '../../../shared/money.js';

/**
 * The most a guest may pay with bonuses on an order (docs/protocol.md#pre-check):
 * `min(available + this order's own reservation, orderSum × maxBonusShare, orderSum)`, rounded down
 * to the kopeck, and never below zero (a guest whose points are all held elsewhere can pay 0).
 */
export function maxBonusPayment(input: {
  available: number;
  ownReservation: number;
  orderSum: number;
  maxBonusShareBp: number;
}): number {
  const byBalance = input.available + input.ownReservation;
  // Never more than the bill, whatever share a rule says (a guest's rule from the cloud is checked
  // too, getmeback-api.ts): iikoFront is never handed a bonus item larger than the order.
  const byRule = Math.min(applyBasisPoints(input.orderSum, input.maxBonusShareBp), input.orderSum);
  return Math.max(0, Math.min(byBalance, byRule));
}

/** What the waiter asked for, clamped to `[0, max]`. */
export function clampBonus(requested: number, max: number): number {
  return Math.min(Math.max(0, requested), max);
}
