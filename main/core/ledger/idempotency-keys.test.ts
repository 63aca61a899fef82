import { describe, expect, it } from 'vitest';
import { IdempotencyKeys } from './idempotency-keys.js';

describe('IdempotencyKeys.hashRequest', () => {
  const path = '/orders/3f0e9a52-6d1b-4b8e-9a47-2b8f1c0d9e11/payments';
  const body = { OrderSum: 100, PaymentItems: [{ PaymentType: { Id: 'c', Kind: 'Cash' }, Sum: 100 }], WaiterPin: '1111' };

  it('is the same for the same request whatever the order of its JSON keys', () => {
    const reordered = { WaiterPin: '1111', PaymentItems: [{ Sum: 100, PaymentType: { Kind: 'Cash', Id: 'c' } }], OrderSum: 100 };
    expect(IdempotencyKeys.hashRequest('POST', path, reordered)).toBe(IdempotencyKeys.hashRequest('POST', path, body));
  });

  it('differs for another body, another route or another order of items', () => {
    const hash = IdempotencyKeys.hashRequest('POST', path, body);
    expect(IdempotencyKeys.hashRequest('POST', path, { ...body, OrderSum: 101 })).not.toBe(hash);
    expect(IdempotencyKeys.hashRequest('POST', path.replace('payments', 'refund'), body)).not.toBe(hash);
    const twoItems = { ...body, PaymentItems: [{ Sum: 1 }, { Sum: 2 }] };
    expect(IdempotencyKeys.hashRequest('POST', path, { ...body, PaymentItems: [{ Sum: 2 }, { Sum: 1 }] })).not.toBe(
      IdempotencyKeys.hashRequest('POST', path, twoItems),
    );
  });
});
