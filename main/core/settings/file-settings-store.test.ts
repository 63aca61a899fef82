import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings/schema.js';
import { fileSettingsStore } from './file-settings-store.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('fileSettingsStore', () => {
  it('keeps settings across a restart in <dataDir>/settings.json, readable by the till’s user only', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-settings-'));
    const store = fileSettingsStore(dir);
    store.save({ ...DEFAULT_SETTINGS, language: 'en', cloud: { ...DEFAULT_SETTINGS.cloud, apiKey: 'secret-key-123' } });
    expect(store.location).toBe(path.join(dir, 'settings.json'));
    expect(statSync(store.location).mode & 0o777).toBe(0o600);
    const again = fileSettingsStore(dir).load();
    expect(again.language).toBe('en');
    expect(again.cloud.apiKey).toBe('secret-key-123');
  });

  it('leaves a file that already holds what is saved alone (every start saves what it loaded), and writes a change', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-settings-'));
    const store = fileSettingsStore(dir);
    store.save({ ...DEFAULT_SETTINGS, language: 'en' });
    const written = statSync(store.location);
    // A start: the service saves the settings it loaded, unchanged.
    store.save(store.load());
    expect(statSync(store.location).ino).toBe(written.ino);
    expect(statSync(store.location).mtimeMs).toBe(written.mtimeMs);
    store.save({ ...store.load(), language: 'ru' });
    expect(statSync(store.location).ino).not.toBe(written.ino);
    expect(fileSettingsStore(dir).load().language).toBe('ru');
  });

  it('starts from the defaults without a file, and writes none until something is saved', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-settings-'));
    const store = fileSettingsStore(dir);
    expect(store.load()).toEqual(DEFAULT_SETTINGS);
    expect(existsSync(store.location)).toBe(false);
  });

  it('refuses a file that is not a JSON object and leaves it as it is', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-settings-'));
    const file = path.join(dir, 'settings.json');
    for (const text of ['{ "language": "en", ', '[1, 2]']) {
      writeFileSync(file, text);
      expect(() => fileSettingsStore(dir).load()).toThrow();
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  });

  it('keeps electron-store’s own bookkeeping in the file and never reads it as a setting', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-settings-'));
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 2, language: 'en', __internal__: { migrations: { version: '0.1.0' } } }));
    const store = fileSettingsStore(dir);
    expect(store.load().language).toBe('en');
    store.save({ ...store.load(), language: 'ru' });
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(onDisk.__internal__).toEqual({ migrations: { version: '0.1.0' } });
    expect(onDisk.language).toBe('ru');
  });
});
