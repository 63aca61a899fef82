import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampBonus, maxBonusPayment } from './bonus-limit.js';
import { cashbackFor } from './cashback.js';

describe('maxBonusPayment', () => {
  it('is limited by the share of the order', () => {
    expect(maxBonusPayment({ available: 150_000, ownReservation: 0, orderSum: 90_000, maxBonusShareBp: 5_000 })).toBe(45_000);
  });
  it('is limited by what the guest has available plus this order’s own reservation', () => {
    expect(maxBonusPayment({ available: 10_000, ownReservation: 30_000, orderSum: 200_000, maxBonusShareBp: 5_000 })).toBe(40_000);
  });
  it('lets a guest with exactly enough points pay it all', () => {
    expect(maxBonusPayment({ available: 45_000, ownReservation: 0, orderSum: 90_000, maxBonusShareBp: 5_000 })).toBe(45_000);
  });
  it('rounds the share down to the kopeck', () => {
    expect(maxBonusPayment({ available: 1_000_000, ownReservation: 0, orderSum: 333, maxBonusShareBp: 5_000 })).toBe(166);
  });
  it('is never more than the order, whatever share a rule says', () => {
    expect(maxBonusPayment({ available: 1_000_000, ownReservation: 0, orderSum: 100_000, maxBonusShareBp: 15_000 })).toBe(100_000);
  });
  it('is never negative', () => {
    expect(maxBonusPayment({ available: -500, ownReservation: 0, orderSum: 10_000, maxBonusShareBp: 5_000 })).toBe(0);
  });
  it('never exceeds either bound', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (available, ownReservation, orderSum, maxBonusShareBp) => {
          const max = maxBonusPayment({ available, ownReservation, orderSum, maxBonusShareBp });
          expect(max).toBeGreaterThanOrEqual(0);
          expect(max).toBeLessThanOrEqual(Math.max(0, available + ownReservation));
          expect(max * 10_000).toBeLessThanOrEqual(orderSum * maxBonusShareBp);
        },
      ),
    );
  });
});

describe('clampBonus', () => {
  it('clamps to [0, max]', () => {
    expect(clampBonus(50_000, 45_000)).toBe(45_000);
    expect(clampBonus(30_000, 45_000)).toBe(30_000);
    expect(clampBonus(0, 45_000)).toBe(0);
  });
});

describe('cashbackFor', () => {
  it('accrues on the part paid with money, rounded down', () => {
    expect(cashbackFor(120_000, 30_000, 500)).toBe(4_500);
    expect(cashbackFor(999, 0, 500)).toBe(49);
    expect(cashbackFor(10_000, 10_000, 500)).toBe(0);
  });
});
