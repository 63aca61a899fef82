import { describe, expect, it } from 'vitest';
import { temporaryFolders } from '../testing/temporary-folders.js';
import { openTillDatabase, type TillDatabase } from './database.js';
import { recordGuestEntry } from './guest-entries.js';
import { Outbox, PARKED_SQL, PENDING_SQL, REFUND_OF_FIELD, UNCONFIRMED_SQL, droppedWithPaymentNote } from './outbox.js';
import { outboxLine, settleOperation } from './outbox-desk.js';

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

describe('a refund’s call of a call a person dropped (Outbox.add, settleOperation)', () => {
  const refundCall = (key: string, kind: 'refund' | 'gift_refund', guestId: string, refundOf: string) => ({ key, kind, guestId, body: { [REFUND_OF_FIELD]: refundOf } });
  const row = (db: TillDatabase, key: string) =>
    db.prepare('SELECT settled_at, settled_by, settled_note, settled_outcome FROM outbox WHERE operation_id = ?').get(key) as Record<string, string | null>;
  const parkAndDrop = (db: TillDatabase, key: string) => {
    db.prepare('UPDATE outbox SET parked_at = ? WHERE operation_id = ?').run(AT, key);
    return settleOperation(db, idOf(db, key), { at: AT, by: 'Ольга', note: 'не проводить', outcome: 'dropped' });
  };

  it('records the refund of a dropped payment (and of its dropped gift) settled as dropped, and its entries count for nothing', () => {
    const db = openTillDatabase(freshDir());
    const outbox = new Outbox(db);
    outbox.add(call('pay-1', 'g-1'), AT);
    entry(db, 'g-1', 'pay-1', 5_000);
    outbox.add(call('pay-1:gift:v-1', 'g-1'), AT);
    parkAndDrop(db, 'pay-1');
    parkAndDrop(db, 'pay-1:gift:v-1');
    expect(outbox.recordedFor('g-1')).toBe(0);

    expect(outbox.add(refundCall('refund-1', 'refund', 'g-1', 'pay-1'), AT)).toBe('droppedWithPayment');
    expect(outbox.add(refundCall('refund-1:gift:v-1', 'gift_refund', 'g-1', 'pay-1:gift:v-1'), AT, true)).toBe('droppedWithPayment');
    entry(db, 'g-1', 'refund-1', -5_000);
    expect(row(db, 'refund-1')).toEqual({ settled_at: AT, settled_by: null, settled_note: droppedWithPaymentNote('pay-1', null), settled_outcome: 'dropped' });
    expect(outboxLine(db, idOf(db, 'refund-1'))?.settled).toEqual({ at: AT, by: '', note: '', outcome: 'dropped', withPayment: 'pay-1' });
    expect(outboxLine(db, idOf(db, 'refund-1:gift:v-1'))?.settled?.withPayment).toBe('pay-1:gift:v-1');
    expect(outbox.next()).toBeNull();
    expect(outbox.recordedFor('g-1')).toBe(0);
    // Recorded again (a repeat of the same refund): still one row, still dropped.
    expect(outbox.add(refundCall('refund-1', 'refund', 'g-1', 'pay-1'), AT)).toBe('droppedWithPayment');
    expect((db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE operation_id = 'refund-1'").get() as { n: number }).n).toBe(1);
    db.close();
  });

  it('drops an open refund’s call in the same settling as its payment’s, and no other refund', () => {
    const db = openTillDatabase(freshDir());
    const outbox = new Outbox(db);
    outbox.add(call('pay-1', 'g-1'), AT);
    outbox.add(call('pay-2', 'g-1'), AT);
    expect(outbox.add(refundCall('refund-1', 'refund', 'g-1', 'pay-1'), AT)).toBe('queued');
    outbox.add(refundCall('refund-2', 'refund', 'g-1', 'pay-2'), AT);
    expect(parkAndDrop(db, 'pay-1')).toEqual({ refundsDropped: ['refund-1'] });
    expect(outboxLine(db, idOf(db, 'refund-1'))?.settled).toEqual({ at: AT, by: 'Ольга', note: 'не проводить', outcome: 'dropped', withPayment: 'pay-1' });
    expect(outboxLine(db, idOf(db, 'refund-2'))?.settled).toBeNull();
    // Settled as applied, a payment's refund goes on.
    db.prepare('UPDATE outbox SET parked_at = ? WHERE operation_id = ?').run(AT, 'pay-2');
    expect(settleOperation(db, idOf(db, 'pay-2'), { at: AT, by: 'Ольга', note: 'проведено', outcome: 'applied' })).toEqual({ refundsDropped: [] });
    expect(outbox.next()?.key).toBe('refund-2');
    // A person's note that looks like ours stays as typed.
    const typed = '{"droppedWithPayment": 1}';
    db.prepare('UPDATE outbox SET parked_at = ? WHERE operation_id = ?').run(AT, 'refund-2');
    expect(settleOperation(db, idOf(db, 'refund-2'), { at: AT, by: 'Ольга', note: typed, outcome: 'dropped' })).toEqual({ refundsDropped: [] });
    expect(outboxLine(db, idOf(db, 'refund-2'))?.settled).toMatchObject({ note: typed, withPayment: null });
    db.close();
  });
});

describe('a person’s note on a settled operation', () => {
  it('is shown as typed, even in the shape of the till’s own note of a refund dropped with its payment', () => {
    const db = openTillDatabase(freshDir());
    const outbox = new Outbox(db);
    outbox.add(call('pay-9', 'g-1'), AT);
    db.prepare('UPDATE outbox SET parked_at = ? WHERE operation_id = ?').run(AT, 'pay-9');
    const typed = droppedWithPaymentNote('другой-чек', 'проведено в кабинете');
    expect(settleOperation(db, idOf(db, 'pay-9'), { at: AT, by: 'Менеджер', note: typed, outcome: 'applied' })).not.toBeNull();
    expect(outboxLine(db, idOf(db, 'pay-9'))?.settled).toMatchObject({ note: typed, withPayment: null, outcome: 'applied' });
    db.close();
  });
});

