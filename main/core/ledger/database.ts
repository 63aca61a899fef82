import type Database from 'better-sqlite3';
import path from 'node:path';
import { BACKUP_FOLDER, backUpDatabaseNow, backupFileName, nextBackupNumber } from './backup.js';
import { openConnection } from './connection.js';
import { ensurePrivateFile, ensurePrivateFolder, makePrivateIfPresent } from './private-files.js';
import { MIGRATIONS } from './schema.js';

export type TillDatabase = Database.Database;

/** The file that holds the loyalty book, the ledger, the outbox and the feed. */
export const DATABASE_FILE = 'till.db';

/**
 * Closes the database at once, with the WAL merged into till.db first (TRUNCATE: the WAL emptied):
 * the close when the computer's session ends and there is no time for a backup. Whether the WAL was
 * merged (a checkpoint a reader holds back is not); safe on a database already closed.
 */
export function checkpointAndClose(db: TillDatabase): { walMerged: boolean } {
  if (!db.open) return { walMerged: false };
  let walMerged = false;
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    walMerged = result?.busy === 0;
  } finally {
    db.close();
  }
  return { walMerged };
}

/**
 * Opens (or creates) the till's database in `dataDir` and brings it to the current schema.
 * WAL keeps a crash from losing committed work; synchronous=FULL makes every committed payment
 * survive a power cut, which is what a till needs more than a few microseconds.
 */
export function openTillDatabase(dataDir: string): TillDatabase {
  ensurePrivateFolder(dataDir);
  const file = path.join(dataDir, DATABASE_FILE);
  // Created 0600 before SQLite opens it: SQLite gives the -wal and -shm the database file's mode.
  ensurePrivateFile(file);
  for (const companion of [`${file}-wal`, `${file}-shm`]) makePrivateIfPresent(companion);
  let db: TillDatabase | null = null;
  // The till's process is the file's only user: holding its lock for good keeps a second copy of
  // the app out and, from the first write on, spares every read two fcntl() calls and a stat()
  // (strace, 2026-12-04). Reads before the first write still take them: the WAL is opened with
  // its shared-memory index before this pragma takes hold.
  try {
    db = openConnection(file);
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // SQLite's lower() folds ASCII only: searching «иванов» must find «Иванов» (and «Семёнов» «семенов»).
    db.function('fold', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? text.toLocaleLowerCase('ru').replaceAll('ё', 'е') : text,
    );
    migrate(db, dataDir);
  } catch (error) {
    db?.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(
        `Another copy of GetMeBack Till is already using ${dataDir} / Эта папка данных уже занята другой копией GetMeBack Till`,
        { cause: error },
      );
    }
    throw error;
  }
  return db;
}

function migrate(db: TillDatabase, dataDir: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The data file was written by a newer version of GetMeBack Till (schema ${current}); update the app. / ` +
        `Файл данных записан более новой версией GetMeBack Till (схема ${current}): обновите приложение.`,
    );
  }
  if (current > 0 && current < MIGRATIONS.length) {
    // A schema migration rewrites the money record: a verified copy of the old one first.
    const folder = path.join(dataDir, BACKUP_FOLDER);
    ensurePrivateFolder(folder);
    backUpDatabaseNow(db, path.join(folder, backupFileName(new Date(), `before-schema-${MIGRATIONS.length}`, nextBackupNumber([folder]))));
  }
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
