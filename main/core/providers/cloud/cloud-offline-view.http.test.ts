import { afterEach, describe, expect, it } from 'vitest';
import type { OrderView } from '../../../../shared/wire/order-view.js';
import type { FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { FAST_TIMING, OFFLINE_MESSAGE, closeCloud, startCloudWithGuests } from '../../testing/cloud-test-kit.js';

const ORDER = '44444444-4444-4444-8444-444444444444';
let fake: FakeGetMeBackCloud;
let till: TestTill;

afterEach(() => closeCloud(till, fake));

describe('the order with the cloud down', () => {
  it('still shows the waiter the guest and the last known balance, while spending is refused', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    expect((await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-G-1001' })).status).toBe(204);
    const online = await till.waiter<OrderView>('GET', `/orders/${ORDER}`);
    expect(online.body.Guest).toMatchObject({ Id: expect.any(String), Balance: 1500 });

    await fake.down();
    const offline = await till.waiter<OrderView>('GET', `/orders/${ORDER}`);
    expect(offline.status).toBe(200);
    expect(offline.body.Guest).toEqual(online.body.Guest);
    const precheck = await till.waiter('POST', `/orders/${ORDER}/precheck`, { OrderSum: 1000, BonusSum: 100 });
    expect(precheck.body).toMatchObject({ WaiterMessage: OFFLINE_MESSAGE });
  });
});
