import { vi, type MockInstance } from 'vitest';
import type { TillDatabase } from '../ledger/database.js';

/**
 * Counts the rows asked of SQLite by `Statement.get` on every statement of the database's driver
 * (prepared or cached): the tests that hold a hot path to its number of reads. Restore it after.
 */
export function countStatementReads(db: TillDatabase): MockInstance<(...values: unknown[]) => unknown> {
  const statement = Object.getPrototypeOf(db.prepare('SELECT 1')) as { get: (...values: unknown[]) => unknown };
  return vi.spyOn(statement, 'get');
}
