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

/** Per database, one transaction function that runs whatever it is given (built once: `db.transaction` compiles a wrapper). */
const readTransactions = new WeakMap<TillDatabase, <T>(work: () => T) => T>();

/**
 * Runs reads in one SQLite read transaction: they see one state of the file, and the transaction
 * is begun and ended once rather than by each statement. Measured (issue 19): a point read on its
 * own cost about twice one inside a transaction, the begin and end being most of it; the check-in's
 * order and book reads run together here. `work` should only read; what it writes is committed
 * with it, or rolled back if it throws.
 */
export function readTogether<T>(db: TillDatabase, work: () => T): T {
  let run = readTransactions.get(db);
  if (!run) {
    const transaction = db.transaction((inner: () => unknown) => inner());
    run = <R>(inner: () => R) => transaction(inner) as R;
    readTransactions.set(db, run);
  }
  return run(work);
}
