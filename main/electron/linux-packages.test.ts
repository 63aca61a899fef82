import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The Linux packages (issue 18, item 5), proven on the configuration electron-builder itself reads
 * and validates (building a deb needs fpm and Electron's zip, which this machine has not).
 */
describe('electron-builder.yml’s Linux packages', () => {
  let config: Awaited<ReturnType<typeof getConfig>>;
  beforeAll(async () => {
    config = await getConfig(root, null, null);
    await validateConfiguration(config, new DebugLogger(false));
  });

  it('builds a deb (with electron-builder’s AppArmor profile option) beside the AppImage', () => {
    const targets = [config.linux?.target].flat().map((target) => (typeof target === 'string' ? target : target?.target));
    expect(targets).toEqual(['deb', 'AppImage']);
    expect(config.deb?.appArmorProfile).toBe('assets/linux/apparmor-profile.tpl');
  });

  it('gives fpm what a deb must have: a maintainer with an address, and the project’s homepage', () => {
    expect(config.deb?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { homepage?: string };
    expect(pkg.homepage).toMatch(/^https:\/\//);
  });

  it('ships a profile that lets only the installed binary create user namespaces (Chromium’s sandbox on Ubuntu 24.04)', () => {
    const profile = readFileSync(path.join(root, 'assets/linux/apparmor-profile.tpl'), 'utf8');
    const rules = profile.split('\n').filter((line) => !line.trim().startsWith('#'));
    // abi 4.0: the package's script installs it only where AppArmor understands it (24.04+).
    expect(rules[0]).toBe('abi <abi/4.0>,');
    const header = rules.find((line) => line.startsWith('profile '));
    expect(header).toBe('profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined) {');
    expect(rules.map((line) => line.trim())).toContain('userns,');
    // The template is electron-builder's input, never packed into the app.
    expect(JSON.stringify(config.files)).toContain('"!assets/linux/**"');
  });

  it('builds the AppImage with the static runtime (no libfuse2 needed), not the legacy FUSE2 one', () => {
    const appimage = (config as { toolsets?: { appimage?: string | null } }).toolsets?.appimage;
    expect(appimage).toMatch(/^1\.\d+\.\d+$/);
  });
});
