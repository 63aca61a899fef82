import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGetMeBackCloud, type FakeDialect, type FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { expectRefusal } from '../../testing/waiter-steps.js';
import { CLOUD_GIFTS, CLOUD_GUESTS, cashPayment, closeCloud, eventually, outboxOf, startCloudTill } from '../../testing/cloud-test-kit.js';

const ORDER = '6a6a6a6a-6a6a-4a6a-8a6a-6a6a6a6a6a6a';
const GIFT_ORDER = '7b7b7b7b-7b7b-4b7b-8b7b-7b7b7b7b7b7b';
let fake: FakeGetMeBackCloud;
let till: TestTill;

afterEach(() => closeCloud(till, fake));

/** Г-1 with their own rules in the cloud: 10 % cashback, at most 20 % of an order in bonuses. */
const RULED_GUESTS = CLOUD_GUESTS.map((guest) => (guest.id === 'g-1' ? { ...guest, kBonus: 10, maxPayBonusK: 0.2 } : guest));

describe.each<FakeDialect>(['result', 'success', 'bare', 'list'])('a GetMeBack account answering in the "%s" dialect', (dialect) => {
  it('checks a guest in, applies the guest’s own rules over the till’s, knows an unknown code, and delivers the payment', async () => {
    fake = await startFakeGetMeBackCloud({ guests: RULED_GUESTS, gifts: CLOUD_GIFTS });
    fake.speak(dialect);
    till = await startCloudTill(fake);

    expect((await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-G-1001' })).status).toBe(204);
    // The till's settings say 50 % and 5 %; the cloud says 20 % and 10 % for this guest.
    const pre = await till.waiter('POST', `/orders/${ORDER}/precheck`, { OrderSum: 1000, BonusSum: 100 });
    expect(pre.body).toMatchObject({ MaxSum: 200, BonusSum: 100, Balance: 1500 });
    const paid = await till.waiter('POST', `/orders/${ORDER}/payments`, cashPayment(1000, 100), { 'Idempotency-Key': `pay-${dialect}` });
    expect(paid.body).toMatchObject({ BonusWrittenOff: 100, Accrued: 90 });
    await eventually(async () => (await outboxOf(till)) === 0, 'the payment to reach the cloud');
    expect(fake.balanceOf('g-1')).toBe(150_000 - 10_000 + 9_000);

    const unknown = await till.waiter('POST', `/orders/${GIFT_ORDER}/checkin`, { Value: 'NO-SUCH-CODE' });
    expectRefusal(unknown, /Гость не найден в GetMeBack/);
    expect(till.core.provider.status().online).toBe(true);
  });
});

describe('a phone the account takes in one form only', () => {
  it('tries the forms in order, finds the guest, and asks in that form first from then on', async () => {
    fake = await startFakeGetMeBackCloud({ guests: CLOUD_GUESTS, gifts: CLOUD_GIFTS });
    fake.takePhoneAs({ path: 'client/', field: 'phone' });
    till = await startCloudTill(fake);

    expect((await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: '+7 999 000-00-02' })).status).toBe(204);
    const view = await till.waiter('GET', `/orders/${ORDER}`);
    expect(view.body).toMatchObject({ Guest: { Id: 'g-2' } });
    const lookups = () => fake.requests.filter((body) => body.login !== undefined || body.phone !== undefined);
    expect(lookups().map((body) => Object.keys(body).filter((key) => key !== 'api_key'))).toEqual([['login'], ['phone']]);

    await till.restart();
    fake.requests.length = 0;
    expect((await till.waiter('POST', `/orders/${GIFT_ORDER}/checkin`, { Value: '79990000001' })).status).toBe(204);
    expect(lookups()).toEqual([{ phone: '79990000001', api_key: fake.apiKey }]);
  });
});
