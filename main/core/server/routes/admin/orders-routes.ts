import { z } from 'zod';
import Router from '@koa/router';
import type { LoyaltyContext } from '../../../loyalty/context.js';
import { ordersToShow, staleOrderCount } from '../../../ledger/orders.js';
import { viewOrders } from '../../../loyalty/order-view.js';
import type { OpenOrder, OrdersResponse } from '../../../../../shared/admin/feed.js';
import { validate } from '../../validate.js';
import { ADMIN_ROUTER } from './admin-router.js';

const OrdersQuery = z.object({ q: z.string().max(100).optional() });

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
    const hours = core.loyalty.settings().staleOrderHours;
    const activeSince = new Date(core.loyalty.clock.now().getTime() - hours * 3_600_000).toISOString();
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
  return router;
}
