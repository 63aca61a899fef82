import { applyBasisPoints } from '../../../shared/money.js';

/** Cashback on the part of the order paid with money (not bonuses), rounded down to the kopeck. */
export function cashbackFor(orderSum: number, bonusPaid: number, cashbackBp: number): number {
  return applyBasisPoints(Math.max(0, orderSum - bonusPaid), cashbackBp);
}
