import { describe, expect, it } from 'vitest';
import { CheckInRequest } from '../../../../shared/wire/checkin.js';
import { Refusal } from '../../loyalty/refusal.js';
import { BadRequest } from '../http-errors.js';
import { validate } from '../validate.js';
import { checkInBodyOf, plainCheckIn } from './check-in-body.js';
import { isReadableScan } from './scanned-value.js';
import { isJsonObject, matchWireNames } from './wire-names.js';

/** The schema's way alone, as the route read every body before the hand check. */
function bySchema(sent: unknown): unknown {
  const named = matchWireNames(CheckInRequest, sent);
  if (isJsonObject(named) && !isReadableScan(named.Value)) throw new Refusal('unreadableCode');
  return validate(CheckInRequest, named);
}

function outcome(read: () => unknown): unknown {
  try {
    return { body: read() };
  } catch (error) {
    if (error instanceof Refusal) return { refusal: error.key };
    if (error instanceof BadRequest) return { status: error.status, errors: error.errors };
    throw error;
  }
}

const BODIES: unknown[] = [
  { Value: 'GMB-G-1001', WaiterPin: '1111' },
  { Value: '  GMB-G-1001  ' },
  { Value: 'GMB-G-1001', WaiterPin: null },
  { WaiterPin: '1111', Value: 'x' },
  { Value: 'GMB-G-1001', WaiterPin: '' },
  { Value: 'GMB-G-1001', WaiterPin: '1'.repeat(64) },
  { Value: 'GMB-G-1001', WaiterPin: '1'.repeat(65) },
  { Value: 'GMB-G-1001', WaiterPin: 1111 },
  { Value: 'x'.repeat(256) },
  { Value: ` ${'x'.repeat(256)} ` },
  { Value: 'x'.repeat(257) },
  { Value: '   ' },
  { Value: '' },
  { Value: 'GMB\u0007' },
  { Value: 'GMB\ufffd' },
  { Value: 12 },
  { Value: null },
  {},
  { value: 'camel', waiterPin: '2222' },
  { Value: 'pascal', VALUE: 'upper' },
  { Value: 'x', tableNumber: 7 },
  JSON.parse('{"Value":"x","__proto__":{"WaiterPin":"1"}}'),
  [1, 2],
  'GMB-G-1001',
  null,
  42,
];

describe('checkInBodyOf', () => {
  it('reads every body as the schema alone reads it: the same body, refusal or 400', () => {
    for (const sent of BODIES) expect(outcome(() => checkInBodyOf(sent)), JSON.stringify(sent)).toEqual(outcome(() => bySchema(sent)));
  });

  it('checks by hand only the body iikoWaiter sends, spelled as the schema spells it', () => {
    expect(plainCheckIn({ Value: ' GMB-G-1001 ', WaiterPin: '1111' })).toEqual({ Value: 'GMB-G-1001', WaiterPin: '1111' });
    expect(plainCheckIn({ Value: 'GMB-G-1001' })).toEqual({ Value: 'GMB-G-1001' });
    expect(plainCheckIn({ value: 'GMB-G-1001' })).toBeNull();
    expect(plainCheckIn({ Value: 'GMB-G-1001', extra: 1 })).toBeNull();
    expect(plainCheckIn({ Value: '' })).toBeNull();
    expect(plainCheckIn({ Value: 'x', WaiterPin: 7 })).toBeNull();
  });
});
