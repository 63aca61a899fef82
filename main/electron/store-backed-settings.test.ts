import Conf from 'conf';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import { fileSettingsStore } from '../core/settings/file-settings-store.js';
import { SettingsService } from '../core/settings/settings-service.js';
import { settingsFileOptions, storeBackedSettings } from './store-backed-settings.js';
import { temporaryFolders } from '../core/testing/temporary-folders.js';

/**
 * electron-store cannot be imported outside Electron. It is `conf` with its `name` passed on as
 * `configName` and the app's version as `projectVersion`; this opens the same, with the app's options.
 */
function electronLikeStore(dataDir: string) {
  const { name, ...options } = settingsFileOptions(dataDir);
  return new Conf<Record<string, unknown>>({ ...options, configName: name, projectVersion: '0.1.0' });
}

const dataDir = temporaryFolders('settings');

describe('storeBackedSettings (the desktop app’s electron-store settings)', () => {
  it('keeps settings in <dataDir>/settings.json and starts from the defaults', () => {
    const dir = dataDir();
    const store = storeBackedSettings(electronLikeStore(dir));
    expect(store.location).toBe(path.join(dir, 'settings.json'));
    expect(store.load()).toEqual(DEFAULT_SETTINGS);
  });

  it('brings a version-1 file to the current shape and writes it back once the core opens it', () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ port: 3100, path: '/Loyalty', moneyToBeAccountedForByWaiter: false, language: 'en' }));
    const service = new SettingsService(storeBackedSettings(electronLikeStore(dir)));
    expect(service.get().server).toMatchObject({ port: 3100, path: '/Loyalty' });
    expect(service.get().cashToWaiter).toBe(false);
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk.schemaVersion).toBe(4);
    expect(onDisk.port).toBeUndefined();
    expect(onDisk.server).toMatchObject({ port: 3100, path: '/Loyalty' });
  });

  it('keeps the valid parts of a hand-edited file and resets only the broken one', () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 2, language: 'en', bonusPaymentTypeId: 'not-a-uuid', notifications: { debtThreshold: 100 } }));
    const loaded = storeBackedSettings(electronLikeStore(dir)).load();
    expect(loaded.language).toBe('en');
    expect(loaded.bonusPaymentTypeId).toBe('');
    expect(loaded.notifications.debtThreshold).toBe(100);
  });

  it('reads and writes the very file the headless host uses, so both hosts share one set of settings', () => {
    const dir = dataDir();
    const headless = new SettingsService(fileSettingsStore(dir));
    headless.update({ language: 'en', notifications: { debtThreshold: 250_000 } });
    const desktop = new SettingsService(storeBackedSettings(electronLikeStore(dir)));
    expect(desktop.location).toBe(headless.location);
    expect(desktop.get().language).toBe('en');
    expect(desktop.get().notifications.debtThreshold).toBe(250_000);
    desktop.update({ autostart: true });
    expect(new SettingsService(fileSettingsStore(dir)).get().autostart).toBe(true);
  });

  it('refuses to start on a file that is not JSON instead of silently replacing it with defaults', () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, 'settings.json'), '{ "language": "en", ');
    expect(() => storeBackedSettings(electronLikeStore(dir))).toThrow();
    expect(readFileSync(path.join(dir, 'settings.json'), 'utf8')).toBe('{ "language": "en", ');
  });
});
