import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSettings } from '../../../shared/settings/migrations.js';
import { DEFAULT_SETTINGS } from '../../../shared/settings/schema.js';
import { fileSettingsStore } from './file-settings-store.js';
import { SettingsService } from './settings-service.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function handEdited(settings: Record<string, unknown>): string {
  dir = mkdtempSync(path.join(tmpdir(), 'gmb-hand-edit-'));
  const file = path.join(dir, 'settings.json');
  writeFileSync(file, JSON.stringify(settings));
  return file;
}

describe('a hand-edited settings.json (README: deliveriesInFlight is set in settings.json)', () => {
  it('resets only the value that is out of range, keeps the cloud key and account, and keeps the file as it was aside', () => {
    const file = handEdited({
      schemaVersion: 4,
      provider: 'cloud',
      cloud: { accountUrl: 'https://cafe.getmeback.ru', apiKey: 'live-key-1234', deliveriesInFlight: 20 },
      server: { port: 3100, allowedRanges: ['192.168.0.21', '10.0.0.0/8'] },
    });
    const original = readFileSync(file, 'utf8');
    // What every start does: load, migrate, save what was loaded.
    const service = new SettingsService(fileSettingsStore(dir));
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { cloud: { apiKey: string; accountUrl: string; deliveriesInFlight: number }; server: { port: number } };
    expect({ inForce: service.get().cloud.apiKey, onDisk: onDisk.cloud.apiKey }).toEqual({ inForce: 'live-key-1234', onDisk: 'live-key-1234' });
    expect(onDisk.cloud.accountUrl).toBe('https://cafe.getmeback.ru');
    expect(onDisk.cloud.deliveriesInFlight).toBe(DEFAULT_SETTINGS.cloud.deliveriesInFlight);
    expect(service.get().server.port).toBe(3100);
    expect(service.get().server.allowedRanges).toEqual(['192.168.0.21', '10.0.0.0/8']);
    const aside = readdirSync(dir).filter((name) => name.startsWith('settings.json.broken-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toBe(original);
  });

  it('leaves a whole file alone: nothing kept aside', () => {
    handEdited({ schemaVersion: 4, server: { port: 3100 } });
    expect(new SettingsService(fileSettingsStore(dir)).get().server.port).toBe(3100);
    expect(readdirSync(dir).filter((name) => name.includes('broken'))).toEqual([]);
  });

  it('a quoted "true" under cloud resets that flag and the address it allowed, not the whole section with its key', () => {
    const reset: string[][] = [];
    const settings = migrateSettings(
      { schemaVersion: 4, provider: 'cloud', cloud: { accountUrl: 'https://bonus.reseller.example', anyHost: 'true', apiKey: 'live-key-1234', branchId: 'branch-7', refunds: 'send' } },
      (paths) => reset.push(paths),
    );
    // The section's own check (the address needs «Любой адрес облака») runs only once its fields parse: it starts at its own leaf too.
    expect(reset).toEqual([['cloud.anyHost', 'cloud.accountUrl']]);
    expect(settings.cloud).toMatchObject({ accountUrl: '', anyHost: false, apiKey: 'live-key-1234', branchId: 'branch-7', refunds: 'send' });
  });
});
