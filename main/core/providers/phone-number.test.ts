import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone-number.js';

describe('normalisePhone', () => {
  it.each([
    ['+7 999 000-00-01'],
    ['89990000001'],
    ['79990000001'],
    ['8 (999) 000-00-01'],
    ['9990000001'],
    ['+79990000001'],
  ])('reads %s as 79990000001', (input) => {
    expect(normalisePhone(input)).toBe('79990000001');
  });

  it.each([['GMB-G-1001'], ['12345'], ['+8 999 000 00 01'], ['799900000011'], [''], ['4276 1234 5678 9012']])(
    'does not take %s for a phone',
    (input) => {
      expect(normalisePhone(input)).toBeNull();
    },
  );
});
