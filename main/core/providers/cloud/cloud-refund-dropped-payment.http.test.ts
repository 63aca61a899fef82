import { afterEach, describe, expect, it } from 'vitest';
import { OutboxResponse, type OutboxLine } from '../../../../shared/admin/cloud.js';
import type { FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { FAST_TIMING, cashPayment, closeCloud, eventually, paymentOperationIds, startCloudWithGuests } from '../../testing/cloud-test-kit.js';

const PAID = 'a1111111-1111-4111-8111-111111111111';
const LATER = 'c3333333-3333-4333-8333-333333333333';
const SEEN = 'e5555555-5555-4555-8555-555555555555';
let fake: FakeGetMeBackCloud;
let till: TestTill;
afterEach(() => closeCloud(till, fake));

const kop = (roubles: number) => Math.round(roubles * 100);
const lines = async () => OutboxResponse.parse((await till.http('GET', '/api/cloud/outbox')).body).operations;
const lineOf = async (invoiceNum: string) => (await lines()).find((line) => line.invoiceNum === invoiceNum) as OutboxLine;
const refundLine = async () => (await lines()).find((line) => line.kind === 'refund') as OutboxLine;
/** g-1's balance as a waiter sees it at a check-in. */
const seen = async () => {
  await till.waiter('POST', `/orders/${SEEN}/checkin`, { Value: 'GMB-G-1001' });
  return kop(((await till.waiter('GET', `/orders/${SEEN}`)).body as { Guest: { Balance: number } }).Guest.Balance);
};

/**
 * g-1 pays 1 000 with 300 in bonuses (35 accrued); the cloud refuses the payment's call until it is
 * parked, and the manager drops it: the cloud never had it, so the till counts neither the 300 nor
 * the 35 (the guest's 1 500 stand).
 */
async function paymentTheCloudRefused(): Promise<string> {
  await till.waiter('POST', `/orders/${PAID}/checkin`, { Value: 'GMB-G-1001' });
  fake.answerOperationsWith({ status: 200, text: JSON.stringify({ result: 'error', message: 'Чек отклонён' }) });
  expect((await till.waiter('POST', `/orders/${PAID}/payments`, cashPayment(1000, 300), { 'Idempotency-Key': 'pay' })).status).toBe(200);
  const [paid] = paymentOperationIds(till) as [string];
  await eventually(async () => (await lineOf(paid)).state === 'parked', 'the payment’s call to be parked');
  fake.answerOperationsWith(null);
  return paid;
}

async function dropped(invoiceNum: string): Promise<OutboxLine> {
  const { id } = await lineOf(invoiceNum);
  const settled = await till.http<{ operation: OutboxLine }>('POST', `/api/cloud/outbox/${id}/settle`, { outcome: 'dropped', by: 'Менеджер', note: 'не проводить' });
  expect(settled.status).toBe(200);
  return settled.body.operation;
}

async function refunded(): Promise<number> {
  const refund = await till.waiter('POST', `/orders/${PAID}/refund`, {}, { 'Idempotency-Key': 'refund' });
  expect(refund.status).toBe(200);
  return kop((refund.body as { Balance: number }).Balance);
}

/** The guest's next payment (200, 10 accrued) reaches the cloud: the courier went past the refund's call, had it been in line. */
async function laterPaymentDelivered(): Promise<void> {
  await till.waiter('POST', `/orders/${LATER}/checkin`, { Value: 'GMB-G-1001' });
  expect((await till.waiter('POST', `/orders/${LATER}/payments`, cashPayment(200), { 'Idempotency-Key': 'later' })).status).toBe(200);
  const later = paymentOperationIds(till).at(-1) as string;
  await eventually(() => fake.applied().includes(later), 'the guest’s later payment to be delivered');
}

/**
 * A refund of an order whose payment's call the manager dropped («Закрыть вручную», not applied):
 * its refund's call was queued (and refused until parked: the cloud cannot refund what it never
 * had) and the accrual it reverses — never given — was taken off the guest's balance on the till.
 */
describe.each(['send', 'manual'] as const)('a refund (refunds: %s) of a payment whose cloud call was dropped', (refunds) => {
  it('recorded after the drop: settled at once as dropped with its payment, never sent, nothing taken off the guest', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: { ...FAST_TIMING, refusalsBeforeParking: 2 }, refunds }));
    const paid = await paymentTheCloudRefused();
    await dropped(paid);
    expect(await seen()).toBe(150_000);

    expect(await refunded()).toBe(150_000);
    const refund = await refundLine();
    expect(refund).toMatchObject({ state: 'settled', settled: { outcome: 'dropped', by: '', note: '', withPayment: paid } });
    expect(await seen()).toBe(150_000);

    await laterPaymentDelivered();
    expect(fake.timesReceived(refund.invoiceNum)).toBe(0);
    expect(fake.balanceOf('g-1')).toBe(150_000 + 1_000);
    expect(await seen()).toBe(150_000 + 1_000);
  });

  it('recorded while the payment’s call waited: dropped in the same settling as the payment, never sent', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: { ...FAST_TIMING, refusalsBeforeParking: 2 }, refunds }));
    const paid = await paymentTheCloudRefused();
    await refunded();
    const waiting = await refundLine();
    expect(waiting.state).toBe(refunds === 'send' ? 'pending' : 'manual');

    const payment = await dropped(paid);
    expect(payment.settled).toMatchObject({ outcome: 'dropped', by: 'Менеджер', note: 'не проводить', withPayment: null });
    expect(await refundLine()).toMatchObject({
      state: 'settled',
      settled: { outcome: 'dropped', by: 'Менеджер', note: 'не проводить', withPayment: paid, at: payment.settled?.at },
    });
    expect(await seen()).toBe(150_000);

    await laterPaymentDelivered();
    expect(fake.timesReceived(waiting.invoiceNum)).toBe(0);
    expect(fake.balanceOf('g-1')).toBe(150_000 + 1_000);
    expect(await seen()).toBe(150_000 + 1_000);
  });
});

describe('a refund of a payment whose cloud call was settled as applied', () => {
  it('is sent as before', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: { ...FAST_TIMING, refusalsBeforeParking: 2 }, refunds: 'send' }));
    const paid = await paymentTheCloudRefused();
    const { id } = await lineOf(paid);
    expect((await till.http('POST', `/api/cloud/outbox/${id}/settle`, { outcome: 'applied', by: 'Менеджер', note: 'проведено в кабинете' })).status).toBe(200);
    await refunded();
    const refund = await refundLine();
    await eventually(() => fake.timesReceived(refund.invoiceNum) > 0, 'the refund’s call to be sent');
    expect((await lineOf(refund.invoiceNum)).settled).toBeNull();
  });
});
