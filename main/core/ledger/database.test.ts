import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTillDatabase } from './database.js';
import { MIGRATIONS } from './schema.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gmb-db-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

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
    expect(() => openTillDatabase(dir)).toThrow(/newer version/);
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
