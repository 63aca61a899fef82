import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * The till's data is for the till's own user: the data folder 0700, every file in it 0600 (Unix).
 * On Windows modes mean little; the folder is the app's (ProgramData or the user's profile, as the
 * installer decides) and its files inherit its ACLs, so these calls change nothing there.
 */
const POSIX = process.platform !== 'win32';

/** Creates the folder (and its parents) if needed and makes it the owner's alone. */
export function ensurePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (POSIX) chmodSync(folder, 0o700);
}

/**
 * Makes a file the owner's alone, creating it empty if it does not exist. SQLite creates a
 * database's -wal and -shm with the database file's mode, so doing this before opening a database
 * keeps all three private.
 */
export function ensurePrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  if (POSIX) chmodSync(file, 0o600);
}

/** Makes the file private if it exists (a -wal left by an older version, a backup). */
export function makePrivateIfPresent(file: string): void {
  if (POSIX && existsSync(file)) chmodSync(file, 0o600);
}

/** Writes a small file whole or not at all (temporary file, fsync, rename), 0600. */
export function writePrivateFileAtomically(file: string, content: string | Buffer): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (POSIX) chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}
