import Database from 'better-sqlite3';

/**
 * SQLite's page cache per connection, in KiB: SQLite's own default (2 000), where better-sqlite3
 * builds it with 16 000 (`SQLITE_DEFAULT_CACHE_SIZE=-16000`). With that, the process's malloc heap
 * grew by about 20 MiB over 100 000 mixed waiter requests, by check-ins of new orders only, as the
 * cache filled (bench/memory-breakdown.ts, README's Benchmark). A page missed here is still in the
 * operating system's file cache: reading it again is a system call, not a disk access.
 */
export const PAGE_CACHE_KIB = 2048;

/**
 * Every SQLite connection the till opens comes from here, with `synchronous = FULL`: a commit is on
 * the disk before SQLite says it is done, so a power cut loses no payment the waiter was told of.
 * (SQLite's own default is FULL too; saying it here keeps a build with another default from
 * weakening it, and `synchronous.test.ts` checks every connection the app opens.) Each has a page
 * cache of `PAGE_CACHE_KIB`, checked by the same test.
 */
export function openConnection(file: string, options?: Database.Options): Database.Database {
  const db = new Database(file, options);
  try {
    db.pragma('synchronous = FULL');
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
