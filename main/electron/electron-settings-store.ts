import ElectronStore from 'electron-store';
import type { SettingsStore } from '../core/settings/settings-store.js';
import { settingsFileOptions, storeBackedSettings } from './store-backed-settings.js';

export function electronSettingsStore(dataDir: string): SettingsStore {
  return storeBackedSettings(new ElectronStore<Record<string, unknown>>(settingsFileOptions(dataDir)));
}
