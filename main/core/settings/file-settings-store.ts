import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { migrateSettings } from '../../../shared/settings/migrations.js';
import type { Settings } from '../../../shared/settings/schema.js';
import type { SettingsStore } from './settings-store.js';

/** electron-store's (conf's) own bookkeeping in the same file: kept as it is, never read as a setting. */
const ELECTRON_STORE_KEY = '__internal__';

/**
 * Settings of the headless host in `<dataDir>/settings.json`: the file the desktop app's
 * electron-store reads and writes (one JSON object, tab-indented), with the same migrations.
 * Plain node:fs rather than `conf`: loading conf and its JSON-schema compiler was the largest part
 * of the headless host's cold start (issue 19, --cpu-prof), and the till gives it no schema.
 * A file that is not JSON stops the start (nothing is replaced by defaults); a save is written to a
 * temporary file, flushed and renamed over the old one, so a power cut leaves the old or the new.
 */
export function fileSettingsStore(dataDir: string): SettingsStore {
  const location = path.join(dataDir, 'settings.json');
  const objectOf = (text: string): Record<string, unknown> => {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${location} does not hold a JSON object`);
    return parsed as Record<string, unknown>;
  };
  const read = (): Record<string, unknown> => (existsSync(location) ? objectOf(readFileSync(location, 'utf8')) : {});
  return {
    location,
    load: () => {
      const stored = Object.entries(read()).filter(([key]) => key !== ELECTRON_STORE_KEY);
      return migrateSettings(Object.fromEntries(stored), () => keepHandEditAside(location));
    },
    save: (settings: Settings) => {
      mkdirSync(dataDir, { recursive: true });
      const current = existsSync(location) ? readFileSync(location, 'utf8') : null;
      const bookkeeping = current === null ? undefined : objectOf(current)[ELECTRON_STORE_KEY];
      const data = bookkeeping === undefined ? settings : { ...settings, [ELECTRON_STORE_KEY]: bookkeeping };
      const text = JSON.stringify(data, undefined, '\t');
      // Every start saves what it loaded: a file already so is left alone (no write, no fsync at start).
      if (text === current) return;
      const temporary = `${location}.${process.pid}.tmp`;
      // The file holds the cloud API key: readable by the till's own user only.
      const fd = openSync(temporary, 'w', 0o600);
      try {
        writeSync(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, location);
    },
  };
}

/**
 * The file as it was, before a start saves it with a broken value reset to its default: kept beside
 * it as `settings.json.broken-<time>` (readable by the till's user only, as the file is), so that
 * a hand edit that went wrong can be seen and typed again.
 */
export function keepHandEditAside(location: string, at = new Date()): void {
  if (!existsSync(location)) return;
  copyFileSync(location, `${location}.broken-${at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`);
}
