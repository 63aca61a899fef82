import Database from 'better-sqlite3';

/**
 * Every SQLite connection the till opens comes from here, with `synchronous = FULL`: a commit is on
 * the disk before SQLite says it is done, so a power cut loses no payment the waiter was told of.
 * (SQLite's own default is FULL too; saying it here keeps a build with another default from
 * weakening it, and `synchronous.test.ts` checks every connection the app opens.)
 */
export function openConnection(file: string, options?: Database.Options): Database.Database {
  const db = new Database(file, options);
  try {
    db.pragma('synchronous = FULL');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
