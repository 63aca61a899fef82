import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTillDatabase } from './database.js';
import { MIGRATIONS } from './schema.js';
import { temporaryFolders } from '../testing/temporary-folders.js';

const freshDir = temporaryFolders('db');

describe('openTillDatabase', () => {
  it('opens in WAL mode with synchronous=FULL, at the current schema', () => {
    const db = openTillDatabase(freshDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a data file written by a newer version', () => {
    const dir = freshDir();
    const db = openTillDatabase(dir);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openTillDatabase(dir)).toThrow(/newer version.*более новой версией GetMeBack Till/s);
  });
});

describe('the till holds its database file for itself', () => {
  it('keeps the lock, so a second copy of the app cannot write to the same file', () => {
    const dir = freshDir();
    const db = openTillDatabase(dir);
    expect(db.pragma('locking_mode', { simple: true })).toBe('exclusive');
    db.prepare("INSERT INTO meta (key, value) VALUES ('probe', '1')").run();
    expect(() => openTillDatabase(dir)).toThrow(/Another copy of GetMeBack Till is already using/);
    db.close();
    const again = openTillDatabase(dir);
    expect(again.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: '1' });
    again.close();
  });
});

describe('a schema migration', () => {
  it('takes a verified backup of the old schema, with its data, before it changes anything', () => {
    const dir = freshDir();
    const old = new Database(path.join(dir, 'till.db'));
    old.exec(MIGRATIONS[0] as string);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO events (at, type, payload) VALUES ('2026-01-01T00:00:00.000Z', 'settings.changed', '{}')").run();
    old.close();

    const db = openTillDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'cloud_guests'").get()).toEqual({ n: 1 });
    db.close();

    const backups = readdirSync(path.join(dir, 'backups'));
    expect(backups).toEqual([expect.stringMatching(new RegExp(`^till-\\d{8}-\\d{6}-n000001-before-schema-${MIGRATIONS.length}\\.db$`))]);
    const copy = new Database(path.join(dir, 'backups', backups[0] as string), { readonly: true });
    try {
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      expect(copy.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'cloud_guests'").get()).toEqual({ n: 0 });
      expect(copy.prepare("SELECT name FROM pragma_table_info('outbox') WHERE name = 'unanswered'").all()).toEqual([]);
      expect(copy.prepare('SELECT type FROM events').all()).toEqual([{ type: 'settings.changed' }]);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
  });
});
