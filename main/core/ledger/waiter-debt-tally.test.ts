import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordCashEntry, type CashEntry } from './cash-book.js';
import { openTillDatabase, type TillDatabase } from './database.js';
import { WaiterDebtTally } from './waiter-debt-tally.js';
import { waiterDebt, waiterHistory } from './waiter-debts.js';

let dir: string;
let db: TillDatabase;
let seq = 0;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gmb-tally-'));
  db = openTillDatabase(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function entry(kind: CashEntry['kind'], debitAccount: string, creditAccount: string, amount: number, at = '2026-11-29T10:00:00.000Z') {
  seq += 1;
  return recordCashEntry(db, { kind, debitAccount, creditAccount, amount, orderId: null, operationId: `op-${seq}`, cashTypeId: '', recordedBy: 't', note: '', createdAt: at });
}

describe('WaiterDebtTally', () => {
  it('keeps each waiter’s debt equal to the sum of the book as entries are appended between reads', () => {
    const tally = new WaiterDebtTally(db);
    entry('cash_taken', 'waiter:pin:a', 'sales', 90_000, '2026-11-29T10:00:00.000Z');
    entry('cash_to_till', 'till', 'sales', 5_000);
    expect(tally.current().get('pin:a')).toEqual({ debt: 90_000, lastMovementAt: '2026-11-29T10:00:00.000Z' });
    entry('hand_in', 'till', 'waiter:pin:a', 30_000, '2026-11-29T11:00:00.000Z');
    entry('cash_taken', 'waiter:iiko:7', 'sales', 1_000);
    entry('refund_reversal', 'sales', 'waiter:pin:a', 90_000, '2026-11-29T12:00:00.000Z');
    const debts = tally.current();
    expect(debts.get('pin:a')).toEqual({ debt: -30_000, lastMovementAt: '2026-11-29T12:00:00.000Z' });
    expect(debts.get('iiko:7')?.debt).toBe(1_000);
    expect(debts.has('till')).toBe(false);
    for (const id of ['pin:a', 'iiko:7']) expect(debts.get(id)?.debt).toBe(waiterDebt(db, id));
    expect(new WaiterDebtTally(db).current()).toEqual(debts);
  });

  it('never counts an entry whose transaction was rolled back, and refuses to be read inside one', () => {
    const tally = new WaiterDebtTally(db);
    entry('cash_taken', 'waiter:pin:a', 'sales', 10_000);
    expect(() =>
      db.transaction(() => {
        entry('cash_taken', 'waiter:pin:a', 'sales', 99_999);
        tally.current();
      })(),
    ).toThrow(/outside a transaction/);
    expect(tally.current().get('pin:a')?.debt).toBe(10_000);
    entry('cash_taken', 'waiter:pin:a', 'sales', 1);
    expect(tally.current().get('pin:a')?.debt).toBe(10_001);
  });
});

describe('waiterHistory', () => {
  it('pages through a long history with the debt each entry left, matching a running sum', () => {
    const expected: { id: number; amount: number; debtAfter: number }[] = [];
    let debt = 0;
    for (let i = 0; i < 120; i += 1) {
      const amount = 100 + ((i * 7919) % 5000);
      // Another waiter's entries interleave, as they do at a real till.
      if (i % 3 === 0) entry('cash_taken', 'waiter:pin:b', 'sales', 50);
      const raise = i % 4 !== 3;
      const row = raise ? entry('cash_taken', 'waiter:pin:a', 'sales', amount) : entry('hand_in', 'till', 'waiter:pin:a', amount);
      debt += raise ? amount : -amount;
      expected.push({ id: row.id, amount: raise ? amount : -amount, debtAfter: debt });
    }
    const tally = new WaiterDebtTally(db);
    const seen: { id: number; amount: number; debtAfter: number }[] = [];
    let before: number | undefined;
    for (;;) {
      const page = waiterHistory(db, tally, 'pin:a', { beforeId: before, limit: 17 });
      if (page.length === 0) break;
      seen.push(...page.map(({ id, amount, debtAfter }) => ({ id, amount, debtAfter })));
      before = page[page.length - 1]?.id;
    }
    expect(seen).toEqual(expected.reverse());
  });
});
