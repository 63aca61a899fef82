import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAdminPassword } from './core/settings/admin-password.js';
import { parseHeadlessArgs } from './headless-args.js';

describe('the headless host’s admin password', () => {
  it('is never taken from the command line', () => {
    expect(() => parseHeadlessArgs(['--admin-password', 'secret'], {})).toThrow(/--admin-password-file .*GMB_ADMIN_PASSWORD/);
    expect(() => parseHeadlessArgs(['--admin-password=secret'], {})).toThrow(/ps/);
  });

  it('comes from a file (its first line) or from GMB_ADMIN_PASSWORD, kept only as a hash', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gmb-args-'));
    try {
      const file = path.join(dir, 'admin-password');
      writeFileSync(file, 'из-файла\n');
      const fromFile = parseHeadlessArgs(['--admin-password-file', file], { GMB_ADMIN_PASSWORD: 'ignored' }).overrides.adminPasswordHash ?? '';
      expect(await checkAdminPassword('из-файла', fromFile)).toBe(true);
      const fromEnv = parseHeadlessArgs([], { GMB_ADMIN_PASSWORD: 'из-окружения' }).overrides.adminPasswordHash ?? '';
      expect(await checkAdminPassword('из-окружения', fromEnv)).toBe(true);
      expect(parseHeadlessArgs([], {}).overrides.adminPasswordHash).toBeUndefined();
      writeFileSync(file, '\n');
      expect(() => parseHeadlessArgs(['--admin-password-file', file], {})).toThrow(/empty/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
