import Database from 'better-sqlite3';
import path from 'node:path';
import { accountBalance, waiterAccount } from '../../main/core/ledger/cash-book.js';
import { ordersWithWrongStatus } from '../../main/core/ledger/orders.js';
import type { CrashGuest } from './crash-seed.js';
import type { Expectations } from './payment-flow.js';
import type { MoneyRequest } from './till-client.js';

/**
 * Reads the till's database after the host has stopped and compares it with what the client was
 * told: nothing lost (every committed payment is there), nothing doubled (one payment per order,
 * balances and debts equal to the committed answers), and the file itself is sound.
 */
export function auditLedger(dataDir: string, guests: CrashGuest[], expect: Expectations, money: MoneyRequest[]): string[] {
  const problems: string[] = [];
  const db = new Database(path.join(dataDir, 'till.db'), { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);

    const doubled = db.prepare('SELECT order_id, COUNT(*) AS n FROM payments GROUP BY order_id HAVING n > 1').all();
    if (doubled.length > 0) problems.push(`orders paid twice: ${JSON.stringify(doubled)}`);
    const paid = new Set((db.prepare('SELECT order_id FROM payments').all() as { order_id: string }[]).map((row) => row.order_id));
    const refunded = new Set((db.prepare('SELECT order_id FROM refunds').all() as { order_id: string }[]).map((row) => row.order_id));
    compareSets('paid orders', paid, expect.paidOrders, problems);
    compareSets('refunded orders', refunded, expect.refundedOrders, problems);
    const wrongStatus = ordersWithWrongStatus(db);
    if (wrongStatus.length > 0) problems.push(`orders whose status disagrees with their payment and refund: ${JSON.stringify(wrongStatus)}`);

    const stored = db.prepare('SELECT response_body FROM idempotency_keys WHERE key = ?');
    for (const record of money) {
      if (record.committed === null) continue;
      const row = stored.get(record.key) as { response_body: string } | undefined;
      if (row?.response_body !== record.committed) problems.push(`${record.key}: stored answer ${row?.response_body ?? 'missing'} differs from the one the client got`);
    }

    const balance = db.prepare(
      `SELECT g.opening_balance AS opening, COALESCE((SELECT SUM(amount) FROM guest_entries e WHERE e.guest_id = g.id), 0) AS entries
       FROM book_guests g WHERE g.id = ?`,
    );
    for (const guest of guests) {
      const row = balance.get(guest.id) as { opening: number; entries: number };
      const expected = guest.opening + (expect.guestDelta.get(guest.id) ?? 0);
      if (row.opening !== guest.opening) problems.push(`${guest.id}: opening balance ${row.opening}, seeded ${guest.opening}`);
      if (row.opening + row.entries !== expected) problems.push(`${guest.id}: balance ${row.opening + row.entries}, committed answers say ${expected}`);
    }

    const waiterOf = new Map<string, string>();
    for (const row of db.prepare('SELECT order_id, waiter_id FROM payments').all() as { order_id: string; waiter_id: string | null }[]) {
      const pin = money.find((record) => record.orderId === row.order_id)?.pin;
      if (!pin || !row.waiter_id) continue;
      if ((waiterOf.get(pin) ?? row.waiter_id) !== row.waiter_id) problems.push(`PIN ${pin} became two waiters`);
      waiterOf.set(pin, row.waiter_id);
    }
    for (const [pin, waiterId] of waiterOf) {
      const actual = accountBalance(db, waiterAccount(waiterId));
      const expected = expect.waiterDebt.get(pin) ?? 0;
      if (actual !== expected) problems.push(`waiter ${pin}: debt ${actual}, committed answers say ${expected}`);
    }
    const cashOfPayments = db
      .prepare(
        `SELECT COALESCE(SUM(p.waiter_debt), 0) AS debt FROM payments p WHERE NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = p.order_id)`,
      )
      .get() as { debt: number };
    const allWaiters = db
      .prepare(
        `SELECT COALESCE((SELECT SUM(amount) FROM cash_entries WHERE debit_account LIKE 'waiter:%'), 0)
              - COALESCE((SELECT SUM(amount) FROM cash_entries WHERE credit_account LIKE 'waiter:%'), 0) AS debt`,
      )
      .get() as { debt: number };
    if (allWaiters.debt !== cashOfPayments.debt) problems.push(`waiters owe ${allWaiters.debt}, their standing payments took ${cashOfPayments.debt}`);

    const twiceResolved = db.prepare('SELECT hold_id FROM hold_resolutions GROUP BY hold_id HAVING COUNT(*) > 1').all();
    if (twiceResolved.length > 0) problems.push(`holds resolved twice: ${JSON.stringify(twiceResolved)}`);
  } finally {
    db.close();
  }
  return problems;
}

function compareSets(what: string, inDb: Set<string>, told: Set<string>, problems: string[]): void {
  const lost = [...told].filter((id) => !inDb.has(id));
  const unknown = [...inDb].filter((id) => !told.has(id));
  if (lost.length > 0) problems.push(`${what} the client was told of but the ledger lacks: ${lost.join(', ')}`);
  if (unknown.length > 0) problems.push(`${what} in the ledger that no answer reported: ${unknown.join(', ')}`);
}
