import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import { createCore } from './create-core.js';
import { BACKUP_FOLDER } from './ledger/backup.js';
import { DATABASE_FILE } from './ledger/database.js';
import { VERIFIED_CLOSE_FILE } from './ledger/verified-close.js';
import { memorySettingsStore } from './settings/settings-store.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("the core's close when the computer's session ends (closeAtOnce)", () => {
  it('commits the payment waiting for its group commit, checkpoints the WAL into till.db and closes the database — without a backup', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-session-end-'));
    folders.push(dataDir);
    // The group commit held open: a payment is waiting for it when the session ends.
    const core = createCore({ dataDir, settingsStore: memorySettingsStore(DEFAULT_SETTINGS), deferCommit: () => undefined });
    const committed = core.loyalty.groupCommit.run(core.events, () => core.db.prepare("INSERT INTO meta (key, value) VALUES ('waiting-payment', 'paid')").run());
    core.db.prepare("INSERT INTO meta (key, value) VALUES ('earlier', 'written')").run();
    const wal = path.join(dataDir, `${DATABASE_FILE}-wal`);
    expect(statSync(wal).size).toBeGreaterThan(0);

    const providerClosed = core.closeAtOnce();
    // All of it done before the call returned: Windows may end the process right after.
    expect(core.db.open).toBe(false);
    await expect(committed).resolves.toBeDefined();
    await providerClosed;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);

    const reopened = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = reopened.prepare("SELECT key, value FROM meta WHERE key IN ('waiting-payment', 'earlier') ORDER BY key").all();
      expect(rows).toEqual([
        { key: 'earlier', value: 'written' },
        { key: 'waiting-payment', value: 'paid' },
      ]);
    } finally {
      reopened.close();
    }
    // No shutdown backup, so no note of a verified close: the next start checks the whole file.
    const backups = existsSync(path.join(dataDir, BACKUP_FOLDER)) ? readdirSync(path.join(dataDir, BACKUP_FOLDER)) : [];
    expect(backups.filter((name) => name.includes('shutdown'))).toEqual([]);
    expect(existsSync(path.join(dataDir, VERIFIED_CLOSE_FILE))).toBe(false);
    // A second call (a quit's close after it) finds the database closed and leaves it so.
    await core.closeAtOnce();
    expect(core.db.open).toBe(false);
  });
});
