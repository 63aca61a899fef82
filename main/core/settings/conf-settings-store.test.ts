import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings/schema.js';
import { confSettingsStore } from './conf-settings-store.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('confSettingsStore', () => {
  it('keeps settings across a restart in <dataDir>/settings.json, readable by the till’s user only', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-settings-'));
    const store = confSettingsStore(dir);
    store.save({ ...DEFAULT_SETTINGS, language: 'en', cloud: { ...DEFAULT_SETTINGS.cloud, apiKey: 'secret-key-123' } });
    expect(store.location).toBe(path.join(dir, 'settings.json'));
    expect(statSync(store.location).mode & 0o777).toBe(0o600);
    const again = confSettingsStore(dir).load();
    expect(again.language).toBe('en');
    expect(again.cloud.apiKey).toBe('secret-key-123');
  });
});
