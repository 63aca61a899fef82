import type { TillDatabase } from './database.js';

export interface WaiterTally {
  debt: number;
  lastMovementAt: string;
}

/**
 * Every waiter's debt, as the sum of the whole cash book, without reading the whole cash book on
 * every look: entries are append-only and a committed entry always has a larger id than every entry
 * committed before it (SQLite has one writer at a time), so adding the entries newer than the last
 * one seen keeps the sums exact. A year of a busy restaurant is a few hundred thousand entries, and
 * summing them on each dashboard refresh would stall the waiter API behind it.
 */
export class WaiterDebtTally {
  private lastId = 0;
  private readonly tallies = new Map<string, WaiterTally>();
  private readonly newer;

  constructor(private readonly db: TillDatabase) {
    this.newer = db
      .prepare(
        `SELECT id, debit_account, credit_account, amount, created_at FROM cash_entries
         WHERE id > ? AND (substr(debit_account, 1, 7) = 'waiter:' OR substr(credit_account, 1, 7) = 'waiter:') ORDER BY id`,
      )
      .raw();
  }

  /** Debts as of the last committed entry, by waiter id. */
  current(): ReadonlyMap<string, WaiterTally> {
    // Inside a transaction the newest entries may still be rolled back; they must never be counted.
    if (this.db.inTransaction) throw new Error('WaiterDebtTally must be read outside a transaction');
    for (const [id, debit, credit, amount, at] of this.newer.iterate(this.lastId) as Iterable<[number, string, string, number, string]>) {
      if (debit.startsWith('waiter:')) this.add(debit.slice(7), amount, at);
      if (credit.startsWith('waiter:')) this.add(credit.slice(7), -amount, at);
      this.lastId = id;
    }
    return this.tallies;
  }

  private add(waiterId: string, signed: number, at: string): void {
    const tally = this.tallies.get(waiterId);
    if (!tally) {
      this.tallies.set(waiterId, { debt: signed, lastMovementAt: at });
      return;
    }
    tally.debt += signed;
    if (at > tally.lastMovementAt) tally.lastMovementAt = at;
  }
}
