import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTillDatabase, type TillDatabase } from './database.js';
import { bindGuest, ensureOrder, findOrder, findOrders, findOrderState, ordersToShow, ordersWithWrongStatus } from './orders.js';
import { recordPayment, recordRefund } from './payments.js';
import { restoreBackup } from './restore.js';
import { MIGRATIONS } from './schema.js';
import { temporaryFolders } from '../testing/temporary-folders.js';

const freshDir = temporaryFolders('status');

const AT = '2026-03-01T12:00:00.000Z';
const payment = (orderId: string) => ({
  orderId,
  operationId: `pay-${orderId}`,
  guestId: null,
  waiterId: null,
  orderSum: 100_000,
  bonusSum: 0,
  giftPoints: 0,
  accrued: 0,
  cashSum: 0,
  waiterDebt: 0,
  itemsJson: '[]',
  paidAt: AT,
});
const refund = (orderId: string) => ({ orderId, operationId: `refund-${orderId}`, waiterId: null, refundedAt: AT });
const statusOf = (db: TillDatabase, orderId: string) => findOrder(db, orderId)?.status;

/** The schema an earlier version wrote (before the status column), with an open, a paid and a refunded order. */
function writeEarlierFile(file: string): void {
  const STATUS_MIGRATION = MIGRATIONS.findIndex((migration) => migration.includes('ALTER TABLE orders ADD COLUMN status'));
  const old = new Database(file);
  for (const migration of MIGRATIONS.slice(0, STATUS_MIGRATION)) old.exec(migration);
  old.pragma(`user_version = ${STATUS_MIGRATION}`);
  const order = old.prepare("INSERT INTO orders (id, guest_name, opened_at, updated_at) VALUES (?, 'Анна', ?, ?)");
  const paid = old.prepare(
    `INSERT INTO payments (order_id, operation_id, order_sum, bonus_sum, gift_points, accrued, cash_sum, waiter_debt, items_json, paid_at)
     VALUES (?, ?, 100000, 0, 0, 0, 0, 0, '[]', ?)`,
  );
  for (const id of ['open', 'paid', 'refunded']) order.run(id, AT, AT);
  paid.run('paid', 'pay-paid', AT);
  paid.run('refunded', 'pay-refunded', AT);
  old.prepare('INSERT INTO refunds (order_id, operation_id, refunded_at) VALUES (?, ?, ?)').run('refunded', 'refund-refunded', AT);
  old.close();
}

function expectEarlierStatuses(db: TillDatabase): void {
  expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  expect([...findOrders(db, ['open', 'paid', 'refunded']).values()].map((order) => [order.id, order.status])).toEqual(
    expect.arrayContaining([
      ['open', 'Open'],
      ['paid', 'Paid'],
      ['refunded', 'Refunded'],
    ]),
  );
  expect(statusOf(db, 'paid')).toBe('Paid');
  expect(ordersWithWrongStatus(db)).toEqual([]);
}

describe("an order's status on its row", () => {
  it('is Open, then Paid with its payment, then Refunded with its refund', () => {
    const db = openTillDatabase(freshDir());
    ensureOrder(db, 'o-1', AT);
    expect(statusOf(db, 'o-1')).toBe('Open');
    db.transaction(() => recordPayment(db, payment('o-1')))();
    expect(statusOf(db, 'o-1')).toBe('Paid');
    expect(findOrders(db, ['o-1']).get('o-1')?.status).toBe('Paid');
    db.transaction(() => recordRefund(db, refund('o-1')))();
    expect(statusOf(db, 'o-1')).toBe('Refunded');
    expect(ordersWithWrongStatus(db)).toEqual([]);
    db.close();
  });

  it("is what the check-in's short read gives, with the bound guest, at every step (findOrderState)", () => {
    const db = openTillDatabase(freshDir());
    expect(findOrderState(db, 'o-1')).toBeNull();
    ensureOrder(db, 'o-1', AT);
    expect(findOrderState(db, 'o-1')).toEqual({ status: 'Open', guestId: null, updatedAt: expect.any(String) });
    bindGuest(db, 'o-1', { id: 'g-1', fullName: 'Анна' }, null, AT);
    expect(findOrderState(db, 'o-1')).toEqual({ status: 'Open', guestId: 'g-1', updatedAt: expect.any(String) });
    db.transaction(() => recordPayment(db, payment('o-1')))();
    expect(findOrderState(db, 'o-1')).toEqual({ status: 'Paid', guestId: 'g-1', updatedAt: expect.any(String) });
    db.transaction(() => recordRefund(db, refund('o-1')))();
    const whole = findOrder(db, 'o-1');
    expect(findOrderState(db, 'o-1')).toMatchObject({ status: whole?.status, guestId: whole?.guestId });
    expect(whole?.status).toBe('Refunded');
    db.close();
  });

  it('leaves the screen of open orders once paid', () => {
    const db = openTillDatabase(freshDir());
    for (const id of ['o-open', 'o-paid']) {
      ensureOrder(db, id, AT);
      bindGuest(db, id, { id: 'g-1', fullName: 'Анна' }, null, AT);
    }
    db.transaction(() => recordPayment(db, payment('o-paid')))();
    expect(ordersToShow(db, { activeSince: '2026-01-01T00:00:00.000Z' }).map((row) => row.id)).toEqual(['o-open']);
    db.close();
  });

  it('is written in the payment’s transaction: a payment rolled back leaves the order Open', () => {
    const db = openTillDatabase(freshDir());
    ensureOrder(db, 'o-1', AT);
    expect(() =>
      db.transaction(() => {
        recordPayment(db, payment('o-1'));
        throw new Error('the disk is full');
      })(),
    ).toThrow('the disk is full');
    expect(statusOf(db, 'o-1')).toBe('Open');
    expect(db.prepare('SELECT COUNT(*) AS n FROM payments').get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a payment for an order whose row is not Open, and writes neither', () => {
    const db = openTillDatabase(freshDir());
    ensureOrder(db, 'o-1', AT);
    db.prepare("UPDATE orders SET status = 'Paid' WHERE id = 'o-1'").run();
    expect(() => db.transaction(() => recordPayment(db, payment('o-1')))()).toThrow(/order o-1 is not Open/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM payments').get()).toEqual({ n: 0 });
    expect(ordersWithWrongStatus(db)).toEqual([{ id: 'o-1', status: 'Paid', expected: 'Open' }]);
    db.close();
  });

  it('takes only Open, Paid or Refunded', () => {
    const db = openTillDatabase(freshDir());
    ensureOrder(db, 'o-1', AT);
    expect(() => db.prepare("UPDATE orders SET status = 'Closed' WHERE id = 'o-1'").run()).toThrow(/CHECK constraint failed/);
    expect(statusOf(db, 'o-1')).toBe('Open');
    db.close();
  });
});

describe('a data folder an earlier version wrote', () => {
  it('opens with each order’s status filled from its payment and refund', () => {
    const dir = freshDir();
    writeEarlierFile(path.join(dir, 'till.db'));
    const db = openTillDatabase(dir);
    expectEarlierStatuses(db);
    db.close();
  });

  it('restored from an earlier version’s backup, opens with the same statuses', () => {
    const dir = freshDir();
    openTillDatabase(dir).close();
    const backup = path.join(freshDir(), 'till-20260301-120000-daily.db');
    writeEarlierFile(backup);
    restoreBackup(dir, backup, new Date(AT));
    const db = openTillDatabase(dir);
    expectEarlierStatuses(db);
    db.close();
  });
});
