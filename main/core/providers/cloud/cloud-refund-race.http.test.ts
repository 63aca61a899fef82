import { afterEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeGetMeBackCloud, type FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { CLOUD_GIFTS, CLOUD_GUESTS, FAST_TIMING, cashPayment, closeCloud, eventually, outboxOf, startCloudTill } from '../../testing/cloud-test-kit.js';
import { waiterSteps } from '../../testing/waiter-steps.js';

const ORDER = '8c8c8c8c-8c8c-4c8c-8c8c-8c8c8c8c8c8c';
const NEXT = '9e9e9e9e-9e9e-4e9e-8e9e-9e9e9e9e9e9e';
let fake: FakeGetMeBackCloud;
let till: TestTill;
afterEach(() => closeCloud(till, fake));

describe('a payment whose profile was read just before a refund was recorded', () => {
  it('cannot spend the refund\'s bonuses the cloud has not got', async () => {
    fake = await startFakeGetMeBackCloud({
      guests: CLOUD_GUESTS,
      gifts: [...CLOUD_GIFTS, { id: 'v-9', clientId: 'g-2', name: 'Чай', productCode: '1009', points: 1_000, qr: 'GMB-V-9009' }],
    });
    till = await startCloudTill(fake, { timing: { ...FAST_TIMING, callTimeoutMs: 3_000 } });
    const s = waiterSteps(till);
    await s.checkIn(ORDER, 'GMB-G-1001');
    expect((await s.pay(ORDER, cashPayment(1000, 300), 'pay')).status).toBe(200);
    await eventually(async () => (await outboxOf(till)) === 0, 'the payment to be delivered');
    // NEXT: g-1's gift (its hold first), then g-2's gift, then g-1 bound again.
    expect((await s.checkIn(NEXT, 'GMB-V-5001')).status).toBe(204);
    expect((await s.addGift(NEXT, 'v-1')).status).toBe(200);
    await s.checkOut(NEXT);
    expect((await s.checkIn(NEXT, 'GMB-V-9009')).status).toBe(204);
    expect((await s.addGift(NEXT, 'v-9')).status).toBe(200);
    await s.checkOut(NEXT);
    expect((await s.checkIn(NEXT, 'GMB-G-1001')).status).toBe(204);
    await s.view(NEXT);

    fake.slow(300, 'lookups');
    const paying = s.pay(NEXT, cashPayment(4000, 1300), 'spend');
    await sleep(150);
    expect((await s.refund(ORDER, 'refund')).status).toBe(200);
    const paid = await paying;
    // The cloud has 1 235; less the gift's 200 held, at most 1 035 can be spent.
    expect(paid.body.BonusWrittenOff ?? 0).toBeLessThanOrEqual(1035);
  });
});
