import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { FAST_TIMING, OFFLINE_MESSAGE, cashPayment, closeCloud, eventually, outboxOf, paymentOperationIds, startCloudWithGuests } from '../../testing/cloud-test-kit.js';

const ORDERS = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '33333333-3333-4333-8333-333333333333',
];
let fake: FakeGetMeBackCloud;
let till: TestTill;

afterEach(() => closeCloud(till, fake));

function providerEvents(t: TestTill): { online: boolean; outbox: number }[] {
  return t.core.events
    .history({ types: ['provider.status'] })
    .reverse()
    .map((event) => event.data as { online: boolean; outbox: number });
}

describe('the cloud down during payments', () => {
  it('accepts cash payments and refunds into the outbox, refuses bonus write-offs, and delivers everything once, in order, after a restart', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING, refunds: 'send' }));
    const [cashOrder, giftOrder, bonusOrder] = ORDERS as [string, string, string];

    // While the cloud is up: guests checked in, a gift added, a bonus reserved.
    await till.waiter('POST', `/orders/${cashOrder}/checkin`, { Value: 'GMB-G-1002' });
    await till.waiter('POST', `/orders/${giftOrder}/checkin`, { Value: 'GMB-V-5002' });
    await till.waiter('POST', `/orders/${giftOrder}/gifts`, { GiftId: 'v-2' });
    await till.waiter('POST', `/orders/${bonusOrder}/checkin`, { Value: 'GMB-G-1001' });
    await till.waiter('POST', `/orders/${bonusOrder}/precheck`, { OrderSum: 1000, BonusSum: 200 });

    await fake.down();
    const cash = await till.waiter('POST', `/orders/${cashOrder}/payments`, cashPayment(600), { 'Idempotency-Key': 'cash-1' });
    expect(cash.body).toMatchObject({ Accrued: 30, BonusWrittenOff: 0, Balance: 330 });
    const withGift = await till.waiter('POST', `/orders/${giftOrder}/payments`, cashPayment(800), { 'Idempotency-Key': 'gift-1' });
    expect(withGift.body).toMatchObject({ GiftPointsWrittenOff: 350, Accrued: 40, GiftsRedeemed: ['v-2'] });
    const bonus = await till.waiter('POST', `/orders/${bonusOrder}/payments`, cashPayment(1000, 200), { 'Idempotency-Key': 'bonus-1' });
    expect(bonus.status).toBe(200);
    expect(bonus.body).toMatchObject({ WaiterMessage: OFFLINE_MESSAGE });
    const refund = await till.waiter('POST', `/orders/${cashOrder}/refund`, {}, { 'Idempotency-Key': 'refund-1' });
    expect(refund.body).toMatchObject({ AccrualReversed: 30, Balance: 300 });

    expect(await outboxOf(till)).toBe(4);
    const status = await till.http<{ provider: { online: boolean; lastError: string } }>('GET', '/api/status');
    expect(status.body.provider).toMatchObject({ online: false, lastError: 'connection refused' });
    expect(providerEvents(till).map((event) => event.online)).toEqual([false]);

    await till.restart();
    expect(await outboxOf(till)).toBe(4);
    await fake.up();
    await eventually(async () => (await outboxOf(till)) === 0, 'the outbox to empty after the restart');

    const [cashOp, giftOp] = paymentOperationIds(till) as [string, string];
    const refundOp = (till.core.db.prepare('SELECT operation_id FROM refunds').get() as { operation_id: string }).operation_id;
    const expected = [cashOp, giftOp, `${giftOp}:gift:v-2`, refundOp];
    // Each guest's in order (g-2's refund after its payment, g-1's gift after its payment); the two guests side by side.
    expect(fake.applied().filter((invoice) => invoice === cashOp || invoice === refundOp)).toEqual([cashOp, refundOp]);
    expect(fake.applied().filter((invoice) => invoice.startsWith(giftOp))).toEqual([giftOp, `${giftOp}:gift:v-2`]);
    expect([...fake.applied()].sort()).toEqual([...expected].sort());
    for (const invoice of expected) expect(fake.timesReceived(invoice)).toBe(1);
    expect(fake.balanceOf('g-2')).toBe(30_000);
    expect(fake.balanceOf('g-1')).toBe(150_000 + 4_000 - 35_000);
    expect(providerEvents(till).at(-1)).toEqual({ provider: 'cloud', online: true, lastError: null, trouble: null, parked: 0, outbox: expect.any(Number) });

    // The cloud is back: the refused bonus payment now goes through, against a fresh balance.
    await till.waiter('POST', `/orders/${bonusOrder}/precheck`, { OrderSum: 1000, BonusSum: 200 });
    const retried = await till.waiter('POST', `/orders/${bonusOrder}/payments`, cashPayment(1000, 200), { 'Idempotency-Key': 'bonus-2' });
    expect(retried.body).toMatchObject({ BonusWrittenOff: 200, Accrued: 40, Balance: 1190 - 200 + 40 });
    await eventually(async () => (await outboxOf(till)) === 0, 'the bonus payment to reach the cloud');
    expect(fake.balanceOf('g-1')).toBe(119_000 - 20_000 + 4_000);
  });

  it('keeps retrying while the cloud answers errors, and sends nothing again once acknowledged', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    const [first, second] = ORDERS as [string, string];
    await till.waiter('POST', `/orders/${first}/checkin`, { Value: 'GMB-G-1001' });
    await till.waiter('POST', `/orders/${second}/checkin`, { Value: 'GMB-G-1002' });

    fake.behave('http500');
    await till.waiter('POST', `/orders/${first}/payments`, cashPayment(100), { 'Idempotency-Key': 'a' });
    await eventually(() => till.core.provider.status().lastError === 'HTTP 500 from ' + `${fake.url}/rest/base/v33/validator/`, 'the 500 to be seen');
    fake.behave('error', 'Сервис временно недоступен');
    await till.waiter('POST', `/orders/${second}/payments`, cashPayment(200), { 'Idempotency-Key': 'b' });
    const attempts = () => (till.core.db.prepare('SELECT attempts FROM outbox ORDER BY id').all() as { attempts: number }[]).map((row) => row.attempts);
    await eventually(() => (attempts()[0] ?? 0) >= 3, 'the first operation to be retried');
    expect(till.core.provider.status().lastError).toContain('Сервис временно недоступен');
    expect(await outboxOf(till)).toBe(2);
    // Another guest's operation does not wait behind it: each guest's calls keep their own order.
    await eventually(() => (attempts()[1] ?? 0) >= 1, 'the other guest’s operation to be tried meanwhile');

    fake.behave('ok');
    await eventually(async () => (await outboxOf(till)) === 0, 'the outbox to empty');
    const operations = paymentOperationIds(till);
    expect([...fake.applied()].sort()).toEqual([...operations].sort());
    for (const invoice of operations) expect(fake.timesReceived(invoice)).toBe(1);
    const requestsBefore = fake.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.requests.length).toBe(requestsBefore);
  });
});
