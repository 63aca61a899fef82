/**
 * Money and points travel on the wire as decimal numbers with at most two decimals; inside the app
 * they are integers of hundredths (kopecks). Conversion goes through the number's decimal text,
 * never through floating-point multiplication, so 0.29 is 29 kopecks and not 28.999….
 */

/** The largest sum we accept on the wire: 100 million roubles. Far above any restaurant bill. */
export const MAX_WIRE_MONEY = 100_000_000;

const TWO_DECIMALS = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Kopecks for a wire number, or null when it is negative, not finite, or has more than 2 decimals. */
export function kopecksFromWire(value: number): number | null {
  if (!Number.isFinite(value) || value < 0 || value > MAX_WIRE_MONEY) return null;
  const match = TWO_DECIMALS.exec(String(value));
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
}

/** The wire number for kopecks. An integer divided by 100 prints as its exact two-decimal text. */
export function kopecksToWire(kopecks: number): number {
  if (!Number.isSafeInteger(kopecks)) throw new RangeError(`not a whole number of kopecks: ${kopecks}`);
  return kopecks / 100;
}

/**
 * A guest's balance as the waiter sees it. The ledger keeps it exact, and it can dip below zero (a
 * refund takes back cashback the guest already spent); the wire never carries a negative sum
 * (docs/protocol.md#conventions), and to a waiter a guest in debt simply has nothing to spend.
 */
export function balanceToWire(kopecks: number): number {
  return kopecksToWire(Math.max(0, kopecks));
}

/** A share or percentage as basis points (1/100 of a percent): 0.5 → 5000, 5 % → 500. */
export function basisPointsFromFraction(fraction: number): number {
  return Math.round(fraction * 10_000);
}

/** `amount × bp / 10000`, rounded down to the kopeck, in integer arithmetic. */
export function applyBasisPoints(kopecks: number, basisPoints: number): number {
  return Number((BigInt(kopecks) * BigInt(basisPoints)) / 10_000n);
}

/** Money for people lives with the other `Intl` formatting. */
export { formatRoubles } from './i18n/numbers.js';
