import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { guestMoney } from '../../loyalty/guest-balance.js';
import type { FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { FAST_TIMING, cashPayment, closeCloud, eventually, outboxOf, paymentOperationIds, startCloudWithGuests } from '../../testing/cloud-test-kit.js';

/** Paid in this order: g-1, g-2, g-1, g-2. */
const ORDERS: [string, string, number][] = [
  ['a1111111-1111-4111-8111-111111111111', 'GMB-G-1001', 1000],
  ['b2222222-2222-4222-8222-222222222222', 'GMB-G-1002', 200],
  ['c3333333-3333-4333-8333-333333333333', 'GMB-G-1001', 300],
  ['d4444444-4444-4444-8444-444444444444', 'GMB-G-1002', 400],
];
let fake: FakeGetMeBackCloud;
let till: TestTill;

afterEach(() => closeCloud(till, fake));

describe('an operation the cloud keeps refusing', () => {
  it('is parked after 5 refusals and reported; other guests’ operations are delivered once, the same guest’s wait behind it', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    for (const [order, qr] of ORDERS) await till.waiter('POST', `/orders/${order}/checkin`, { Value: qr });
    await fake.down();
    for (const [order, , sum] of ORDERS) {
      expect((await till.waiter('POST', `/orders/${order}/payments`, cashPayment(sum), { 'Idempotency-Key': order })).status).toBe(200);
    }
    const [refused, otherGuest, sameGuest, otherGuestLater] = paymentOperationIds(till) as [string, string, string, string];
    fake.refuseOperation(refused, 'Чек отклонён');
    await fake.up();

    await eventually(() => fake.applied().length === 2, 'the other guest’s operations to be delivered');
    expect(fake.applied()).toEqual([otherGuest, otherGuestLater]);
    await eventually(() => fake.timesReceived(refused) === 5, 'the refused operation to be parked');
    await sleep(400);
    expect(fake.timesReceived(refused)).toBe(5);
    expect(fake.timesReceived(otherGuest)).toBe(1);
    expect(fake.timesReceived(otherGuestLater)).toBe(1);
    expect(fake.timesReceived(sameGuest)).toBe(0);
    expect(fake.balanceOf('g-2')).toBe(30_000 + 1_000 + 2_000);
    expect(fake.balanceOf('g-1')).toBe(150_000);

    // Both of g-1's operations are still the cloud's to receive: counted in the outbox and in g-1's balance.
    expect(await outboxOf(till)).toBe(2);
    const parkedNote = `1 operation(s) parked after repeated refusals, not sent again until resolved; last: the cloud refused operation ${refused}: Чек отклонён`;
    const status = await till.http<{ provider: { online: boolean; lastError: string } }>('GET', '/api/status');
    expect(status.body.provider).toMatchObject({ online: true, lastError: parkedNote });
    const profile = await till.core.provider.guest('g-1');
    expect(profile?.stale).toBeUndefined();
    expect(guestMoney(till.core.loyalty, profile as NonNullable<typeof profile>).balance).toBe(150_000 + 5_000 + 1_500);

    // A later lookup clears the connection's own error, not the note about the parked operation.
    await till.waiter('POST', '/orders/e5555555-5555-4555-8555-555555555555/checkin', { Value: '79990000002' });
    expect(till.core.provider.status().lastError).toBe(parkedNote);
  });
});
