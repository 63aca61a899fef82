import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { guestMoney } from '../../loyalty/guest-balance.js';
import type { FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { FAST_TIMING, cashPayment, closeCloud, eventually, outboxOf, paymentOperationIds, startCloudWithGuests } from '../../testing/cloud-test-kit.js';

const ORDER = '44444444-4444-4444-8444-444444444444';
let fake: FakeGetMeBackCloud;
let till: TestTill;

afterEach(() => closeCloud(till, fake));

/** Guest g-1 (1 500,00 in the cloud) paid 1 000,00 in cash while the cloud was down: 50,00 accrued, not yet delivered. */
async function accrualWaitingInOutbox(timing = FAST_TIMING): Promise<void> {
  ({ fake, till } = await startCloudWithGuests({ timing }));
  await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-G-1001' });
  await fake.down();
  const paid = await till.waiter('POST', `/orders/${ORDER}/payments`, cashPayment(1000), { 'Idempotency-Key': 'offline' });
  expect(paid.body).toMatchObject({ Accrued: 50, Balance: 1550 });
  expect(await outboxOf(till)).toBe(1);
}

describe('the balance around the moment an operation reaches the cloud', () => {
  it('repeats a balance read that a delivery overlapped, so the accrual is neither lost nor counted twice', async () => {
    await accrualWaitingInOutbox({ ...FAST_TIMING, callTimeoutMs: 3_000 });
    const release = fake.holdOperations();
    fake.slow(300, 'lookups');
    await fake.up();

    // The cloud reads 1 500,00 for this request, then applies the accrual, acknowledged before this answer arrives.
    const view = till.waiter('GET', `/orders/${ORDER}`);
    await sleep(100);
    release();
    expect((await view).body).toMatchObject({ Guest: { Balance: 1550 } });
    const reads = fake.requests.filter((body) => body.id_client === 'g-1' && body.type === undefined);
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(fake.balanceOf('g-1')).toBe(155_000);
    expect(await outboxOf(till)).toBe(0);
  });

  it('reads a guest whose calls are still draining: the guest\'s next calls wait for the read instead of overlapping every repeat', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: { ...FAST_TIMING, callTimeoutMs: 5_000 } }));
    const orders = ['d', 'e', 'f', '9', '8'].map((c) => `${c.repeat(8)}-1111-4111-8111-111111111111`);
    for (const order of orders) await till.waiter('POST', `/orders/${order}/checkin`, { Value: 'GMB-G-1001' });
    await fake.down();
    for (const order of orders) await till.waiter('POST', `/orders/${order}/payments`, cashPayment(100), { 'Idempotency-Key': order });
    expect(await outboxOf(till)).toBe(5);
    fake.slow(150, 'operations');
    await fake.up();
    await eventually(() => fake.applied().length >= 1, 'the drain to begin', 10_000);
    const read = await till.core.provider.guest('g-1');
    expect(read?.id).toBe('g-1');
    // Every call still reaches the cloud once, in order, and the balance the till shows is the cloud's.
    await eventually(async () => (await outboxOf(till)) === 0, 'the drain to end', 10_000);
    expect(fake.applied()).toEqual(paymentOperationIds(till));
    const after = await till.core.provider.guest('g-1');
    expect(guestMoney(till.core.loyalty, after as NonNullable<typeof after>).balance).toBe(fake.balanceOf('g-1'));
  });

  it('keeps a profile read before a delivery right after the delivery', async () => {
    await accrualWaitingInOutbox({ ...FAST_TIMING, firstRetryMs: 60_000, maxRetryMs: 60_000 });
    await fake.up();
    const profile = await till.core.provider.guest('g-1');
    expect(profile).toMatchObject({ id: 'g-1', fullName: 'Иванов Иван Иванович' });
    expect(guestMoney(till.core.loyalty, profile as NonNullable<typeof profile>).balance).toBe(155_000);

    // The read told the courier the cloud is back; the accrual is delivered after the read.
    await eventually(async () => (await outboxOf(till)) === 0, 'the accrual to be delivered');
    expect(fake.balanceOf('g-1')).toBe(155_000);
    expect(guestMoney(till.core.loyalty, profile as NonNullable<typeof profile>).balance).toBe(155_000);
    const fresh = await till.core.provider.guest('g-1');
    expect(guestMoney(till.core.loyalty, fresh as NonNullable<typeof fresh>).balance).toBe(155_000);
  });
});
