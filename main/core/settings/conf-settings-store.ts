import Conf from 'conf';
import { migrateSettings } from '../../../shared/settings/migrations.js';
import type { Settings } from '../../../shared/settings/schema.js';
import type { SettingsStore } from './settings-store.js';

/**
 * Settings of the headless host in `<dataDir>/settings.json`, through `conf` — the library
 * electron-store is built on, so both hosts write the same file format with the same migrations.
 */
export function confSettingsStore(dataDir: string): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'getmeback-till',
    clearInvalidConfig: false,
    // The file holds the cloud API key: readable by the till's own user only.
    configFileMode: 0o600,
  });
  return {
    location: conf.path,
    load: () => migrateSettings(conf.store),
    save: (settings: Settings) => {
      conf.store = settings as unknown as Record<string, unknown>;
    },
  };
}
