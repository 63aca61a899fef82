import { describe, expect, it } from 'vitest';
import { CARD_TYPE, CASH_TYPE, paymentItems } from './payment-items.js';

const BONUS = '6f2c1f5e-0000-4000-8000-0000000000b0';

describe('paymentItems', () => {
  it('puts bonuses under the Bonus payment type and leaves the remainder in cash, in kopecks', () => {
    expect(paymentItems({ sum: 1200.3, bonus: 300.1, cash: null, card: 0.1 }, BONUS)).toEqual([
      { PaymentType: { Id: BONUS, Kind: 'External', Name: 'GetMeBack' }, Sum: 300.1 },
      { PaymentType: CARD_TYPE, Sum: 0.1 },
      { PaymentType: CASH_TYPE, Sum: 900.1 },
    ]);
  });

  it('sends the cash asked for, even when it does not add up (the till must say 400)', () => {
    expect(paymentItems({ sum: 100, bonus: 0, cash: 50, card: 0 }, null)).toEqual([{ PaymentType: CASH_TYPE, Sum: 50 }]);
  });

  it('has no bonus item without a Bonus payment type', () => {
    expect(paymentItems({ sum: 100, bonus: 30, cash: null, card: 0 }, null)).toEqual([{ PaymentType: CASH_TYPE, Sum: 70 }]);
  });
});
