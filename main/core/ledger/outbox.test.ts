import { describe, expect, it } from 'vitest';
import { temporaryFolders } from '../testing/temporary-folders.js';
import { openTillDatabase, type TillDatabase } from './database.js';
import { recordGuestEntry } from './guest-entries.js';
import { Outbox, PARKED_SQL, PENDING_SQL, UNCONFIRMED_SQL } from './outbox.js';

const freshDir = temporaryFolders('outbox');
const AT = '2026-12-03T12:00:00.000Z';

const call = (key: string, guestId: string) => ({ key, kind: 'order_paid', guestId, body: { invoiceNum: key } });

/** A guest entry of `amount` kopecks recorded with the call `operationId` (an accrual: a gain). */
function entry(db: TillDatabase, guestId: string, operationId: string, amount: number): void {
  recordGuestEntry(db, { guestId, orderId: `order-${operationId}`, operationId, kind: 'accrual', amount, holdId: null, voucherId: null, createdAt: AT });
}

const idOf = (db: TillDatabase, key: string) => (db.prepare('SELECT id FROM outbox WHERE operation_id = ?').get(key) as { id: number }).id;

describe("a guest's calls that may have reached the cloud (Outbox.unconfirmedFor)", () => {
  it('counts only the calls sent and not yet answered, of that guest, with the gains they carry', () => {
    const db = openTillDatabase(freshDir());
    const outbox = new Outbox(db);
    outbox.add(call('pay-1', 'g-1'), AT);
    entry(db, 'g-1', 'pay-1', 5_000);
    outbox.add(call('pay-2', 'g-1'), AT);
    entry(db, 'g-1', 'pay-2', 3_000);
    // Another guest's call in flight, and a refund listed for reconciliation by hand (never sent).
    outbox.add(call('pay-3', 'g-2'), AT);
    outbox.add(call('refund-1', 'g-1'), AT, true);
    expect(outbox.unconfirmedFor('g-1')).toBeNull();

    outbox.markSending([idOf(db, 'pay-1'), idOf(db, 'pay-3')]);
    expect(outbox.unconfirmedFor('g-1')).toEqual({ gains: 5_000 });
    expect(outbox.unconfirmedFor('g-2')).toEqual({ gains: 0 });

    outbox.together(() => outbox.markDelivered(idOf(db, 'pay-1'), AT));
    expect(outbox.unconfirmedFor('g-1')).toBeNull();
    db.close();
  });

  it("reads the guest's open calls from their own index, not every undelivered call of every guest", () => {
    const db = openTillDatabase(freshDir());
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${UNCONFIRMED_SQL}`).all('g-1') as { detail: string }[]).map((row) => row.detail);
    expect(plan.some((step) => /SEARCH o USING INDEX outbox_open_by_guest \(guest_id=\?\)/.test(step))).toBe(true);
    expect(plan.some((step) => /outbox_pending/.test(step))).toBe(false);
    db.close();
  });
});

describe("the outbox's counts the till's status reads (pendingCount, parked)", () => {
  it('count the open calls and the parked ones, with the last refusal', () => {
    const db = openTillDatabase(freshDir());
    const outbox = new Outbox(db);
    for (let n = 1; n <= 5; n += 1) outbox.add(call(`pay-${n}`, `g-${n % 2}`), AT);
    outbox.add(call('refund-1', 'g-1'), AT, true);
    expect(outbox.pendingCount()).toBe(5);
    expect(outbox.parked()).toEqual({ count: 0, lastError: null });
    for (const [key, error] of [
      ['pay-1', 'first refusal'],
      ['pay-4', 'last refusal'],
    ] as const) {
      expect(outbox.markRefused(idOf(db, key), error, AT, 1, AT)).toBe(true);
    }
    expect(outbox.parked()).toEqual({ count: 2, lastError: 'last refusal' });
    // Parked calls are still pending (not delivered); a delivered one is neither.
    outbox.together(() => outbox.markDelivered(idOf(db, 'pay-2'), AT));
    expect(outbox.pendingCount()).toBe(4);
    db.close();
  });

  it('read their own partial indexes, not every undelivered call of a backlog', () => {
    const db = openTillDatabase(freshDir());
    const planOf = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ');
    expect(planOf(PENDING_SQL)).toMatch(/USING (COVERING )?INDEX outbox_open_by_guest/);
    expect(planOf(PARKED_SQL)).toMatch(/USING INDEX outbox_parked/);
    expect(planOf(PARKED_SQL)).not.toMatch(/outbox_pending/);
    db.close();
  });
});
