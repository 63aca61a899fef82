/**
 * How long the waiter-cash screen's reads take on a long cash book:
 * `npx tsx bench/waiter-cash.ts [entries]` (default 200 000, about a year of a busy
 * restaurant). Entries are one a minute across 20 waiters, every fifth a hand-in; "today" and the
 * shift report cover the last day.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openTillDatabase } from '../main/core/ledger/database.js';
import { loadShiftReport } from '../main/core/cash/shift-report.js';
import { WaiterDebtTally } from '../main/core/ledger/waiter-debt-tally.js';
import { listWaiterCash, waiterDebt, waiterHistory } from '../main/core/ledger/waiter-debts.js';

const entries = Number(process.argv[2] ?? 200_000);
const dir = mkdtempSync(path.join(tmpdir(), 'gmb-cash-bench-'));
const db = openTillDatabase(dir);
const start = Date.UTC(2026, 0, 1);
const insert = db.prepare(
  `INSERT INTO cash_entries (kind, debit_account, credit_account, amount, order_id, operation_id, recorded_by, created_at)
   VALUES (?, ?, ?, ?, ?, ?, 'bench', ?)`,
);
db.transaction(() => {
  for (let i = 0; i < entries; i += 1) {
    const account = `waiter:pin:${i % 20}`;
    const at = new Date(start + i * 60_000).toISOString();
    if (i % 5 === 4) insert.run('hand_in', 'till', account, 100, null, `h${i}`, at);
    else insert.run('cash_taken', account, 'sales', 1_000, `o${i}`, `p${i}`, at);
  }
})();
const lastDay = new Date(start + (entries - 1_440) * 60_000);

function measure(name: string, run: () => unknown, times = 20): void {
  run();
  const began = performance.now();
  for (let i = 0; i < times; i += 1) run();
  console.log(`${name}: ${((performance.now() - began) / times).toFixed(2)} ms`);
}

const tally = new WaiterDebtTally(db);
const cold = performance.now();
tally.current();
console.log(`${entries} entries; first read of all debts after a start: ${(performance.now() - cold).toFixed(0)} ms`);
measure('GET /api/waiters (list)', () => listWaiterCash(db, tally, lastDay.toISOString()));
measure('GET /api/waiters/:id/history (first page)', () => waiterHistory(db, tally, 'pin:3', { limit: 50 }));
measure('GET /api/reports/shift (last day)', () => loadShiftReport(db, tally, { from: lastDay, to: null }, new Date()));
measure('debt check of a hand-in', () => waiterDebt(db, 'pin:3'));
db.close();
rmSync(dir, { recursive: true, force: true });
