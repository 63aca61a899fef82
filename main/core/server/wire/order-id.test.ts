import { describe, expect, it } from 'vitest';
import { OrderId } from '../../../../shared/wire/primitives.js';
import { BadRequest } from '../http-errors.js';
import { validate } from '../validate.js';
import { orderIdFrom } from './order-id.js';

function outcome(read: () => string): unknown {
  try {
    return { id: read() };
  } catch (error) {
    if (error instanceof BadRequest) return { status: error.status, errors: error.errors };
    throw error;
  }
}

describe('orderIdFrom', () => {
  it('reads every id as the OrderId schema does, in lower case, and refuses the rest with the same 400', () => {
    const ids: unknown[] = [
      '5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d',
      '5A1D7C3E-9B2F-4E8A-8C1D-0E2F3A4B5C6D',
      '00000000-0000-0000-0000-000000000000',
      '5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6',
      '5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d0',
      '5a1d7c3e9b2f4e8a8c1d0e2f3a4b5c6d',
      '{5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d}',
      'ga1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d',
      '5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d\n',
      ' 5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d',
      '',
      undefined,
      42,
    ];
    for (const id of ids) {
      expect(outcome(() => orderIdFrom(id)), String(id)).toEqual(outcome(() => validate(OrderId, id, 'orderId').toLowerCase()));
    }
    expect(orderIdFrom('5A1D7C3E-9B2F-4E8A-8C1D-0E2F3A4B5C6D')).toBe('5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d');
    expect(() => orderIdFrom('not-an-id')).toThrow(BadRequest);
  });
});
