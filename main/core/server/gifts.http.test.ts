import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { countRows, expectRefusal, newOrderId, useTill, waiterSteps } from '../testing/waiter-steps.js';

const t = useTill('file');

const CAPPUCCINO = { Id: 'v-1', Name: 'Капучино', ProductCode: '1001', Points: 200 };
const DESSERT = { Id: 'v-2', Name: 'Десерт дня', ProductCode: '1002', Points: 350 };

/** The guide's gift story runs on g-1's two vouchers; each test releases them by checking out and removing. */
async function releaseGifts(order: string) {
  for (const id of ['v-1', 'v-2']) await t.steps.removeGift(order, id);
  await t.steps.checkOut(order);
}

describe('gifts (docs/protocol.md#check-in, #add-a-gift, #remove-a-gift)', () => {
  it('a gift QR binds its guest and offers the gift; adding it holds the points and gives the dish', async () => {
    const order = newOrderId();
    expect((await t.steps.checkIn(order, 'GMB-V-5001')).status).toBe(204);
    const offered = await t.steps.view(order);
    expect(offered.Guest).toMatchObject({ Id: 'g-1', Balance: 1500, Available: 1500 });
    expect(offered.OfferedGifts).toEqual([CAPPUCCINO]);

    const added = await t.steps.addGift(order, 'v-1');
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ Gift: CAPPUCCINO });
    const view = await t.steps.view(order);
    expect(view.Guest).toMatchObject({ Balance: 1500, Available: 1300 });
    expect(view.Gifts).toEqual([{ ...CAPPUCCINO, GuestId: 'g-1', Status: 'Added' }]);
    expect(view.OfferedGifts).toEqual([]);

    const again = await t.steps.addGift(order, 'v-1');
    expect(again.text).toBe(added.text);
    expect((await t.steps.view(order)).Guest?.Available).toBe(1300);
    expect(countRows(t.till, 'holds', 'order_id = ?', order)).toBe(1);

    expect((await t.steps.removeGift(order, 'v-1')).status).toBe(204);
    const removed = await t.steps.view(order);
    expect(removed.Guest?.Available).toBe(1500);
    expect(removed.Gifts).toEqual([{ ...CAPPUCCINO, GuestId: 'g-1', Status: 'Cancelled' }]);
    await releaseGifts(order);
  });

  it('check-out keeps an added gift but drops offered gifts and the bonus reservation; a second gift follows', async () => {
    const order = newOrderId();
    await t.steps.checkIn(order, 'GMB-V-5001');
    await t.steps.addGift(order, 'v-1');
    await t.steps.checkOut(order);
    await t.steps.checkIn(order, 'GMB-V-5002');
    expect((await t.steps.precheck(order, 1000, 100)).body.BonusSum).toBe(100);
    expect((await t.steps.view(order)).Guest?.Available).toBe(1500 - 200 - 100);

    expect((await t.steps.checkOut(order)).status).toBe(204);
    const out = await t.steps.view(order);
    expect(out.Guest).toBeNull();
    expect(out.OfferedGifts).toEqual([]);
    expect(out.BonusPayment).toBeNull();
    expect(out.Gifts).toEqual([{ ...CAPPUCCINO, GuestId: 'g-1', Status: 'Added' }]);
    expect(countRows(t.till, 'holds h', "h.order_id = ? AND h.kind = 'bonus' AND NOT EXISTS (SELECT 1 FROM hold_resolutions r WHERE r.hold_id = h.id)", order)).toBe(0);

    await t.steps.checkIn(order, 'GMB-V-5002');
    expect((await t.steps.view(order)).OfferedGifts).toEqual([DESSERT]);
    expect((await t.steps.addGift(order, 'v-2')).body).toEqual({ Gift: DESSERT });
    const both = await t.steps.view(order);
    expect(both.Gifts.map((gift) => [gift.Id, gift.Status])).toEqual([
      ['v-1', 'Added'],
      ['v-2', 'Added'],
    ]);
    expect(both.Guest?.Available).toBe(1500 - 200 - 350);
    await releaseGifts(order);
  });

  it('one voucher scanned by two waiters in two orders: the second is refused once the first added it', async () => {
    const first = newOrderId();
    const second = newOrderId();
    expect((await t.steps.checkIn(first, 'GMB-V-5001', '1111')).status).toBe(204);
    expect((await t.steps.checkIn(second, 'GMB-V-5001', '2222')).status).toBe(204);
    expect((await t.steps.addGift(first, 'v-1', '1111')).status).toBe(200);
    expectRefusal(await t.steps.addGift(second, 'v-1', '2222'), /Капучино.*другой открытый заказ/);
    expect((await t.steps.view(second)).Gifts).toEqual([]);
    expect((await t.steps.view(second)).Guest?.Available).toBe(1300);

    const third = newOrderId();
    expectRefusal(await t.steps.checkIn(third, 'GMB-V-5001', '2222'), /другой открытый заказ/);
    expect((await t.steps.view(third)).Guest).toBeNull();
    await releaseGifts(first);
    await t.steps.checkOut(second);
  });

  it('refuses a gift that was never offered in the order', async () => {
    const order = newOrderId();
    await t.steps.checkIn(order, 'GMB-G-1001');
    expectRefusal(await t.steps.addGift(order, 'v-2'), /Этого подарка нет в заказе\. Сделайте чекин QR-кода подарка/);
    await t.steps.checkOut(order);
  });
});

describe('a gift costs exactly its points', () => {
  let seeded: TestTill;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-seed-'));
    const seedFile = path.join(dir, 'seed.json');
    writeFileSync(
      seedFile,
      JSON.stringify({
        guests: [
          { id: 'exact', fullName: 'Точно Хватает', qr: ['Q-EXACT'], balance: 200 },
          { id: 'short', fullName: 'Копейки Не Хватает', qr: ['Q-SHORT'], balance: 199.99 },
        ],
        giftVouchers: [
          { id: 'v-exact', guestId: 'exact', name: 'Капучино', productCode: '1001', points: 200, qr: 'V-EXACT' },
          { id: 'v-short', guestId: 'short', name: 'Капучино', productCode: '1001', points: 200, qr: 'V-SHORT' },
        ],
      }),
    );
    seeded = await startTestTill({ seedFile });
  });
  afterAll(async () => {
    await seeded.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets a guest with exactly enough points add the gift', async () => {
    const gifts = waiterSteps(seeded);
    const order = newOrderId();
    await gifts.checkIn(order, 'V-EXACT');
    expect((await gifts.addGift(order, 'v-exact')).status).toBe(200);
    expect((await gifts.view(order)).Guest?.Available).toBe(0);
  });

  it('refuses a guest one kopeck short, saying how much is available and needed', async () => {
    const gifts = waiterSteps(seeded);
    const order = newOrderId();
    await gifts.checkIn(order, 'V-SHORT');
    expectRefusal(await gifts.addGift(order, 'v-short'), /^Не хватает бонусов на подарок\. Гость: [^;]+; есть 199,99\s+бонуса, нужно 200\s+бонусов\. Выберите другой подарок\.$/);
    expect((await gifts.view(order)).Gifts).toEqual([]);
    expect(countRows(seeded, 'holds', 'order_id = ?', order)).toBe(0);
  });
});
