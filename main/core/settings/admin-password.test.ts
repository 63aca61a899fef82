import { describe, expect, it } from 'vitest';
import { checkAdminPassword, hashAdminPassword } from './admin-password.js';

describe('the admin password', () => {
  it('is checked against its salted hash', async () => {
    const stored = hashAdminPassword('кассир-2026');
    expect(stored).not.toContain('кассир');
    expect(await checkAdminPassword('кассир-2026', stored)).toBe(true);
    expect(await checkAdminPassword('кассир-2027', stored)).toBe(false);
    expect(await checkAdminPassword('кассир-2026', 'garbage')).toBe(false);
  });
});
