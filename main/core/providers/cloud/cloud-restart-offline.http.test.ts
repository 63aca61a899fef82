import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { FAST_TIMING, OFFLINE_MESSAGE, cashPayment, closeCloud, eventually, outboxOf, paymentOperationIds, startCloudWithGuests } from '../../testing/cloud-test-kit.js';

const CASH_ORDER = '44444444-4444-4444-8444-444444444444';
const BONUS_ORDER = '55555555-5555-4555-8555-555555555555';
let fake: FakeGetMeBackCloud;
let till: TestTill;

afterEach(() => closeCloud(till, fake));

describe('a till restarted while the cloud is away', () => {
  it('takes a cash payment of a guest checked in before the restart (accrual queued) and still refuses spending bonuses', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    await till.waiter('POST', `/orders/${CASH_ORDER}/checkin`, { Value: 'GMB-G-1002' });
    await till.waiter('POST', `/orders/${BONUS_ORDER}/checkin`, { Value: 'GMB-G-1001' });

    await fake.down();
    await till.restart();

    const cash = await till.waiter('POST', `/orders/${CASH_ORDER}/payments`, cashPayment(600), { 'Idempotency-Key': 'restart-cash' });
    expect(cash.status).toBe(200);
    expect(cash.body).toMatchObject({ Accrued: 30, BonusWrittenOff: 0, Balance: 330 });
    const bonus = await till.waiter('POST', `/orders/${BONUS_ORDER}/payments`, cashPayment(1000, 200), { 'Idempotency-Key': 'restart-bonus' });
    expect(bonus.body).toMatchObject({ WaiterMessage: OFFLINE_MESSAGE });
    expect(await outboxOf(till)).toBe(1);

    await fake.up();
    await eventually(async () => (await outboxOf(till)) === 0, 'the queued accrual to reach the cloud');
    const [cashOp] = paymentOperationIds(till) as [string];
    expect(fake.applied()).toEqual([cashOp]);
    expect(fake.balanceOf('g-2')).toBe(33_000);
  });
});
