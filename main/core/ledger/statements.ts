import type { Statement } from 'better-sqlite3';
import type { TillDatabase } from './database.js';

const compiled = new WeakMap<TillDatabase, Map<string, Statement>>();

/**
 * The statement for this SQL on this database, compiled the first time it is asked for and kept
 * for the database's life: compiling costs more than running a query on a till-sized table. Only
 * the ledger's named functions call it, each with its own text; a statement whose mode is switched
 * (.raw(), .pluck()) is prepared by its owner instead (see WaiterDebtTally), so no caller can
 * change a statement another one uses.
 *
 * Compiled once means compiled once only if SQLite keeps the plan: better-sqlite3 clears a
 * statement's values after every run, and SQLite re-prepares at the next run a statement whose plan
 * looked at a value bound to it — an equality the planner may use as a filter (in a statement with
 * an ORDER BY or a join), a LIMIT, a LIKE pattern. So those parameters are written `+?` (`+@name`):
 * the same value to SQLite, no bare parameter to its planner, the same plan (issue 19: such reads
 * cost 4–45 µs more at every run; statement-reuse.test.ts finds any read of a waiter's day, the
 * dashboard and the cloud's outbox that still does).
 */
export function prepared(db: TillDatabase, sql: string): Statement {
  let statements = compiled.get(db);
  if (!statements) {
    statements = new Map();
    compiled.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
