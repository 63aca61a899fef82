import { describe, expect, it } from 'vitest';
import { isOverThreshold } from './debt-threshold.js';

describe('a waiter’s debt over the threshold', () => {
  it('is marked at the threshold and above it, not below', () => {
    expect(isOverThreshold(500_000, 500_000)).toBe(true);
    expect(isOverThreshold(500_001, 500_000)).toBe(true);
    expect(isOverThreshold(499_999, 500_000)).toBe(false);
  });

  it('is never marked when the threshold is 0 (the warning is off)', () => {
    expect(isOverThreshold(1_000_000, 0)).toBe(false);
  });
});
