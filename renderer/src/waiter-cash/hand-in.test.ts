import { describe, expect, it } from 'vitest';
import { handInAmount, newIdempotencyKey } from './hand-in.js';

describe('hand-in', () => {
  it('accepts the whole debt or a part of it, to the kopeck', () => {
    expect(handInAmount('1700', 170_000)).toBe(170_000);
    expect(handInAmount('1000,50', 170_000)).toBe(100_050);
    expect(handInAmount('0,01', 1)).toBe(1);
  });

  it('refuses nothing, more than the debt, and what is not a sum', () => {
    expect(handInAmount('0', 170_000)).toBeNull();
    expect(handInAmount('1700,01', 170_000)).toBeNull();
    expect(handInAmount('сто', 170_000)).toBeNull();
  });

  it('makes a new key each time, from 16 random bytes', () => {
    expect(newIdempotencyKey(() => new Uint8Array(16).fill(171))).toBe(`hand-in-${'ab'.repeat(16)}`);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
    expect(newIdempotencyKey()).toMatch(/^hand-in-[0-9a-f]{32}$/);
    expect(newIdempotencyKey(undefined, 'shift-close')).toMatch(/^shift-close-[0-9a-f]{32}$/);
  });
});
