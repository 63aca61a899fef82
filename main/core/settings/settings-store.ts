import type { Settings } from '../../../shared/settings/schema.js';

/**
 * Where settings are kept: electron-store in the desktop app, `settings.json` through node:fs in
 * headless mode (fileSettingsStore), memory in tests. A store only loads and saves whole, valid settings; the SettingsService decides what is valid.
 */
export interface SettingsStore {
  load(): Settings;
  save(settings: Settings): void;
  /** Where the file is, for the README and the dashboard ("" when nothing is written). */
  readonly location: string;
}

export function memorySettingsStore(initial?: Settings): SettingsStore & { saved: Settings[] } {
  let current: Settings | undefined = initial;
  const saved: Settings[] = [];
  return {
    location: '',
    saved,
    load: () => structuredClone(current ?? (undefined as unknown as Settings)),
    save: (settings) => {
      current = structuredClone(settings);
      saved.push(current);
    },
  };
}
