import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTillKeyFile, writeTillKeyFile, type KeyWrapper } from '../core/waiters/till-key.js';
import { MOVED_MARKER } from './machine-data-folder.js';
import { moveTillToMachineFolder } from './move-till-folder.js';
import { temporaryFolders } from '../core/testing/temporary-folders.js';

const tempFolder = temporaryFolders('move');

/** This Windows user's DPAPI, as far as the test needs it: only this wrapper undoes its wrapping. */
const userDpapi: KeyWrapper = {
  name: 'safeStorage',
  wrap: (secret) => Buffer.from(secret.map((byte) => byte ^ 0x5a)),
  unwrap: (stored) => Buffer.from(stored.map((byte) => byte ^ 0x5a)),
};
const SECRET = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');

function perUserTill(): string {
  const dir = tempFolder();
  writeFileSync(path.join(dir, 'till.db'), 'ledger pages');
  writeFileSync(path.join(dir, 'till.db-wal'), 'the last payments, not checkpointed yet');
  writeFileSync(path.join(dir, 'till.db-shm'), 'index SQLite rebuilds');
  writeFileSync(path.join(dir, 'settings.json'), '{"schemaVersion":3}');
  writeTillKeyFile(path.join(dir, 'till.key'), SECRET, userDpapi);
  mkdirSync(path.join(dir, 'logs'));
  return dir;
}

describe('moveTillToMachineFolder', () => {
  it('copies the ledger, its log, settings and key into the machine folder; the key is readable without this user’s DPAPI', () => {
    const user = perUserTill();
    const machine = path.join(tempFolder(), 'GetMeBack Till');
    const outcome = moveTillToMachineFolder(user, machine, userDpapi, new Date('2026-12-02T09:00:00Z'));
    expect(outcome).toEqual({ kind: 'moved', files: ['till.db-wal', 'till.key', 'settings.json', 'till.db'] });
    expect(readFileSync(path.join(machine, 'till.db'), 'utf8')).toBe('ledger pages');
    expect(readFileSync(path.join(machine, 'till.db-wal'), 'utf8')).toBe('the last payments, not checkpointed yet');
    expect(readFileSync(path.join(machine, 'settings.json'), 'utf8')).toBe('{"schemaVersion":3}');
    expect(existsSync(path.join(machine, 'till.db-shm'))).toBe(false);
    expect(readFileSync(path.join(machine, 'till.key'), 'utf8')).toMatch(/^getmeback-till-key v1 plain /);
    expect(readTillKeyFile(path.join(machine, 'till.key'))).toEqual(SECRET);
    // The old folder stays whole, as a backup, with a note naming the new one.
    expect(readFileSync(path.join(user, 'till.db'), 'utf8')).toBe('ledger pages');
    expect(readFileSync(path.join(user, MOVED_MARKER), 'utf8')).toContain(machine);
  });

  it('moves once: the next start finds the note and leaves both folders alone', () => {
    const user = perUserTill();
    const machine = tempFolder();
    moveTillToMachineFolder(user, machine, userDpapi);
    writeFileSync(path.join(machine, 'till.db'), 'the machine till went on serving');
    expect(moveTillToMachineFolder(user, machine, userDpapi)).toEqual({ kind: 'none' });
    expect(readFileSync(path.join(machine, 'till.db'), 'utf8')).toBe('the machine till went on serving');
  });

  it('a move cut short before the ledger was copied is simply done again', () => {
    const user = perUserTill();
    const machine = tempFolder();
    writeFileSync(path.join(machine, 'settings.json.moving'), '{"half');
    writeFileSync(path.join(machine, 'settings.json'), '{"half written"}');
    expect(moveTillToMachineFolder(user, machine, userDpapi).kind).toBe('moved');
    expect(readFileSync(path.join(machine, 'settings.json'), 'utf8')).toBe('{"schemaVersion":3}');
  });

  it('never overwrites a machine ledger: a second user’s own till is left where it is, and said so', () => {
    const user = perUserTill();
    const machine = tempFolder();
    writeFileSync(path.join(machine, 'till.db'), 'the machine’s ledger');
    expect(moveTillToMachineFolder(user, machine, userDpapi)).toEqual({ kind: 'conflict', perUserFolder: user });
    expect(readFileSync(path.join(machine, 'till.db'), 'utf8')).toBe('the machine’s ledger');
    expect(readFileSync(path.join(user, MOVED_MARKER), 'utf8')).toContain('Not moved');
  });

  it('does nothing without a per-user till, or when both folders are the same', () => {
    expect(moveTillToMachineFolder(path.join(tempFolder(), 'absent'), tempFolder(), userDpapi)).toEqual({ kind: 'none' });
    const user = perUserTill();
    expect(moveTillToMachineFolder(user, user, userDpapi)).toEqual({ kind: 'none' });
  });

  it('refuses to move a key it cannot unwrap, saying so, before the ledger is copied', () => {
    const user = perUserTill();
    const machine = tempFolder();
    expect(() => moveTillToMachineFolder(user, machine, undefined)).toThrow(/запустите GetMeBack Till от того же пользователя/);
    expect(existsSync(path.join(machine, 'till.db'))).toBe(false);
  });
});
