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

for (const applied of [false, true]) {
  describe(`a sent refund whose answer never came (applied by the cloud: ${applied})`, () => {
    it('the balance shown', async () => {
      ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING, refunds: 'send' }));
      await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-G-1001' });
      await till.waiter('POST', `/orders/${ORDER}/payments`, cashPayment(1000, 300), { 'Idempotency-Key': 'pay' });
      await eventually(async () => (await outboxOf(till)) === 0, 'the payment to be delivered');
      await till.waiter('POST', `/orders/${NEXT}/checkin`, { Value: 'GMB-G-1001' });
      const before = fake.balanceOf('g-1');
      if (applied) fake.loseOperationAnswers(true); else fake.silenceGuest('g-1');
      await till.waiter('POST', `/orders/${ORDER}/refund`, {}, { 'Idempotency-Key': 'refund' });
      const refund = (till.core.db.prepare('SELECT operation_id FROM refunds').get() as { operation_id: string }).operation_id;
      await eventually(() => ((till.core.db.prepare('SELECT unanswered FROM outbox WHERE operation_id = ?').get(refund) as { unanswered: number }).unanswered) >= 1, 'the refund sent');
      await new Promise((r) => setTimeout(r, 800));
      const shown = kop(((await till.waiter('GET', `/orders/${NEXT}`)).body as { Guest: { Balance: number } }).Guest.Balance);
      // Never above what the cloud has: not applied, the cloud before the refund less the accrual it
      // reverses; applied (its answer lost), the cloud's balance, the accrual taken off once more until
      // acknowledged (the lower figure). The 300 are never added by the till.
      expect(shown).toBe((applied ? fake.balanceOf('g-1') : before) - 3_500);
    });
  });
}
