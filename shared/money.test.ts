import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyBasisPoints, formatRoubles, kopecksFromWire, kopecksToWire } from './money.js';

describe('kopecksFromWire', () => {
  it('converts two-decimal numbers exactly', () => {
    expect(kopecksFromWire(0.29)).toBe(29);
    expect(kopecksFromWire(1200)).toBe(120000);
    expect(kopecksFromWire(1200.5)).toBe(120050);
    expect(kopecksFromWire(0.07)).toBe(7);
    expect(kopecksFromWire(0)).toBe(0);
  });
  it('refuses negative, three-decimal, huge and non-finite numbers', () => {
    expect(kopecksFromWire(-1)).toBeNull();
    expect(kopecksFromWire(1.005)).toBeNull();
    expect(kopecksFromWire(1e-7)).toBeNull();
    expect(kopecksFromWire(1e21)).toBeNull();
    expect(kopecksFromWire(Number.NaN)).toBeNull();
    expect(kopecksFromWire(Number.POSITIVE_INFINITY)).toBeNull();
  });
  it('round-trips every kopeck amount through the wire', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (k) => {
        const wire = JSON.parse(JSON.stringify(kopecksToWire(k))) as number;
        expect(kopecksFromWire(wire)).toBe(k);
      }),
    );
  });
});

describe('applyBasisPoints', () => {
  it('rounds down to the kopeck', () => {
    expect(applyBasisPoints(120_000, 5_000)).toBe(60_000);
    expect(applyBasisPoints(99_999, 500)).toBe(4_999);
    expect(applyBasisPoints(1, 5_000)).toBe(0);
  });
});

describe('formatRoubles', () => {
  it('formats the Russian way', () => {
    expect(formatRoubles(150_000, 'ru')).toBe('1\u00a0500,00\u00a0₽');
    expect(formatRoubles(150_005, 'en')).toBe('1,500.05\u00a0₽');
    expect(formatRoubles(-5, 'ru')).toBe('-0,05\u00a0₽');
  });
});
