import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TillEvent } from '../../../shared/events.js';
import { waiterMessage } from '../../../shared/i18n/waiter-messages.js';
import { integrityOfFile } from '../ledger/integrity.js';
import { waiterDebt } from '../ledger/waiter-debts.js';
import { RotatingLogFile } from '../log-file.js';
import { smallDisk, type SmallDisk } from '../testing/small-disk.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { newOrderId, paymentBody, waiterSteps, type Refused } from '../testing/waiter-steps.js';

let disk: SmallDisk | null = null;
let till: TestTill | null = null;
afterEach(async () => {
  disk?.free();
  await till?.close();
  till = null;
  disk?.release();
  disk = null;
});

/** The ledger read straight from the file: each payment has its stored answer, and the cash book agrees with the payments. */
function audit(file: string): { payments: number; keys: number; debt: number; paymentsDebt: number; integrity: string } {
  const db = new Database(file, { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      payments: count('SELECT COUNT(*) AS n FROM payments'),
      keys: count('SELECT COUNT(*) AS n FROM idempotency_keys'),
      debt: count(
        "SELECT COALESCE(SUM(CASE WHEN debit_account LIKE 'waiter:%' THEN amount ELSE -amount END), 0) AS n FROM cash_entries WHERE debit_account LIKE 'waiter:%' OR credit_account LIKE 'waiter:%'",
      ),
      paymentsDebt: count('SELECT COALESCE(SUM(waiter_debt), 0) AS n FROM payments'),
      integrity: integrityOfFile(file),
    };
  } finally {
    db.close();
  }
}

function paymentsOf(file: string, orderId: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM payments WHERE order_id = ?').get(orderId) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('a full disk under the data folder', () => {
  it('refuses payments cleanly with a message, tells the cashier once, and pays again exactly once when space returns', async () => {
    disk = smallDisk();
    console.info(`disk-full test: ${disk.how}`);
    till = await startTestTill({ dataDir: disk.dir });
    const steps = waiterSteps(till);
    const told: TillEvent[] = [];
    till.core.events.subscribe((event) => told.push(event));
    const before = await steps.pay(newOrderId(), paymentBody(1000, { cash: 1000 }), 'before-full');
    expect(before.status).toBe(200);

    disk.fill();
    // The WAL may still have room for a payment or two: pay until the disk refuses.
    const refused: { orderId: string; key: string; answer: Awaited<ReturnType<typeof steps.pay>> }[] = [];
    for (let n = 0; n < 200 && refused.length < 3; n += 1) {
      const orderId = newOrderId();
      const answer = await steps.pay(orderId, paymentBody(2500, { cash: 2500 }), `full-${n}`);
      expect(answer.status).toBe(200);
      if (answer.body.WaiterMessage !== undefined) refused.push({ orderId, key: `full-${n}`, answer });
      else expect(refused).toHaveLength(0);
    }
    expect(refused).toHaveLength(3);
    const messageKey = disk.fullKind === 'full' ? 'diskFull' : 'diskFailing';
    for (const { answer } of refused) {
      const body = answer.body as Refused;
      expect(body).toEqual({ WaiterMessage: waiterMessage('ru', messageKey, String(body.RequestId)), RequestId: body.RequestId });
    }
    // The same key again while the disk is full: still refused, never a stored refusal.
    const first = refused[0] as (typeof refused)[number];
    const again = await steps.pay(first.orderId, paymentBody(2500, { cash: 2500 }), first.key);
    expect((again.body as Refused).WaiterMessage).toBe(waiterMessage('ru', messageKey, String((again.body as Refused).RequestId)));

    // The cashier heard once, however many requests the disk refused; the feed could not keep it.
    const failed = told.filter((event) => event.type === 'storage.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.data).toMatchObject({ kind: disk.fullKind });
    expect(till.core.storage.trouble()).toBe(disk.fullKind);
    // While the disk is full the episode stays open, though a small event may still fit in the WAL
    // (free space decides); a write limit stands in for a failing disk, which ends at the first write that passes.
    if (disk.fullKind === 'full') expect(till.core.storage.probe()).toBe(false);

    disk.free();
    expect(till.core.storage.probe()).toBe(true);
    expect(till.core.storage.trouble()).toBeNull();
    const recovered = till.core.events.history({ types: ['storage.recovered'] });
    expect(recovered).toHaveLength(1);
    expect(recovered[0]?.data).toMatchObject({ kind: disk.fullKind, refused: 4 });

    // The refused payment goes through with its own key, once; its retry replays the same answer.
    const paid = await steps.pay(first.orderId, paymentBody(2500, { cash: 2500 }), first.key);
    expect(paid.status).toBe(200);
    expect(paid.body.WaiterMessage).toBeUndefined();
    const replay = await steps.pay(first.orderId, paymentBody(2500, { cash: 2500 }), first.key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(paid.text);

    // What is on the disk once the till has stopped (it holds the file's lock while it runs).
    await till.close();
    till = null;
    const file = path.join(disk.dir, 'till.db');
    const ledger = audit(file);
    expect(ledger.integrity).toBe('ok');
    // before-full, the payments the WAL still had room for, and the refused one paid now: each once, each with its answer.
    expect(ledger.keys).toBe(ledger.payments);
    expect(ledger.debt).toBe(ledger.paymentsDebt);
    expect(paymentsOf(file, first.orderId)).toBe(1);
    for (const other of refused.slice(1)) expect(paymentsOf(file, other.orderId)).toBe(0);
  });

  it('a read-only data folder refuses payments with its own message and passes without a restart', async () => {
    disk = smallDisk();
    till = await startTestTill({ dataDir: disk.dir });
    const steps = waiterSteps(till);
    const told: TillEvent[] = [];
    till.core.events.subscribe((event) => told.push(event));
    // Linux refuses to remount read-only a file system with files open for writing (the till's
    // database): a running till meets a read-only folder only when the kernel forces it after disk
    // errors. SQLite's own read-only switch then gives the till the same SQLITE_READONLY.
    const refusal = disk.remountReadOnly();
    expect(refusal).not.toBeNull();
    console.info(`read-only test: remount refused (${String(refusal)}); PRAGMA query_only gives the till SQLITE_READONLY instead`);
    const debtOrder = newOrderId();
    expect((await steps.pay(debtOrder, paymentBody(500, { cash: 500 }), 'debt-before')).body.WaiterMessage).toBeUndefined();
    till.core.db.pragma('query_only = ON');
    const orderId = newOrderId();
    const answer = await steps.pay(orderId, paymentBody(1000, { cash: 1000 }), 'read-only');
    const body = answer.body as Refused;
    expect(answer.status).toBe(200);
    expect(body.WaiterMessage).toBe(waiterMessage('ru', 'diskReadOnly', String(body.RequestId)));
    expect(till.core.storage.trouble()).toBe('readOnly');
    // The feed cannot keep the event on a read-only database: it reaches the screen and the tray only.
    expect(told.filter((event) => event.type === 'storage.failed').map((event) => Number.isInteger(event.id))).toEqual([false]);
    expect(till.core.events.history({ types: ['storage.failed'] })).toHaveLength(0);

    // The dashboard's API is not the waiter's: a hand-in the disk refuses is 503, never a 200 a screen could take for done.
    const waiter = (till.core.db.prepare('SELECT waiter_id FROM payments WHERE order_id = ?').get(debtOrder) as { waiter_id: string }).waiter_id;
    const handIn = await till.http<{ Message?: string; WaiterMessage?: string }>('POST', `/api/waiters/${encodeURIComponent(waiter)}/hand-ins`, { amount: 500, recordedBy: 'Ольга' });
    expect(handIn.status).toBe(503);
    // In the admin API's one error body (shared/admin/problem.ts), not the waiter's.
    expect(handIn.body.Message).toMatch(/^Папка данных GetMeBack Till открыта только для чтения/);
    expect(handIn.body.WaiterMessage).toBeUndefined();
    expect(waiterDebt(till.core.db, waiter)).toBe(50_000);

    till.core.db.pragma('query_only = OFF');
    expect(till.core.storage.probe()).toBe(true);
    const paid = await steps.pay(orderId, paymentBody(1000, { cash: 1000 }), 'read-only');
    expect(paid.body.WaiterMessage).toBeUndefined();
    expect(paid.body).toMatchObject({ OrderId: orderId });
  });

  it("the log's lines lost to a full disk are told to its listener and counted once the disk takes them again", async () => {
    disk = smallDisk(2 * 1024 * 1024);
    const log = new RotatingLogFile(path.join(disk.dir, 'logs', 'till.log'));
    try {
    const failures: string[] = [];
    log.onWriteFailed((error) => failures.push(String(error.code)));
    const flushed = () => new Promise<void>((resolve) => log.flush(() => resolve()));
    log.write('{"msg":"before"}\n');
    await flushed();
    disk.fill();
    log.write(`{"msg":"${'x'.repeat(64 * 1024)}"}\n`);
    await flushed();
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]).toBe(disk.fullKind === 'full' ? 'ENOSPC' : 'EFBIG');
    disk.free();
    log.write('{"msg":"after"}\n');
    await flushed();
    } finally {
      log.end();
    }
    const lines = readFileSync(path.join(disk.dir, 'logs', 'till.log'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('{"msg":"before"}');
    expect(lines).toContain('{"msg":"after"}');
    expect(lines.some((text) => text.includes('log lines lost: the disk refused them'))).toBe(true);
  });
});
