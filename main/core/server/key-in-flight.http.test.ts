import { afterEach, describe, expect, it } from 'vitest';
import { closeCloud, eventually, startCloudWithGuests } from '../testing/cloud-test-kit.js';
import { startGatedTill, type GatedBook } from '../testing/gated-book.js';
import { heldCommit } from '../testing/held-commit.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { walCommits } from '../testing/wal-commits.js';
import { countRows, newOrderId, paymentBody, reservedOrder, waiterSteps } from '../testing/waiter-steps.js';
import { DATABASE_FILE } from '../ledger/database.js';
import path from 'node:path';

/**
 * The 409 of an Idempotency-Key whose first request is still running (docs/protocol.md#idempotency).
 * With the embedded book nothing yields inside a payment, so these tests use providers whose calls
 * really wait: the embedded book behind a gate the test opens, and the cloud provider against the
 * fake cloud answering late.
 */

const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of opened.splice(0)) await close();
});

async function gatedTill(): Promise<{ till: TestTill; book: GatedBook }> {
  const gated = await startGatedTill();
  opened.push(() => gated.till.close());
  return gated;
}

describe('a key whose first request is still running answers 409', () => {
  it('20 payments under one key while the first waits for the loyalty book: 19 × 409, then one commit', async () => {
    const { till, book } = await gatedTill();
    const steps = waiterSteps(till);
    const { order, body } = await reservedOrder(steps);

    const open = book.shut();
    let settled = 0;
    const answers = Array.from({ length: 20 }, () => steps.pay(order, body, 'one-key').finally(() => (settled += 1)));
    await eventually(() => book.waiting === 1 && settled === 19, 'the first payment to wait and 19 others to be answered');
    // Another body under the running key is "still running" too, not 422: the first may yet fail.
    const otherBody = await steps.pay(order, paymentBody(1200, { cash: 1200 }), 'one-key');
    expect(otherBody.status).toBe(409);
    // Whatever the body: one cut short is told the payment is running, not that it is malformed.
    const cutShort = await till.waiter('POST', `/orders/${order}/payments`, '{"OrderSum": 12', { 'Idempotency-Key': 'one-key' });
    expect(cutShort.status).toBe(409);
    expect(countRows(till, 'payments')).toBe(0);
    open();

    const all = await Promise.all(answers);
    const conflicts = all.filter((answer) => answer.status === 409);
    expect(conflicts).toHaveLength(19);
    for (const conflict of conflicts) expect(conflict.body.WaiterMessage).toMatch(/уже проводится/);
    const [committed] = all.filter((answer) => answer.status === 200);
    expect(committed?.body).toMatchObject({ OrderId: order, BonusWrittenOff: 300, WaiterDebt: 900 });
    expect(book.waiting).toBe(1);

    const replay = await steps.pay(order, body, 'one-key');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(committed?.text);
    expect(countRows(till, 'payments')).toBe(1);
    expect(countRows(till, 'guest_entries', "kind = 'bonus_writeoff'")).toBe(1);
  });

  it('a refund under a running key is 409 too', async () => {
    const { till, book } = await gatedTill();
    const steps = waiterSteps(till);
    const order = newOrderId();
    await steps.checkIn(order, 'GMB-G-1002');
    expect((await steps.pay(order, paymentBody(200, { cash: 200 }), 'refund-me')).status).toBe(200);

    const open = book.shut();
    const first = steps.refund(order, 'refund-key');
    await eventually(() => book.waiting === 1, 'the refund to wait for the loyalty book');
    expect((await steps.refund(order, 'refund-key')).status).toBe(409);
    open();
    expect((await first).body).toMatchObject({ OrderId: order, WaiterDebtReversed: 200 });
    expect((await steps.refund(order, 'refund-key')).headers.get('idempotent-replayed')).toBe('true');
    expect(countRows(till, 'refunds')).toBe(1);
  });

  it('the cloud provider against a fake cloud that answers late: the second request is 409, the first commits', async () => {
    const { fake, till } = await startCloudWithGuests();
    opened.push(() => closeCloud(till, fake));
    const steps = waiterSteps(till);
    const order = newOrderId();
    expect((await steps.checkIn(order, 'GMB-G-1001')).status).toBe(204);
    expect((await steps.precheck(order, 1000, 200)).body.BonusSum).toBe(200);
    const body = paymentBody(1000, { bonus: 200, cash: 800 });

    fake.slow(800, 'lookups');
    const seen = fake.requests.length;
    const first = steps.pay(order, body, 'cloud-key');
    await eventually(() => fake.requests.length > seen, 'the payment to ask the cloud for the guest');
    const second = await steps.pay(order, body, 'cloud-key');
    expect(second.status).toBe(409);
    const committed = await first;
    expect(committed.body).toMatchObject({ OrderId: order, BonusWrittenOff: 200, WaiterDebt: 800 });
    fake.slow(0);
    const replay = await steps.pay(order, body, 'cloud-key');
    expect(replay.text).toBe(committed.text);
    expect(countRows(till, 'payments')).toBe(1);
  });
});

describe('a payment waiting for its group commit (ledger/group-commit.ts)', () => {
  it('a retry under its key inside the batch is 409 and charges nothing; two payments of the batch share one commit; the retry after it replays the answer', async () => {
    const hold = heldCommit();
    const till = await startTestTill({ deferCommit: hold.defer });
    opened.push(() => till.close());
    const steps = waiterSteps(till);
    const { order, body } = await reservedOrder(steps);
    const other = newOrderId();
    await steps.checkIn(other, 'GMB-G-1002');
    const commitsBefore = walCommits(path.join(till.dataDir, `${DATABASE_FILE}-wal`));

    const first = steps.pay(order, body, 'batch-key');
    await eventually(() => hold.held(), 'the payment to wait for its group commit');
    const retry = await steps.pay(order, body, 'batch-key');
    expect(retry.status).toBe(409);
    expect(retry.body.WaiterMessage).toMatch(/уже проводится/);
    expect(countRows(till, 'payments')).toBe(0);
    const second = steps.pay(other, paymentBody(500, { cash: 500 }), 'other-key');
    await eventually(() => till.core.loyalty.groupCommit.waitingPayments === 2, 'the other payment to join the batch');
    expect(countRows(till, 'payments')).toBe(0);

    hold.release();
    const [committed, otherCommitted] = await Promise.all([first, second]);
    expect(committed.body).toMatchObject({ OrderId: order, BonusWrittenOff: 300, WaiterDebt: 900 });
    expect(otherCommitted.body).toMatchObject({ OrderId: other, WaiterDebt: 500 });
    expect(walCommits(path.join(till.dataDir, `${DATABASE_FILE}-wal`)) - commitsBefore).toBe(1);

    const replay = await steps.pay(order, body, 'batch-key');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(committed.text);
    expect(countRows(till, 'payments')).toBe(2);
    expect(countRows(till, 'cash_entries', 'order_id = ?', order)).toBe(1);
    expect(countRows(till, 'guest_entries', "kind = 'bonus_writeoff'")).toBe(1);
  });
});
