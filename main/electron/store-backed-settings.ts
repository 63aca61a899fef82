import { migrateSettings } from '../../shared/settings/migrations.js';
import type { Settings } from '../../shared/settings/schema.js';
import type { SettingsStore } from '../core/settings/settings-store.js';

/** What electron-store and `conf` both are: one JSON object, read and replaced whole, in a file. */
export interface JsonFileStore {
  store: Record<string, unknown>;
  readonly path: string;
}

/**
 * The core's settings port over an electron-store file. Whatever the file holds (an older version,
 * a hand-edited value) goes through the shared migrations on load, exactly as the headless host
 * does with `conf`, so both hosts read one `settings.json` the same way.
 */
export function storeBackedSettings(file: JsonFileStore): SettingsStore {
  return {
    location: file.path,
    load: () => migrateSettings(file.store),
    save: (settings: Settings) => {
      file.store = settings as unknown as Record<string, unknown>;
    },
  };
}
