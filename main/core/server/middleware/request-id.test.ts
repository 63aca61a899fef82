import { describe, expect, it } from 'vitest';
import { requestIds } from './request-context.js';

describe('requestIds', () => {
  it('gives 8 hex digits each time, random, past the end of one pool of random bytes', () => {
    const nextId = requestIds();
    const ids = Array.from({ length: 3000 }, () => nextId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}$/);
    // 3 000 draws of 32 random bits: a repeat is a one-in-a-thousand event, a few would be a broken pool.
    expect(new Set(ids).size).toBeGreaterThan(2995);
    expect(new Set(ids.slice(1024, 2048)).size).toBeGreaterThan(1020);
    expect(ids.slice(1024, 1034)).not.toEqual(ids.slice(0, 10));
  });

  it('draws each generator from its own pool', () => {
    const first = requestIds();
    const second = requestIds();
    expect(Array.from({ length: 8 }, () => first())).not.toEqual(Array.from({ length: 8 }, () => second()));
  });
});
