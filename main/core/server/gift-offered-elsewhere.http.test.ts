import { describe, expect, it } from 'vitest';
import { newOrderId, paymentBody, useTill } from '../testing/waiter-steps.js';

/*
 * docs/protocol.md#check-in: a gift-voucher QR offers the voucher in the order (the waiter sees a gift
 * button); one voucher may be scanned in two orders, and the first waiter to add it wins. Once it is
 * added or redeemed in one, the other stops offering it: OfferedGifts is what iikoWaiter draws as
 * buttons, and a button that can only be refused is no use to the waiter.
 */
const t = useTill('test');
const offered = async (orderId: string) => (await t.steps.view(orderId)).OfferedGifts.map((gift) => gift.Id);

describe('a gift QR scanned on two orders', () => {
  it('is offered in the other order only while nobody has added it: not once added there, again once removed, never once redeemed', async () => {
    const first = newOrderId();
    const second = newOrderId();
    expect((await t.steps.checkIn(first, 'GMB-V-5001')).status).toBe(204);
    expect((await t.steps.checkIn(second, 'GMB-V-5001')).status).toBe(204);
    expect(await offered(second)).toEqual(['v-1']);

    expect((await t.steps.addGift(first, 'v-1')).status).toBe(200);
    expect(await offered(second)).toEqual([]);
    expect((await t.steps.removeGift(first, 'v-1')).status).toBe(204);
    expect(await offered(second)).toEqual(['v-1']);

    expect((await t.steps.addGift(first, 'v-1')).status).toBe(200);
    expect((await t.steps.pay(first, paymentBody(100, { card: 100 }), 'pay-first')).body.GiftsRedeemed).toEqual(['v-1']);
    expect(await offered(second)).toEqual([]);
    expect((await t.steps.addGift(second, 'v-1')).body.WaiterMessage).toMatch(/уже использован/);
  });
});
