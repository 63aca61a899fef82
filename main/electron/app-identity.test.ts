import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_NAME } from '../core/data-dir.js';
import { UUID } from 'builder-util-runtime';
import { APP_ID, PRODUCT_NAME, TOAST_ACTIVATOR_CLSID } from './app-identity.js';

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
    // What is packed file by file: electron-builder-config.test.ts.
    expect(JSON.stringify(config.files)).toContain('"dist/main/electron/desktop-app.cjs"');
    expect(JSON.stringify(config.files)).toContain('"dist/renderer/**/*"');
    expect(JSON.stringify(config.files)).toContain('"assets/**/*"');
  });

  it('uses the product name Electron turns into the userData folder the headless host also defaults to', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { productName: string; main: string };
    expect(pkg.productName).toBe(APP_NAME);
    expect(pkg.main).toBe('dist/main/electron/main.js');
  });

  it('gives the Start-menu shortcut the AppUserModelId notifications are grouped by', () => {
    expect(config.nsis?.createStartMenuShortcut).toBe(true);
    // electron-builder's own NSIS template stamps ${APP_ID} (= appId) on the shortcut it creates.
    const template = readFileSync(path.join(root, 'node_modules/app-builder-lib/templates/nsis/include/installer.nsh'), 'utf8');
    expect(template).toContain('WinShell::SetLnkAUMI "$newStartMenuLink" "${APP_ID}"');
  });

  it('pins the installer’s GUID to the one electron-builder derives from appId (the existing installs’ uninstall key)', () => {
    expect(config.nsis?.guid).toBe(UUID.v5(APP_ID, UUID.parse('50e065bc-3134-11e6-9bab-38c9862bdaf3')));
    // The toast activator is another id: a braced CLSID, not the installer's.
    expect(TOAST_ACTIVATOR_CLSID).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
    expect(TOAST_ACTIVATOR_CLSID.toLowerCase()).not.toContain(String(config.nsis?.guid));
  });
});
