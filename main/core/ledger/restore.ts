import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { integrityOfFile } from './integrity.js';
import { openConnection } from './connection.js';
import { DATABASE_FILE } from './database.js';
import { makePrivateIfPresent } from './private-files.js';
import { backUpDatabaseNow } from './backup.js';
import { forgetVerifiedClose } from './verified-close.js';

/**
 * Puts a backup in place of the till's database, with the till stopped: the backup must pass its
 * integrity check, the current file (and its WAL) is kept aside as `till.db.before-restore-<time>`,
 * never deleted. Returns the name the current file was kept under (null when there was none).
 * The backup is copied by SQLite, not as a file: a copy of a running till's folder (a nightly folder
 * copy, a crashed till's disk) has its latest payments in `till.db-wal` beside it, which the check
 * reads and a plain file copy would leave behind.
 */
export function restoreBackup(dataDir: string, backupFile: string, at: Date): string | null {
  if (!existsSync(backupFile)) throw new Error(`No such backup: ${backupFile} / Нет такой резервной копии`);
  const integrity = integrityOfFile(backupFile);
  if (integrity !== 'ok') throw new Error(`The backup ${backupFile} is damaged (${integrity}) / Резервная копия повреждена`);
  const current = path.join(dataDir, DATABASE_FILE);
  assertTillStopped(current);
  let setAside: string | null = null;
  if (existsSync(current)) {
    setAside = `${current}.before-restore-${at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`;
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(`${current}${suffix}`)) renameSync(`${current}${suffix}`, `${setAside}${suffix}`);
    }
    renameSync(current, setAside);
    makePrivateIfPresent(setAside);
  }
  copyThroughSqlite(backupFile, current);
  forgetVerifiedClose(dataDir);
  return setAside;
}

/** The running till holds its database exclusively: if the file can be read, no till is using it. */
function assertTillStopped(file: string): void {
  if (!existsSync(file)) return;
  let probe: ReturnType<typeof openConnection> | null = null;
  try {
    probe = openConnection(file, { fileMustExist: true });
    probe.pragma('schema_version', { simple: true });
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error('The till is running: quit it first / GetMeBack Till работает: сначала закройте его', { cause: error });
    }
    throw error;
  } finally {
    probe?.close();
  }
}

/** A consistent copy of `source` as SQLite reads it (with its WAL), checked, on the disk and named `target`. */
function copyThroughSqlite(source: string, target: string): void {
  const backup = openConnection(source, { readonly: true, fileMustExist: true });
  try {
    backUpDatabaseNow(backup, target);
  } finally {
    backup.close();
  }
}
