import { networkOf, parseAddress } from '../middleware/cidr.js';

export interface AdminLockoutLimits {
  /** Failures from one address (IPv6: one /64) that lock it. */
  failures: number;
  /** How long the lock lasts, from the failure that set it. */
  lockMs: number;
  /** Failures older than this (since the address's last failure) are forgotten. */
  windowMs: number;
  /** Failures from all addresses together within `windowMs` before every LAN login waits. */
  globalFailures: number;
  /** Addresses remembered; only unlocked, idle ones are ever forgotten to stay under it. */
  maxAddresses: number;
}

/** Production: 10 failures lock an address for 5 minutes; 100 failures in 5 minutes lock the LAN out. */
export const ADMIN_LOCKOUT: AdminLockoutLimits = { failures: 10, lockMs: 5 * 60_000, windowMs: 5 * 60_000, globalFailures: 100, maxAddresses: 10_000 };

export type LoginVerdict = 'ok' | 'wrong' | 'locked' | 'busy' | 'budget';

interface Entry {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
  checking: boolean;
}

/**
 * Password guessing from the LAN, stopped before scrypt runs:
 * - an attempt is counted as a failure *before* the password is checked (and forgiven if right),
 *   and an address has one check at a time: 100 parallel guesses get one check, 99 × "busy";
 * - the 10th failure locks the address for 5 minutes from that failure;
 * - IPv6 addresses are counted by their /64 (one host owns millions of addresses);
 * - a locked address is never forgotten before its lock ends, however many others come;
 * - a global budget: past 100 failures in 5 minutes from everyone, no LAN login is checked until
 *   the window passes (the till itself never needs the password).
 */
export class AdminLockout {
  private readonly entries = new Map<string, Entry>();
  /** Times of recent failures from anyone, oldest first, at most `globalFailures`. */
  private recent: number[] = [];

  constructor(private readonly limits: AdminLockoutLimits = ADMIN_LOCKOUT) {}

  async attempt(address: string, nowMs: () => number, verify: () => Promise<boolean>): Promise<LoginVerdict> {
    const key = addressKey(address);
    const now = nowMs();
    const entry = this.entries.get(key) ?? { failures: 0, lastFailureAt: -Infinity, lockedUntil: -Infinity, checking: false };
    if (entry.lockedUntil > now) return 'locked';
    if (entry.checking) return 'busy';
    this.recent = this.recent.filter((at) => now - at < this.limits.windowMs);
    if (this.recent.length >= this.limits.globalFailures) return 'budget';

    // Counted before scrypt starts: a guess that has not finished yet already uses up a try.
    if (now - entry.lastFailureAt >= this.limits.windowMs) entry.failures = 0;
    entry.failures += 1;
    entry.lastFailureAt = now;
    if (entry.failures >= this.limits.failures) entry.lockedUntil = now + this.limits.lockMs;
    entry.checking = true;
    this.recent.push(now);
    this.remember(key, entry, now);
    let right = false;
    try {
      right = await verify();
    } finally {
      entry.checking = false;
    }
    if (!right) return 'wrong';
    this.entries.delete(key);
    this.recent.splice(this.recent.lastIndexOf(now), 1);
    return 'ok';
  }

  /** Addresses remembered (for tests and the bound). */
  get size(): number {
    return this.entries.size;
  }

  private remember(key: string, entry: Entry, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size <= this.limits.maxAddresses) return;
    for (const [other, value] of this.entries) {
      if (this.entries.size <= this.limits.maxAddresses) break;
      if (value.lockedUntil > now || value.checking) continue;
      this.entries.delete(other);
    }
  }
}

/** IPv4 by address; IPv6 by its /64 (what one host or one home network gets). */
export function addressKey(address: string): string {
  const parsed = parseAddress(address);
  if (!parsed) return address;
  if (parsed.family === 4) return parsed.text;
  return `${networkOf(parsed, 64)}/64`;
}
