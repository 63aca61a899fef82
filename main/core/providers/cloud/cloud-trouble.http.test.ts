import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { FAST_TIMING, cashPayment, closeCloud, eventually, paymentOperationIds, startCloudWithGuests } from '../../testing/cloud-test-kit.js';

const ORDER = 'a1111111-1111-4111-8111-111111111111';
let fake: FakeGetMeBackCloud;
let till: TestTill;

afterEach(() => closeCloud(till, fake));

/** A paid order of g-1 whose operation the cloud answers as `refuse` sets it up; the trouble the header then shows. */
async function troubleAfter(refuse: (operation: string) => void): Promise<string | null> {
  ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
  await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-G-1001' });
  await fake.down();
  expect((await till.waiter('POST', `/orders/${ORDER}/payments`, cashPayment(1000), { 'Idempotency-Key': 'a' })).status).toBe(200);
  const [operation] = paymentOperationIds(till) as [string];
  refuse(operation);
  await fake.up();
  // Back online (the cloud answers), with what it answered told.
  await eventually(() => till.core.provider.status().online && till.core.provider.status().lastError !== null, 'the refusal to be told');
  return till.core.provider.status().trouble;
}

describe('what the header says when the cloud refuses an operation', () => {
  it('GetMeBack’s own refusal of the operation points at the «Облако» screen, not at the address and the key', async () => {
    expect(await troubleAfter((operation) => fake.refuseOperation(operation, 'Недостаточно бонусов'))).toBe('operationRefused');
  });

  it('a call refused over HTTP (401: the key) still says to check the address and the key', async () => {
    expect(await troubleAfter(() => fake.answerOperationsWith({ status: 401, text: '{"error":"Unauthorized"}' }))).toBe('refused');
  });
});
