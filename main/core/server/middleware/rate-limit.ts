export interface RateLimitOptions {
  /** Requests a client may keep making each second. */
  perSecond: number;
  /** Requests a client may make at once after a quiet spell. */
  burst: number;
  /** Clients remembered at most; past this the least recently seen is forgotten. */
  maxClients: number;
}

/**
 * A busy restaurant's tills send a few requests a second each; 50/s with bursts of 100 per address
 * never gets in their way and still stops a runaway script or a password guesser on the LAN.
 */
export const WAITER_RATE_LIMIT: RateLimitOptions = { perSecond: 50, burst: 100, maxClients: 10_000 };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets per client address, kept in memory. A Map keeps insertion order, and a bucket is
 * re-inserted on every use, so the first entries are the least recently seen: idle ones (refilled
 * to full, so forgetting them changes nothing) are dropped from the front, and the count never
 * passes `maxClients`.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillMs: number;

  constructor(private readonly options: RateLimitOptions) {
    this.refillMs = (options.burst / options.perSecond) * 1000;
  }

  /** Takes one token for `client`: 0 when allowed, else the whole seconds to wait (Retry-After). */
  take(client: string, nowMs: number): number {
    const previous = this.buckets.get(client);
    this.buckets.delete(client);
    const elapsed = previous ? Math.max(0, nowMs - previous.at) : Infinity;
    const tokens = Math.min(this.options.burst, (previous?.tokens ?? this.options.burst) + (elapsed * this.options.perSecond) / 1000);
    const allowed = tokens >= 1;
    this.buckets.set(client, { tokens: allowed ? tokens - 1 : tokens, at: nowMs });
    this.forgetIdle(nowMs);
    return allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / this.options.perSecond));
  }

  get clients(): number {
    return this.buckets.size;
  }

  private forgetIdle(nowMs: number): void {
    for (const [client, bucket] of this.buckets) {
      if (this.buckets.size <= this.options.maxClients && nowMs - bucket.at < this.refillMs) break;
      this.buckets.delete(client);
    }
  }
}
