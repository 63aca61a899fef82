import { migrateSettings } from '../../shared/settings/migrations.js';
import type { Settings } from '../../shared/settings/schema.js';
import type { SettingsStore } from '../core/settings/settings-store.js';
import { keepHandEditAside } from '../core/settings/file-settings-store.js';

/**
 * electron-store's options for the desktop app's settings: `<dataDir>/settings.json`, the file the
 * headless host's `conf` store uses too. A file that is not JSON stops the start rather than being
 * silently replaced with defaults (the manager's settings would be lost without a word).
 */
export function settingsFileOptions(dataDir: string): { cwd: string; name: string; clearInvalidConfig: false; configFileMode: number } {
  // The file holds the cloud API key: readable by the till's own user only.
  return { cwd: dataDir, name: 'settings', clearInvalidConfig: false, configFileMode: 0o600 };
}

/** What electron-store and `conf` both are: one JSON object, read and replaced whole, in a file. */
export interface JsonFileStore {
  store: Record<string, unknown>;
  readonly path: string;
}

/**
 * The core's settings port over an electron-store file. Whatever the file holds (an older version,
 * a hand-edited value) goes through the shared migrations on load, exactly as the headless host
 * does (fileSettingsStore), so both hosts read one `settings.json` the same way.
 */
export function storeBackedSettings(file: JsonFileStore): SettingsStore {
  return {
    location: file.path,
    load: () => migrateSettings(file.store, () => keepHandEditAside(file.path)),
    save: (settings: Settings) => {
      file.store = settings as unknown as Record<string, unknown>;
    },
  };
}
