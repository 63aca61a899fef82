import { z } from 'zod';
import Router from '@koa/router';
import type { Language } from '../../../../../shared/i18n/language.js';
import { idleSince, releaseOrderReservations } from '../../../loyalty/idle-reservations.js';
import { AdminRefusal } from '../../http-errors.js';
import type { LoyaltyContext } from '../../../loyalty/context.js';
import { ordersToShow, staleOrderCount } from '../../../ledger/orders.js';
import { viewOrders } from '../../../loyalty/order-view.js';
import type { OpenOrder, OrdersResponse } from '../../../../../shared/admin/feed.js';
import { validate } from '../../validate.js';
import { ADMIN_ROUTER } from './admin-router.js';

const OrdersQuery = z.object({ q: z.string().max(100).optional() });
const OrderId = z.string().min(1).max(100);

const TEXTS = {
  ru: {
    unknownOrder: 'Такого заказа на кассе нет.',
    closedOrder: 'Заказ уже оплачен или возвращён: снимать нечего.',
    activeOrder: 'С заказом недавно работал официант: резерв не снят. Обновите список.',
  },
  en: {
    unknownOrder: 'The till has no such order.',
    closedOrder: 'The order is already paid or refunded: there is nothing to release.',
    activeOrder: 'A waiter worked on this order recently: the reservation was not released. Reload the list.',
  },
} satisfies Record<Language, Record<string, string>>;

/**
 * Open orders with their guest, gifts and bonus reservation: what the cashier needs at the moment
 * of payment ("гость и подарок добавлены через мобильное приложение"). An order untouched for
 * `settings.staleOrderHours` leaves the list (a forgotten check-in, or thousands of fake ones);
 * `?stale=1` lists those, newest first: they stay in the database; `q` finds them by a part of the
 * order's id or of the guest's name.
 */
export function ordersRoutes(core: { loyalty: LoyaltyContext }): Router {
  const router = new Router(ADMIN_ROUTER);
  router.get('/api/orders', async (ctx) => {
    const activeSince = idleSince(core.loyalty);
    const { q } = validate(OrdersQuery, ctx.query, 'query');
    const rows = ordersToShow(core.loyalty.db, { activeSince, stale: ctx.query.stale === '1', search: q });
    const views = await viewOrders(core.loyalty, rows.map((row) => row.id));
    const orders: OpenOrder[] = [];
    for (const row of rows) {
      const view = views.get(row.id);
      if (view) orders.push({ ...view, UpdatedAt: row.updatedAt });
    }
    ctx.body = { orders, staleCount: staleOrderCount(core.loyalty.db, activeSince) } satisfies OrdersResponse;
  });
  // The manager lets an order go (closed in iikoFront without a check-out): its gifts and bonus
  // reservation go back to the guests (loyalty/idle-reservations.ts).
  router.post('/api/orders/:id/release', (ctx) => {
    const texts = TEXTS[core.loyalty.settings().language];
    const outcome = releaseOrderReservations(core.loyalty, validate(OrderId, ctx.params.id, 'id'));
    if (outcome === 'unknown') throw new AdminRefusal(404, texts.unknownOrder);
    if (outcome === 'closed') throw new AdminRefusal(409, texts.closedOrder);
    if (outcome === 'active') throw new AdminRefusal(409, texts.activeOrder);
    ctx.body = { released: outcome === 'released' };
  });
  return router;
}
