import { describe, expect, it } from 'vitest';
import { AdminPasswordGate, checkAdminPassword, hashAdminPassword } from './admin-password.js';

describe('the admin password', () => {
  it('is checked against its salted hash', async () => {
    const stored = hashAdminPassword('кассир-2026');
    expect(stored).not.toContain('кассир');
    expect(await checkAdminPassword('кассир-2026', stored)).toBe(true);
    expect(await checkAdminPassword('кассир-2027', stored)).toBe(false);
    expect(await checkAdminPassword('кассир-2026', 'garbage')).toBe(false);
  });

  it('locks out an address after repeated wrong guesses, without checking more of them', async () => {
    const stored = hashAdminPassword('right');
    const gate = new AdminPasswordGate({ failures: 3, windowMs: 60_000, maxAddresses: 10 });
    for (let i = 0; i < 3; i += 1) expect(await gate.check('192.0.2.7', `guess-${i}`, stored, 1_000)).toBe('wrong');
    expect(await gate.check('192.0.2.7', 'right', stored, 2_000)).toBe('locked');
    expect(await gate.check('192.0.2.8', 'right', stored, 2_000)).toBe('ok');
    expect(await gate.check('192.0.2.7', 'right', stored, 62_000)).toBe('ok');
  });

  it('remembers the credential that passed, for the current hash only', async () => {
    const stored = hashAdminPassword('right');
    let checks = 0;
    const counted = (password: string, hash: string) => {
      checks += 1;
      return checkAdminPassword(password, hash);
    };
    const gate = new AdminPasswordGate({ failures: 10, windowMs: 60_000, maxAddresses: 10 }, counted);
    for (let i = 0; i < 5; i += 1) expect(await gate.check('192.0.2.7', 'right', stored, 0)).toBe('ok');
    expect(checks).toBe(1);
    expect(await gate.check('192.0.2.7', 'right', hashAdminPassword('changed'), 0)).toBe('wrong');
    expect(checks).toBe(2);
  });
});
