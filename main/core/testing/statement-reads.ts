import type { Statement } from 'better-sqlite3';
import { vi, type MockInstance } from 'vitest';
import type { TillDatabase } from '../ledger/database.js';

/** The driver's statement prototype: every statement of every database shares it. */
function statementPrototype(db: TillDatabase): Record<StatementRun, (...values: unknown[]) => unknown> {
  return Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<StatementRun, (...values: unknown[]) => unknown>;
}

/**
 * Counts the rows asked of SQLite by `Statement.get` on every statement of the database's driver
 * (prepared or cached): the tests that hold a hot path to its number of reads. Restore it after.
 */
export function countStatementReads(db: TillDatabase): MockInstance<(...values: unknown[]) => unknown> {
  return vi.spyOn(statementPrototype(db), 'get');
}

type StatementRun = 'get' | 'all' | 'run' | 'iterate';

/** A statement the process ran, with the values of its first run. */
export interface StatementSeen {
  statement: Statement;
  values: unknown[];
}

/**
 * Watches every run of every statement of the driver (get, all, run, iterate): `seen()` gives each
 * statement once, by its SQL, with the values of its first run. `stop()` restores the driver.
 */
export function watchStatementRuns(db: TillDatabase): { seen: () => Map<string, StatementSeen>; stop: () => void } {
  const prototype = statementPrototype(db);
  const spies = (['get', 'all', 'run', 'iterate'] as const).map((method) => vi.spyOn(prototype, method));
  return {
    seen: () => {
      const seen = new Map<string, StatementSeen>();
      for (const spy of spies) {
        spy.mock.contexts.forEach((statement, call) => {
          const { source } = statement as Statement;
          if (!seen.has(source)) seen.set(source, { statement: statement as Statement, values: spy.mock.calls[call] ?? [] });
        });
      }
      return seen;
    },
    stop: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
}
