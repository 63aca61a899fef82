import { describe, expect, it } from 'vitest';
import type { OrderView } from '../../../../../shared/wire/order-view.js';
import { EmbeddedLoyaltyBook } from '../../../providers/embedded-book.js';
import { ProviderUnavailableError } from '../../../providers/loyalty-provider.js';
import { newOrderId, paymentBody, useTill } from '../../../testing/waiter-steps.js';

type Listed = { orders: (OrderView & { UpdatedAt: string })[] };

/** The embedded book, except that the guest 'g-2' cannot be described (a cloud down for that guest, say). */
let g2Unavailable = false;
const t = useTill('test', {
  provider: ({ db }) => {
    const book = new EmbeddedLoyaltyBook(db);
    const guest = book.guest.bind(book);
    book.guest = async (id) => {
      if (g2Unavailable && id === 'g-2') throw new ProviderUnavailableError('unreachable');
      return guest(id);
    };
    return book;
  },
});

describe('GET /api/orders: the cashier’s open orders', () => {
  it('lists unpaid orders with a guest, newest first, each as the waiter sees it; a paid one is gone', async () => {
    g2Unavailable = false;
    const [first, second, paid, empty] = [newOrderId(), newOrderId(), newOrderId(), newOrderId()];
    await t.steps.checkIn(first, 'GMB-V-5001');
    await t.steps.checkIn(second, 'GMB-G-1002');
    await t.steps.checkIn(paid, 'GMB-G-1003');
    await t.steps.pay(paid, paymentBody(100, { card: 100 }), `pay-${paid}`);
    await t.steps.checkIn(empty, 'GMB-G-1003');
    await t.steps.checkOut(empty);

    const listed = await t.till.http<Listed>('GET', '/api/orders');
    expect(listed.status).toBe(200);
    const ids = listed.body.orders.map((order) => order.OrderId);
    expect(new Set(ids)).toEqual(new Set([first, second]));
    expect(listed.body.orders.map((order) => order.UpdatedAt)).toEqual(listed.body.orders.map((order) => order.UpdatedAt).sort().reverse());
    const byId = new Map(listed.body.orders.map((order) => [order.OrderId, order]));
    for (const id of [first, second]) {
      const { UpdatedAt, ...view } = byId.get(id) as Listed['orders'][number];
      expect(UpdatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(view).toEqual(await t.steps.view(id));
    }
    expect(byId.get(first)?.OfferedGifts.map((gift) => gift.Id)).toEqual(['v-1']);
    expect(byId.get(second)?.Guest?.FullName).toBe('Петрова Мария Сергеевна');
  });

  it('leaves out only the order whose guest the provider cannot describe right now', async () => {
    const [shown, hidden] = [newOrderId(), newOrderId()];
    await t.steps.checkIn(shown, 'GMB-G-1001');
    await t.steps.checkIn(hidden, 'GMB-G-1002');
    g2Unavailable = true;
    const listed = await t.till.http<Listed>('GET', '/api/orders');
    g2Unavailable = false;
    expect(listed.status).toBe(200);
    expect(listed.body.orders.map((order) => order.OrderId)).toEqual([shown]);
  });
});
