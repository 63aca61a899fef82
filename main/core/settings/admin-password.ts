import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

/** The admin password is kept as a salted scrypt hash, never in clear. */
export function hashAdminPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
}

/**
 * Checks a password against the stored hash off the main thread: scrypt takes ~50 ms on purpose,
 * and a check that blocked the event loop would let anyone on the network stall the waiter API.
 */
export async function checkAdminPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await scryptAsync(password, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(expected, actual);
}

/**
 * The dashboard from another computer sends the password with every request. Remembering the last
 * credential that passed (as a digest, for the current hash only) spares a scrypt per request;
 * counting failures per address stops password guessing at a few tries a minute.
 */
export class AdminPasswordGate {
  private passed: { credential: string; stored: string } | null = null;
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly limits = { failures: 10, windowMs: 5 * 60_000, maxAddresses: 1_000 },
    private readonly verify: (password: string, stored: string) => Promise<boolean> = checkAdminPassword,
  ) {}

  /** 'ok', 'wrong', or 'locked' (too many failures from this address lately: nothing was checked). */
  async check(address: string, password: string, stored: string, nowMs: number): Promise<'ok' | 'wrong' | 'locked'> {
    const credential = createHash('sha256').update(password).digest('hex');
    if (this.passed && this.passed.stored === stored && this.passed.credential === credential) return 'ok';
    const failed = this.failures.get(address);
    if (failed && nowMs - failed.since < this.limits.windowMs && failed.count >= this.limits.failures) return 'locked';
    if (await this.verify(password, stored)) {
      this.passed = { credential, stored };
      this.failures.delete(address);
      return 'ok';
    }
    const current = failed && nowMs - failed.since < this.limits.windowMs ? failed : { count: 0, since: nowMs };
    current.count += 1;
    this.failures.delete(address);
    this.failures.set(address, current);
    if (this.failures.size > this.limits.maxAddresses) this.failures.delete(this.failures.keys().next().value as string);
    return 'wrong';
  }
}
