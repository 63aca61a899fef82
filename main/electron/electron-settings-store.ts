import ElectronStore from 'electron-store';
import type { SettingsStore } from '../core/settings/settings-store.js';
import { storeBackedSettings } from './store-backed-settings.js';

/**
 * The desktop app's settings: `<dataDir>/settings.json`, the file the headless host's `conf` store
 * uses too. A file that is not JSON stops the start rather than being silently replaced with defaults.
 */
export function electronSettingsStore(dataDir: string): SettingsStore {
  return storeBackedSettings(new ElectronStore<Record<string, unknown>>({ cwd: dataDir, name: 'settings', clearInvalidConfig: false }));
}
