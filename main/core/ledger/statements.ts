import type { Statement } from 'better-sqlite3';
import type { TillDatabase } from './database.js';

const compiled = new WeakMap<TillDatabase, Map<string, Statement>>();

/**
 * The statement for this SQL on this database, compiled the first time it is asked for and kept
 * for the database's life: compiling costs more than running a query on a till-sized table. Only
 * the ledger's named functions call it, each with its own text; a statement whose mode is switched
 * (.raw(), .pluck()) is prepared by its owner instead (see WaiterDebtTally), so no caller can
 * change a statement another one uses.
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
