import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * `npm run dist` cannot run here (it needs Electron's zip), so the packing of SQLite's native module
 * is proven on the configuration electron-builder itself reads: nothing is rebuilt, and every
 * prebuild better-sqlite3 ships lands outside app.asar, where Electron can load it.
 */
describe('electron-builder.yml packs better-sqlite3’s Node-API prebuilds as they are', () => {
  let config: Awaited<ReturnType<typeof getConfig>>;
  beforeAll(async () => {
    config = await getConfig(root, null, null);
    await validateConfiguration(config, new DebugLogger(false));
  });

  it('rebuilds no native module at pack (the binary npm ci installed serves Node and Electron)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('unpacks every prebuild .node file and better-sqlite3’s loader from app.asar', () => {
    const prebuilds = readdirSync(path.join(root, 'node_modules/better-sqlite3/prebuilds')).filter((name) => name.endsWith('.node'));
    expect(prebuilds).toEqual(expect.arrayContaining(['linux-x64.node', 'win32-x64.node']));
    const unpack = [config.asarUnpack ?? []].flat();
    const unpacked = (file: string) => unpack.some((pattern) => minimatch(file, pattern, { dot: true }));
    for (const name of prebuilds) expect(unpacked(`node_modules/better-sqlite3/prebuilds/${name}`), name).toBe(true);
    expect(unpacked('node_modules/better-sqlite3/lib/database.js')).toBe(true);
    expect(unpacked('dist/main/electron/main.js')).toBe(false);
    // Windows reads a toast's image itself, from the disk (toast-activation.ts, outsideAsar).
    expect(unpacked('assets/icon.png')).toBe(true);
    expect(config.asar).toBe(true);
  });

  it('packs the desktop app as built: its entry, its bundle, the preload and the dashboard, not tsc’s tree or source maps', () => {
    // electron-builder's `files` may hold strings or { filter } objects; ours are strings.
    const patterns = [config.files ?? []].flat().flatMap((entry) => (typeof entry === 'string' ? [entry] : [entry?.filter ?? []].flat()));
    expect(patterns.length).toBeGreaterThan(3);
    const packed = (file: string) =>
      patterns.reduce((chosen, pattern) => (pattern.startsWith('!') ? (minimatch(file, pattern.slice(1), { dot: true }) ? false : chosen) : minimatch(file, pattern, { dot: true }) || chosen), false);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    for (const file of [pkg.main, 'dist/main/electron/desktop-app.cjs', 'dist/main/electron/preload.cjs', 'dist/renderer/index.html', 'package.json', 'assets/icon.png']) expect(packed(file), file).toBe(true);
    for (const file of ['dist/main/core/create-core.js', 'dist/main/headless-host.cjs', 'dist/main/electron/desktop-app.cjs.map', 'dist/main/electron/desktop-app.js']) expect(packed(file), file).toBe(false);
  });

  it('hardens the packed binary with Electron’s fuses: no run-as-node, NODE_OPTIONS or inspector; app code only from a checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('publishes to a generic update folder, so the build writes latest.yml (with its sha512) for electron-updater', () => {
    const publish = [config.publish].flat()[0];
    expect(publish).toMatchObject({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) });
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    // A production dependency (packed with the app), pinned exactly.
    expect(pkg.dependencies['electron-updater']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
