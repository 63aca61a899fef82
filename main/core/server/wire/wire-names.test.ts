import { describe, expect, it } from 'vitest';
import { CheckInRequest } from '../../../../shared/wire/checkin.js';
import { PaymentRequest } from '../../../../shared/wire/payment.js';
import { matchWireNames } from './wire-names.js';

describe('matchWireNames', () => {
  it('reads camelCase and any other casing as the PascalCase the schemas name, at every depth', () => {
    const sent = {
      orderSum: 100,
      paymentitems: [{ paymentType: { id: 'cash', KIND: 'Cash', name: 'Наличные' }, sum: 100 }],
      waiter: { id: 'w-1', Name: 'Анна' },
    };
    expect(matchWireNames(PaymentRequest, sent)).toEqual({
      OrderSum: 100,
      PaymentItems: [{ PaymentType: { Id: 'cash', Kind: 'Cash', Name: 'Наличные' }, Sum: 100 }],
      Waiter: { Id: 'w-1', Name: 'Анна' },
    });
    expect(PaymentRequest.safeParse(matchWireNames(PaymentRequest, sent)).success).toBe(true);
  });

  it('lets the exact spelling win over a twin in another case, whatever comes first', () => {
    expect(matchWireNames(CheckInRequest, { value: 'camel', Value: 'pascal' })).toEqual({ Value: 'pascal' });
    expect(matchWireNames(CheckInRequest, { Value: 'pascal', VALUE: 'upper' })).toEqual({ Value: 'pascal' });
    expect(matchWireNames(CheckInRequest, { value: 'first', VALUE: 'second' })).toEqual({ Value: 'first' });
  });

  it('leaves unknown names and values that are not objects as they are', () => {
    expect(matchWireNames(CheckInRequest, { Value: 'x', tableNumber: 7 })).toEqual({ Value: 'x', tableNumber: 7 });
    expect(matchWireNames(CheckInRequest, [1, 2])).toEqual([1, 2]);
    expect(matchWireNames(PaymentRequest, { paymentItems: 'none' })).toEqual({ PaymentItems: 'none' });
  });
});
