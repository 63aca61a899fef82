import type { TillDatabase } from './database.js';

/** Who hears about a transaction's end: the event bus announces what it recorded only after a commit. */
export interface AfterCommit {
  flush(): void;
  discard(): void;
  /** How many recorded things wait for the commit: the mark of a savepoint. */
  waiting(): number;
  /** Forgets what was recorded after `mark` (its savepoint was rolled back). */
  discardAfter(mark: number): void;
}

/** Runs `work` in one SQLite transaction: all of it is committed or none of it. */
export function atomically<T>(db: TillDatabase, work: () => T): T {
  return db.transaction(work)();
}

/** Runs `work` in one SQLite transaction; events it records are announced only if it commits. */
export function inTransaction<T>(db: TillDatabase, events: AfterCommit, work: () => T): T {
  try {
    const result = atomically(db, work);
    events.flush();
    return result;
  } catch (error) {
    events.discard();
    throw error;
  }
}
