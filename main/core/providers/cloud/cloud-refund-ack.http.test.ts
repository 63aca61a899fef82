import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { FAST_TIMING, cashPayment, closeCloud, eventually, outboxOf, startCloudWithGuests } from '../../testing/cloud-test-kit.js';

const ORDER = '8c8c8c8c-8c8c-4c8c-8c8c-8c8c8c8c8c8c';
const NEXT = '9e9e9e9e-9e9e-4e9e-8e9e-9e9e9e9e9e9e';
let fake: FakeGetMeBackCloud;
let till: TestTill;
afterEach(() => closeCloud(till, fake));
const kop = (n: number) => Math.round(n * 100);
const seen = async () => kop(((await till.waiter('GET', `/orders/${NEXT}`)).body as { Guest: { Balance: number } }).Guest.Balance);

async function paidAndDelivered(): Promise<void> {
  await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-G-1001' });
  await till.waiter('POST', `/orders/${ORDER}/payments`, cashPayment(1000, 300), { 'Idempotency-Key': 'pay' });
  await eventually(async () => (await outboxOf(till)) === 0, 'the payment to be delivered');
}

describe('a refund (listed by hand, the default): the balance is never above the cloud', () => {
  it('the refund answer\'s own Balance', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    await paidAndDelivered();
    const refunded = await till.waiter('POST', `/orders/${ORDER}/refund`, {}, { 'Idempotency-Key': 'refund' });
    expect(kop((refunded.body as { Balance: number }).Balance)).toBeLessThanOrEqual(fake.balanceOf('g-1'));
  });

  it('the profile read before the refund, shown offline after it', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    await paidAndDelivered();
    await till.waiter('POST', `/orders/${NEXT}/checkin`, { Value: 'GMB-G-1001' });
    await till.waiter('POST', `/orders/${ORDER}/refund`, {}, { 'Idempotency-Key': 'refund' });
    await fake.down();
    const shown = await seen();
    expect(shown).toBeLessThanOrEqual(fake.balanceOf('g-1'));
  });
});
