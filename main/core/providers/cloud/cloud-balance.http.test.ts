import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { guestMoney } from '../../loyalty/guest-balance.js';
import type { FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { FAST_TIMING, cashPayment, closeCloud, eventually, outboxOf, startCloudWithGuests } from '../../testing/cloud-test-kit.js';

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
