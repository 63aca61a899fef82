import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { cashPayment, closeCloud, eventually, outboxOf, paymentOperationIds, startCloudWithGuests } from '../../testing/cloud-test-kit.js';

const ORDER = '3f0e9a52-6d1b-4b8e-9a47-2b8f1c0d9e11';
const SECOND = '9b1d3c44-2a5e-4f6b-8c7d-0e1f2a3b4c5d';
let fake: FakeGetMeBackCloud;
let till: TestTill;

afterEach(() => closeCloud(till, fake));

describe('the guide’s story with the GetMeBack cloud as the provider', () => {
  it('checks in by QR, adds a gift, pays with bonus + cash, and the cloud ends with the same balance', async () => {
    ({ fake, till } = await startCloudWithGuests());

    expect((await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-V-5001', WaiterPin: '1111' })).status).toBe(204);
    const view = await till.waiter('GET', `/orders/${ORDER}`);
    expect(view.body).toMatchObject({
      Guest: { Id: 'g-1', FullName: 'Иванов Иван Иванович', Balance: 1500, Available: 1500 },
      OfferedGifts: [{ Id: 'v-1', Name: 'Капучино', ProductCode: '1001', Points: 200 }],
    });
    const gift = await till.waiter('POST', `/orders/${ORDER}/gifts`, { GiftId: 'v-1' });
    expect(gift.body).toEqual({ Gift: { Id: 'v-1', Name: 'Капучино', ProductCode: '1001', Points: 200 } });
    const pre = await till.waiter('POST', `/orders/${ORDER}/precheck`, { OrderSum: 1200, BonusSum: 300 });
    expect(pre.body).toMatchObject({ MaxSum: 600, BonusSum: 300, Balance: 1500 });

    const paid = await till.waiter('POST', `/orders/${ORDER}/payments`, cashPayment(1200, 300), { 'Idempotency-Key': 'pay-1' });
    expect(paid.body).toMatchObject({ BonusWrittenOff: 300, GiftPointsWrittenOff: 200, Accrued: 45, GiftsRedeemed: ['v-1'], Balance: 1045 });

    await eventually(async () => (await outboxOf(till)) === 0, 'the outbox to empty');
    const [operation] = paymentOperationIds(till);
    expect(fake.applied()).toEqual([operation, `${operation}:gift:v-1`]);
    expect(fake.timesReceived(operation as string)).toBe(1);
    expect(fake.timesReceived(`${operation}:gift:v-1`)).toBe(1);
    expect(fake.balanceOf('g-1')).toBe(104_500);
    expect(fake.giftUsed('v-1')).toBe(true);
    const bonusCall = fake.requests.find((body) => body.type === 'bonus');
    expect(bonusCall).toEqual({
      type: 'bonus',
      id_client: 'g-1',
      order_price: 1200,
      paid_bonus: 300,
      bonus_value: 45,
      id_branch: 'b-7',
      branch_name: 'Центральный',
      id_manager: expect.stringMatching(/^pin:/),
      manager_name: '',
      invoice_num: operation,
      api_key: 'secret-key-123',
    });

    // After delivery the balance is the cloud's own, with nothing counted twice.
    const after = await till.waiter('GET', `/orders/${ORDER}`);
    expect(after.body).toMatchObject({ Status: 'Paid', Guest: { Balance: 1045, Available: 1045 } });
    const status = await till.http<{ provider: unknown }>('GET', '/api/status');
    expect(status.body.provider).toEqual({ provider: 'cloud', online: true, lastError: null, trouble: null, parked: 0, outbox: 0 });
  });

  it('finds a guest by phone, and a refund reaches the cloud and gives the points back (refunds set to be sent)', async () => {
    ({ fake, till } = await startCloudWithGuests({ refunds: 'send' }));

    expect((await till.waiter('POST', `/orders/${SECOND}/checkin`, { Value: '+7 999 000-00-02' })).status).toBe(204);
    await till.waiter('POST', `/orders/${SECOND}/precheck`, { OrderSum: 400, BonusSum: 100 });
    const paid = await till.waiter('POST', `/orders/${SECOND}/payments`, cashPayment(400, 100), { 'Idempotency-Key': 'pay-2' });
    expect(paid.body).toMatchObject({ BonusWrittenOff: 100, Accrued: 15, Balance: 215 });
    const refund = await till.waiter('POST', `/orders/${SECOND}/refund`, {}, { 'Idempotency-Key': 'refund-2' });
    // The 100 come back when the cloud has them (its refund call acknowledged, below); the 15 go at once.
    expect(refund.body).toMatchObject({ BonusReturned: 100, AccrualReversed: 15, Balance: 200 });

    await eventually(async () => (await outboxOf(till)) === 0, 'the outbox to empty');
    const [payment] = paymentOperationIds(till);
    const refundCall = fake.requests.find((body) => body.type === 'refund');
    expect(refundCall).toMatchObject({ type: 'refund', id_client: 'g-2', refund_invoice_num: payment, returned_bonus: 100, reversed_bonus: 15 });
    expect(fake.applied()).toEqual([payment, refundCall?.invoice_num]);
    expect(fake.balanceOf('g-2')).toBe(30_000);
    expect((await till.waiter('GET', `/orders/${SECOND}`)).body).toMatchObject({ Status: 'Refunded', Guest: { Balance: 300 } });
  });
});
