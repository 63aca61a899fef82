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
const seen = async () => (await till.waiter('GET', `/orders/${NEXT}`)).body as { Guest: { Balance: number; Available: number } };

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
      const shown = await seen();
      // Never above what the cloud has: not applied, the cloud before the refund less the accrual it
      // reverses; applied (its answer lost), the cloud's balance, the accrual taken off once more until
      // acknowledged (the lower figure). The 300 are never added by the till.
      expect(kop(shown.Guest.Balance)).toBe((applied ? fake.balanceOf('g-1') : before) - 3_500);
    });
  });
}
