import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings/schema.js';
import { assertCashbackWithinLimit, assertOrderSumWithinLimit } from './money-limits.js';
import { Refusal } from './refusal.js';

/** The refusal a rule throws, or a failure when it throws none or something else. */
function refusalOf(rule: () => void): Refusal {
  try {
    rule();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('no refusal');
}

describe('the money caps refuse in kopecks: the wire edge formats them in the till’s language', () => {
  it('carries the order sum and its cap as integers, whatever the language', () => {
    for (const language of ['ru', 'en'] as const) {
      const refusal = refusalOf(() => assertOrderSumWithinLimit({ ...DEFAULT_SETTINGS, language }, 100_000_001));
      expect(refusal.key).toBe('orderSumOverLimit');
      expect(refusal.params).toEqual({ sum: 100_000_001, max: DEFAULT_SETTINGS.limits.maxOrderSum });
    }
  });

  it('carries one payment’s cashback and its cap as hundredths of bonuses', () => {
    const refusal = refusalOf(() => assertCashbackWithinLimit(DEFAULT_SETTINGS, 5_000_050));
    expect(refusal.params).toEqual({ sum: 5_000_050, max: DEFAULT_SETTINGS.limits.maxCashback });
    expect(() => assertCashbackWithinLimit(DEFAULT_SETTINGS, DEFAULT_SETTINGS.limits.maxCashback)).not.toThrow();
  });
});
