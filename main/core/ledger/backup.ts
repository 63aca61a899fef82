import type Database from 'better-sqlite3';
import { closeSync, copyFileSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { integrityOfFile, integrityOfFileOffLoop } from './integrity.js';
import { makePrivateIfPresent } from './private-files.js';

/** The folder in the data folder that holds backups. */
export const BACKUP_FOLDER = 'backups';

/**
 * `till-20250101-235900-n000042-daily.db`: when (by the till's clock), its place in the order the
 * till wrote its backups (`number`), why. The number, not the time, says which backup is newer: the clock can be
 * set back (a CMOS reset, NTP correcting a clock that ran ahead) and then names and file times alike
 * put the backups written while it ran ahead after every new one.
 */
export function backupFileName(at: Date, reason: string, number: number): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `till-${stamp}-n${String(number).padStart(6, '0')}-${reason}.db`;
}

/** A backup's name; versions before the numbers wrote none (`till-20250101-235900-daily.db`). */
export const BACKUP_FILE = /^till-\d{8}-\d{6}(?:-n(\d{6,}))?-[a-z0-9-]+\.db$/;

/** The number in a backup's name; 0 for a backup named before the numbers (older than any numbered one). */
export function backupNumberOf(name: string): number {
  return Number(BACKUP_FILE.exec(name)?.[1] ?? 0);
}

/** The number the next backup takes: one past the highest in any of `folders` (missing folders have none). */
export function nextBackupNumber(folders: readonly string[]): number {
  let highest = 0;
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) highest = Math.max(highest, backupNumberOf(name));
  }
  return highest + 1;
}

/** How far a backup has come: pages of the database copied of all of them. */
export interface BackupProgress {
  phase: 'copying' | 'checking';
  pages: number;
  totalPages: number;
}

/**
 * Pages copied per step of the online backup; between steps the event loop serves the waiters. 100
 * pages (400 KB at SQLite's 4 KB page) is better-sqlite3's own default, a millisecond or so of work.
 */
export const BACKUP_PAGES_PER_STEP = 100;

/**
 * Copies the live database with SQLite's online backup API (a consistent snapshot, also of a WAL
 * database in use) into `file`, checks the copy and makes it private. The copy is written under a
 * temporary name and renamed only once verified, so a backup file is either whole and checked or
 * absent. Returns its size in bytes. `onProgress` hears each step, then the check.
 */
export async function backUpDatabase(
  db: Database.Database,
  file: string,
  onProgress: (progress: BackupProgress) => void = () => {},
  checkedHere?: (why: string) => void,
): Promise<number> {
  const temporary = `${file}.partial`;
  try {
    const copied = await db.backup(temporary, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress({ phase: 'copying', pages: totalPages - remainingPages, totalPages });
        return BACKUP_PAGES_PER_STEP;
      },
    });
    onProgress({ phase: 'checking', pages: copied.totalPages, totalPages: copied.totalPages });
    return await acceptCopyOffLoop(temporary, file, checkedHere);
  } finally {
    removeTemporary(temporary);
  }
}

/**
 * Copies a written backup into another folder (the second backup folder: a USB disk, a network
 * share) the way the backup itself is written: under a temporary name, checked, synced, then named.
 * A copy the disk cut short (ENOSPC) or wrote wrong throws and leaves nothing behind, never a file
 * under a backup's name that would count among the kept ones and fail at restore. Returns its size.
 */
export async function copyBackup(backup: string, file: string, checkedHere?: (why: string) => void): Promise<number> {
  const temporary = `${file}.partial`;
  try {
    copyFileSync(backup, temporary);
    return await acceptCopyOffLoop(temporary, file, checkedHere);
  } finally {
    removeTemporary(temporary);
  }
}

/**
 * The same, synchronously, for the moment before a schema migration (the database is being opened
 * and nothing else runs): `VACUUM INTO` writes a consistent copy from the same connection.
 */
export function backUpDatabaseNow(db: Database.Database, file: string): number {
  const temporary = `${file}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(temporary);
    return acceptCopy(temporary, file);
  } finally {
    removeTemporary(temporary);
  }
}

/**
 * The temporary copy, if it is still there, and the WAL and shared-memory files its check opened
 * beside it (the copy is a WAL database like the till's): they keep the temporary name when the copy
 * takes its own, and used to stay in the backup folder, two per backup, never pruned.
 */
function removeTemporary(temporary: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${temporary}${suffix}`, { force: true });
}

function acceptCopy(temporary: string, file: string): number {
  makePrivateIfPresent(temporary);
  assertWhole(integrityOfFile(temporary));
  syncToDisk(temporary, 'r');
  return giveName(temporary, file);
}

/** The same as acceptCopy, with the check and the copy's fsync off the event loop: the waiters go on being served meanwhile. */
async function acceptCopyOffLoop(temporary: string, file: string, checkedHere?: (why: string) => void): Promise<number> {
  makePrivateIfPresent(temporary);
  assertWhole(await integrityOfFileOffLoop(temporary, checkedHere ? { checkedHere } : {}));
  const copy = await open(temporary, 'r');
  try {
    await copy.sync();
  } finally {
    await copy.close();
  }
  return giveName(temporary, file);
}

function assertWhole(integrity: string): void {
  if (integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${integrity}`);
}

/**
 * The checked copy, already on the disk, takes its name, and the name goes on the disk too: a power
 * cut leaves the backup whole or absent, never a named file of zeros.
 */
function giveName(temporary: string, file: string): number {
  renameSync(temporary, file);
  syncToDisk(path.dirname(file), 'r');
  return statSync(file).size;
}

function syncToDisk(target: string, flags: string): void {
  let fd: number;
  try {
    fd = openSync(target, flags);
  } catch {
    return; // Windows opens no folder: NTFS journals the rename itself.
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    // Some file systems cannot fsync a folder (EINVAL); a file that cannot be synced is a failed backup.
    if (statSync(target).isFile()) throw error;
  } finally {
    closeSync(fd);
  }
}
