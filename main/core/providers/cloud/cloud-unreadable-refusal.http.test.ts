import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { FAST_TIMING, cashPayment, closeCloud, eventually, paymentOperationIds, startCloudWithGuests } from '../../testing/cloud-test-kit.js';

const ORDER_OF_G1 = 'a1111111-1111-4111-8111-111111111111';
const LATER_OF_G1 = 'c3333333-3333-4333-8333-333333333333';
let fake: FakeGetMeBackCloud;
let till: TestTill;

afterEach(() => closeCloud(till, fake));

interface Line {
  id: number;
  invoiceNum: string;
  state: string;
  attempts: number;
}
const lineOf = async (invoiceNum: string) => (await till.http<{ operations: Line[] }>('GET', '/api/cloud/outbox')).body.operations.find((line) => line.invoiceNum === invoiceNum);

/**
 * A cloud that answers an operation with an HTTP 4xx — 409 «уже проведён» for a repeat whose first
 * answer was lost, 422 — or with JSON of no shape the till reads: the same call sent again gets the
 * same answer. It was taken for "no answer" and sent again forever, its guest's later operations
 * waiting behind it and no way for the manager to settle it by hand.
 */
describe.each([
  ['HTTP 409', { status: 409, text: JSON.stringify({ result: 'error', message: 'Чек с таким invoice_num уже проведён' }) }],
  ['a 200 of no shape the till reads', { status: 200, text: JSON.stringify({ status: 'error', message: 'Клиент заблокирован' }) }],
])('an operation the cloud answers with %s', (_, answer) => {
  it('is counted as refused: parked after 5 answers, the cloud still online, and the manager can settle it by hand', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    await till.waiter('POST', `/orders/${ORDER_OF_G1}/checkin`, { Value: 'GMB-G-1001' });
    fake.answerOperationsWith(answer);
    expect((await till.waiter('POST', `/orders/${ORDER_OF_G1}/payments`, cashPayment(1000), { 'Idempotency-Key': 'a' })).status).toBe(200);
    const [stuck] = paymentOperationIds(till) as [string];
    await eventually(async () => (await lineOf(stuck))?.state === 'parked', 'the operation to be parked');
    await sleep(300);
    expect((await lineOf(stuck))?.attempts).toBe(5);
    expect(till.core.provider.status().online).toBe(true);

    // The manager settles it (done in the cloud's cabinet); the guest's later operation goes.
    fake.answerOperationsWith(null);
    const line = (await lineOf(stuck)) as Line;
    const settled = await till.http('POST', `/api/cloud/outbox/${line.id}/settle`, { outcome: 'applied', by: 'Менеджер', note: 'проведено в кабинете' });
    expect(settled.status).toBe(200);
    await till.waiter('POST', `/orders/${LATER_OF_G1}/checkin`, { Value: 'GMB-G-1001' });
    expect((await till.waiter('POST', `/orders/${LATER_OF_G1}/payments`, cashPayment(300), { 'Idempotency-Key': 'c' })).status).toBe(200);
    const later = paymentOperationIds(till).find((id) => id !== stuck) as string;
    await eventually(() => fake.applied().includes(later), 'the guest’s later operation to be delivered');
  });
});

describe('an answer about the cloud or the till’s settings rather than the call (401: the key)', () => {
  it('is not a refusal: nothing is parked, and every guest’s operation goes once the key is right again', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    const other = 'b2222222-2222-4222-8222-222222222222';
    await till.waiter('POST', `/orders/${ORDER_OF_G1}/checkin`, { Value: 'GMB-G-1001' });
    await till.waiter('POST', `/orders/${other}/checkin`, { Value: 'GMB-G-1002' });
    fake.answerOperationsWith({ status: 401, text: JSON.stringify({ result: 'error', message: 'Invalid API key' }) });
    await till.waiter('POST', `/orders/${ORDER_OF_G1}/payments`, cashPayment(1000), { 'Idempotency-Key': 'a' });
    await till.waiter('POST', `/orders/${other}/payments`, cashPayment(200), { 'Idempotency-Key': 'b' });
    const operations = paymentOperationIds(till);
    await sleep(1_500); // many tries' worth at FAST_TIMING
    expect((await Promise.all(operations.map(lineOf))).map((line) => line?.state)).toEqual(['pending', 'pending']);
    fake.answerOperationsWith(null); // the key put right in the cloud's cabinet
    await eventually(() => operations.every((operation) => fake.applied().includes(operation)), 'both operations to be delivered', 10_000);
  });
});

describe('operations parked while the cloud’s address or key was wrong', () => {
  it('go back in line when the manager changes the address, the key or the API version, and are delivered once', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    await till.waiter('POST', `/orders/${ORDER_OF_G1}/checkin`, { Value: 'GMB-G-1001' });
    // What a wrong address answers: a 200 of no shape the till reads.
    fake.answerOperationsWith({ status: 200, text: JSON.stringify({ status: 'error', message: 'Unknown method' }) });
    await till.waiter('POST', `/orders/${ORDER_OF_G1}/payments`, cashPayment(1000), { 'Idempotency-Key': 'a' });
    const [operation] = paymentOperationIds(till) as [string];
    await eventually(async () => (await lineOf(operation))?.state === 'parked', 'the operation to be parked');
    fake.answerOperationsWith(null);
    // The manager touches how the cloud is reached (here «Любой адрес облака», which the fake's
    // loopback address does not need: the address, the key and the API version are the same key set).
    till.core.settings.update({ cloud: { anyHost: true } });
    await eventually(() => fake.applied().includes(operation), 'the operation to be delivered');
    expect((await lineOf(operation))?.state ?? 'delivered').toBe('delivered'); // the list keeps open ones
    await sleep(200);
    expect(fake.timesReceived(operation)).toBe(1);
  });
});
