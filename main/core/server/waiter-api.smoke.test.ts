import { afterEach, describe, expect, it } from 'vitest';
import { BONUS_TYPE, startTestTill, type TestTill } from '../testing/test-till.js';

const ORDER = '3f0e9a52-6d1b-4b8e-9a47-2b8f1c0d9e11';
let till: TestTill;

afterEach(async () => {
  await till.close();
});

describe('the waiter API, end to end over HTTP', () => {
  it('runs the guide’s story: check-in, gift, pre-check, payment, replay', async () => {
    till = await startTestTill();
    expect((await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-V-5001', WaiterPin: '1111' })).status).toBe(204);
    const gift = await till.waiter('POST', `/orders/${ORDER}/gifts`, { GiftId: 'v-1' });
    expect(gift.body).toEqual({ Gift: { Id: 'v-1', Name: 'Капучино', ProductCode: '1001', Points: 200 } });
    const pre = await till.waiter('POST', `/orders/${ORDER}/precheck`, { OrderSum: 1200, BonusSum: 300 });
    expect(pre.body).toMatchObject({ MaxSum: 600, BonusSum: 300, Balance: 1500 });
    const payment = {
      OrderSum: 1200,
      PaymentItems: [
        { PaymentType: { Id: BONUS_TYPE, Kind: 'External', Name: 'GetMeBack' }, Sum: 300 },
        { PaymentType: { Id: 'cash', Kind: 'Cash', Name: 'Наличные' }, Sum: 900 },
      ],
      WaiterPin: '1111',
    };
    const paid = await till.waiter('POST', `/orders/${ORDER}/payments`, payment, { 'Idempotency-Key': 'pay-1' });
    expect(paid.body).toEqual({
      OrderId: ORDER,
      BonusWrittenOff: 300,
      GiftPointsWrittenOff: 200,
      Accrued: 45,
      GiftsRedeemed: ['v-1'],
      WaiterDebt: 900,
      Balance: 1045,
    });
    await till.restart();
    const replay = await till.waiter('POST', `/orders/${ORDER}/payments`, payment, { 'Idempotency-Key': 'pay-1' });
    expect(replay.text).toBe(paid.text);
  });
});
