import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('the per-address token bucket', () => {
  it('allows a burst, then refuses with the seconds to wait, then refills at the rate', () => {
    const limiter = new RateLimiter({ perSecond: 2, burst: 4, maxClients: 100 });
    const answers = Array.from({ length: 5 }, () => limiter.take('10.0.0.1', 0));
    expect(answers).toEqual([0, 0, 0, 0, 1]);
    expect(limiter.take('10.0.0.1', 400)).toBe(1);
    expect(limiter.take('10.0.0.1', 500)).toBe(0);
    expect(limiter.take('10.0.0.1', 500)).toBe(1);
  });

  it('gives a slow rate a longer Retry-After', () => {
    const limiter = new RateLimiter({ perSecond: 0.2, burst: 1, maxClients: 100 });
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 0)).toBe(5);
  });

  it('keeps each address to its own bucket', () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1, maxClients: 100 });
    expect(limiter.take('10.0.0.1', 0)).toBe(0);
    expect(limiter.take('10.0.0.1', 0)).toBe(1);
    expect(limiter.take('10.0.0.2', 0)).toBe(0);
  });

  it('forgets idle clients and never remembers more than maxClients', () => {
    const limiter = new RateLimiter({ perSecond: 10, burst: 10, maxClients: 50 });
    for (let i = 0; i < 10_000; i += 1) limiter.take(`10.0.${i >> 8}.${i & 255}`, i / 1000);
    expect(limiter.clients).toBe(50);
    limiter.take('10.9.9.9', 10_000 + 2_000);
    expect(limiter.clients).toBe(1);
  });

  it('does not forget a busy client while others come and go', () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 3, maxClients: 5 });
    for (let i = 0; i < 3; i += 1) limiter.take('busy', 0);
    for (let i = 0; i < 4; i += 1) limiter.take(`other-${i}`, 0);
    expect(limiter.take('busy', 0)).toBe(1);
  });
});
