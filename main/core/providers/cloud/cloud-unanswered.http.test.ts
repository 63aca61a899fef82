import { afterEach, describe, expect, it } from 'vitest';
import { guestMoney } from '../../loyalty/guest-balance.js';
import { ProviderUnavailableError } from '../loyalty-provider.js';
import type { FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { FAST_TIMING, OFFLINE_MESSAGE, cashPayment, closeCloud, eventually, outboxOf, paymentOperationIds, startCloudWithGuests } from '../../testing/cloud-test-kit.js';

const ORDER = '77777777-7777-4777-8777-777777777777';
const NEXT_ORDER = '88888888-8888-4888-8888-888888888888';
let fake: FakeGetMeBackCloud;
let till: TestTill;

afterEach(() => closeCloud(till, fake));

function delivery(): { attempts: number; refusals: number } {
  return (till.core.db.prepare('SELECT attempts, refusals FROM outbox').get() as { attempts: number; refusals: number } | undefined) ?? { attempts: 0, refusals: 0 };
}

async function balanceOf(guestId: string, options: { allowStale?: boolean } = {}): Promise<{ balance: number; stale: boolean }> {
  const profile = await till.core.provider.guest(guestId, options);
  if (!profile) throw new Error(`no guest ${guestId}`);
  return { balance: guestMoney(till.core.loyalty, profile).balance, stale: profile.stale === true };
}

describe('an operation the cloud applied but never confirmed', () => {
  it('counts the accrual once, refuses to spend on an uncertain balance, and is clean once a retry is acknowledged', async () => {
    ({ fake, till } = await startCloudWithGuests({
      timing: { ...FAST_TIMING, deliveryTimeoutMs: 300, firstRetryMs: 300, maxRetryMs: 300, refusalsBeforeParking: 100 },
    }));
    await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-G-1001' });
    await till.waiter('POST', `/orders/${NEXT_ORDER}/checkin`, { Value: 'GMB-G-1001' });

    fake.loseOperationAnswers(true);
    const paid = await till.waiter('POST', `/orders/${ORDER}/payments`, cashPayment(1000), { 'Idempotency-Key': 'paid' });
    expect(paid.body).toMatchObject({ Accrued: 50, Balance: 1550 });
    const [operation] = paymentOperationIds(till) as [string];
    await eventually(() => delivery().attempts === 1, 'the delivery to time out');
    // The cloud counted the accrual; the till never heard so.
    expect(fake.applied()).toEqual([operation]);
    expect(fake.balanceOf('g-1')).toBe(155_000);

    // The retries are answered now, but refused (as a cloud that will not take an invoice twice
    // would): the cloud stays online and the courier waits between sends, so the reads below fall
    // between two sends rather than overlapping one (which the courier's in-flight mark covers).
    fake.refuseOperation(operation, 'Сервис временно недоступен');
    fake.loseOperationAnswers(false);
    await eventually(() => delivery().refusals >= 1, 'a retry to be refused');

    // Was 1 600,00 (1 550,00 from the cloud + the 50,00 the till thinks undelivered).
    await expect(till.core.provider.guest('g-1')).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(await balanceOf('g-1', { allowStale: true })).toEqual({ balance: 155_000, stale: true });
    const precheck = await till.waiter('POST', `/orders/${NEXT_ORDER}/precheck`, { OrderSum: 3200, BonusSum: 1600 });
    expect(precheck.body).toMatchObject({ WaiterMessage: OFFLINE_MESSAGE });
    const bonus = await till.waiter('POST', `/orders/${NEXT_ORDER}/payments`, cashPayment(3200, 1600), { 'Idempotency-Key': 'spend' });
    expect(bonus.body).toMatchObject({ WaiterMessage: OFFLINE_MESSAGE });
    expect(fake.applied()).toEqual([operation]);

    fake.refuseOperation(operation, null);
    await eventually(async () => (await outboxOf(till)) === 0, 'a retry to be acknowledged', 3_000);
    expect(fake.timesReceived(operation)).toBeGreaterThanOrEqual(3);
    expect(fake.applied()).toEqual([operation]);
    expect(await balanceOf('g-1')).toEqual({ balance: 155_000, stale: false });
  });
});
