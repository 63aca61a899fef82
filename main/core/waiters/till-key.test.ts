import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTillDatabase, type TillDatabase } from '../ledger/database.js';
import { metaValue, rememberWaiter, saveMetaValue } from '../ledger/waiters.js';
import { loadTillKey, TILL_KEY_FILE, type KeyWrapper } from './till-key.js';

const opened: { db: TillDatabase; dir: string }[] = [];
afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function install(): { db: TillDatabase; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'gmb-key-'));
  const till = { db: openTillDatabase(dir), dir };
  opened.push(till);
  return till;
}

/** A stand-in for safeStorage: reversible, and visibly not the key itself. */
const xor: KeyWrapper = {
  name: 'test-xor',
  wrap: (secret) => Buffer.from(secret.map((byte) => byte ^ 0x5a)),
  unwrap: (stored) => Buffer.from(stored.map((byte) => byte ^ 0x5a)),
};

describe('the till key file', () => {
  it('is made once, 0600, beside the database, and read back the same', () => {
    const { db, dir } = install();
    const key = loadTillKey(dir, db);
    expect(key).toHaveLength(32);
    expect(loadTillKey(dir, db).equals(key)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(path.join(dir, TILL_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(metaValue(db, 'waiter_pin_key')).toBeNull();
  });

  it('takes the key an older version kept in the database, and erases it there', () => {
    const { db, dir } = install();
    const legacy = 'ab'.repeat(32);
    saveMetaValue(db, 'waiter_pin_key', legacy);
    expect(loadTillKey(dir, db).toString('hex')).toBe(legacy);
    expect(metaValue(db, 'waiter_pin_key')).toBeNull();
    expect(readFileSync(path.join(dir, TILL_KEY_FILE), 'utf8')).toContain(legacy);
  });

  it('is stored wrapped when the desktop app gives a wrapper, and upgrades a plain file', () => {
    const { db, dir } = install();
    const plain = loadTillKey(dir, db);
    const wrapped = loadTillKey(dir, db, xor);
    expect(wrapped.equals(plain)).toBe(true);
    const text = readFileSync(path.join(dir, TILL_KEY_FILE), 'utf8');
    expect(text).toMatch(/^getmeback-till-key v1 test-xor /);
    expect(text).not.toContain(plain.toString('hex'));
    expect(loadTillKey(dir, db, xor).equals(plain)).toBe(true);
    expect(() => loadTillKey(dir, db)).toThrow(/test-xor.*cannot open.*запустите/s);
  });

  it('refuses a damaged file with a clear message rather than making a new key', () => {
    const { db, dir } = install();
    writeFileSync(path.join(dir, TILL_KEY_FILE), 'garbage');
    expect(() => loadTillKey(dir, db)).toThrow(/damaged.*повреждён/s);
  });

  it('refuses to start a database that has used a key without that key, and names till.key and the way out', () => {
    const { db, dir } = install();
    loadTillKey(dir, db);
    const keyFile = path.join(dir, TILL_KEY_FILE);
    const original = readFileSync(keyFile, 'utf8');

    // The data folder copied without till.key: no new key is made, nothing is written.
    rmSync(keyFile);
    expect(() => loadTillKey(dir, db)).toThrow(/till\.key is missing.*GMB_NEW_TILL_KEY=1.*Нет файла ключа/s);
    expect(existsSync(keyFile)).toBe(false);

    // Another till's key beside this database.
    const other = install();
    loadTillKey(other.dir, other.db);
    writeFileSync(keyFile, readFileSync(path.join(other.dir, TILL_KEY_FILE)));
    expect(() => loadTillKey(dir, db)).toThrow(/belongs to another database.*от другой базы/s);

    // Its own key back: it starts as before.
    writeFileSync(keyFile, original);
    expect(loadTillKey(dir, db).toString('hex')).toBe(original.trim().split(' ').at(-1));

    // Lost for good: the manager starts once with GMB_NEW_TILL_KEY=1, and the new key is the database's from then on.
    rmSync(keyFile);
    const fresh = loadTillKey(dir, db, undefined, { allowNewKey: true });
    expect(fresh.toString('hex')).not.toBe(original.trim().split(' ').at(-1));
    expect(loadTillKey(dir, db).equals(fresh)).toBe(true);
  });

  it('knows a database an earlier version wrote, before the fingerprint, by its waiters keyed with the lost key', () => {
    const { db, dir } = install();
    rememberWaiter(db, 'pin:0123456789abcdef0123', null, '2026-12-01T10:00:00.000Z');
    expect(() => loadTillKey(dir, db)).toThrow(/till\.key is missing/);
    const { db: empty, dir: emptyDir } = install();
    expect(loadTillKey(emptyDir, empty)).toHaveLength(32);
  });
});
