import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_NAME } from '../core/data-dir.js';
import { APP_ID, PRODUCT_NAME } from './app-identity.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('the installer configuration (electron-builder.yml)', () => {
  let config: Awaited<ReturnType<typeof getConfig>>;
  beforeAll(async () => {
    config = await getConfig(root, null, null);
  });

  it('passes electron-builder’s own schema and names the app as setAppUserModelId does', async () => {
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
  });

  it('keeps the till’s data on uninstall and installs per machine', () => {
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
    expect(config.nsis?.perMachine).toBe(true);
    expect(JSON.stringify(config.win)).toContain('nsis');
    expect(JSON.stringify(config.linux)).toContain('AppImage');
    expect(JSON.stringify(config.files)).toContain('"dist/**/*"');
    expect(JSON.stringify(config.files)).toContain('"assets/**/*"');
  });

  it('uses the product name Electron turns into the userData folder the headless host also defaults to', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { productName: string; main: string };
    expect(pkg.productName).toBe(APP_NAME);
    expect(pkg.main).toBe('dist/main/electron/main.js');
  });
});
