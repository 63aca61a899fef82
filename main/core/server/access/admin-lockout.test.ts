import { describe, expect, it } from 'vitest';
import { ADMIN_LOCKOUT, AdminLockout, addressKey } from './admin-lockout.js';

const MINUTE = 60_000;

/** A password check that takes as long as the test says, like scrypt off the event loop. */
function slowCheck(right: boolean) {
  let release = () => {};
  const done = new Promise<void>((resolve) => (release = resolve));
  return { verify: () => done.then(() => right), release: () => release() };
}

describe('the admin lockout (production limits: 10 failures, 5 minutes)', () => {
  it('locks from the 10th failure for 5 minutes from that failure, not from the first', async () => {
    let now = 0;
    const lockout = new AdminLockout();
    for (let i = 1; i <= 9; i += 1) {
      now = i * 25_000; // spread over almost 4 minutes
      expect(await lockout.attempt('192.168.0.50', () => now, async () => false)).toBe('wrong');
    }
    now = 4 * MINUTE;
    expect(await lockout.attempt('192.168.0.50', () => now, async () => false)).toBe('wrong');
    let checked = 0;
    const right = async () => {
      checked += 1;
      return true;
    };
    now = 4 * MINUTE + 4 * MINUTE + 59_000;
    expect(await lockout.attempt('192.168.0.50', () => now, right)).toBe('locked');
    expect(checked).toBe(0);
    now = 4 * MINUTE + 5 * MINUTE;
    expect(await lockout.attempt('192.168.0.50', () => now, right)).toBe('ok');
  });

  it('counts an attempt before the check: parallel guesses from one address get one check', async () => {
    const lockout = new AdminLockout();
    const first = slowCheck(true);
    let started = 0;
    const guesses = Array.from({ length: 100 }, (_, i) =>
      lockout.attempt('192.168.0.50', () => 0, () => {
        started += 1;
        return i === 0 ? first.verify() : Promise.resolve(false);
      }),
    );
    first.release();
    const verdicts = await Promise.all(guesses);
    expect(started).toBe(1);
    expect(verdicts.filter((v) => v === 'busy')).toHaveLength(99);
    expect(verdicts[0]).toBe('ok');
  });

  it('counts IPv6 by /64, so rotating addresses inside one network does not help', async () => {
    const lockout = new AdminLockout();
    for (let i = 1; i <= 10; i += 1) expect(await lockout.attempt(`2001:db8:1:2::${i.toString(16)}`, () => 0, async () => false)).toBe('wrong');
    expect(await lockout.attempt('2001:db8:1:2:ffff::1', () => 0, async () => true)).toBe('locked');
    expect(await lockout.attempt('2001:db8:1:3::1', () => 0, async () => true)).toBe('ok');
    expect(addressKey('::ffff:192.168.0.5')).toBe('192.168.0.5');
  });

  it('keeps a global budget: past 100 failures in 5 minutes from anyone, nothing more is checked', async () => {
    const lockout = new AdminLockout();
    for (let i = 0; i < 100; i += 1) expect(await lockout.attempt(`10.1.${i >> 8}.${i & 255}`, () => 1_000, async () => false)).toBe('wrong');
    expect(await lockout.attempt('10.2.0.1', () => 1_000, async () => true)).toBe('budget');
    expect(await lockout.attempt('10.2.0.1', () => 1_000 + 5 * MINUTE, async () => true)).toBe('ok');
  });

  it('never forgets a locked address early, however many others come', async () => {
    const lockout = new AdminLockout({ ...ADMIN_LOCKOUT, maxAddresses: 50, globalFailures: 1_000_000 });
    for (let i = 0; i < 10; i += 1) await lockout.attempt('192.168.0.66', () => 0, async () => false);
    for (let i = 0; i < 5_000; i += 1) await lockout.attempt(`10.3.${i >> 8}.${i & 255}`, () => 1, async () => false);
    expect(lockout.size).toBeLessThanOrEqual(51);
    expect(await lockout.attempt('192.168.0.66', () => 2, async () => true)).toBe('locked');
  });
});
