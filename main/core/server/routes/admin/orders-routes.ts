import Router from '@koa/router';
import type { LoyaltyContext } from '../../../loyalty/context.js';
import { ordersToShow } from '../../../ledger/orders.js';
import { viewOrders } from '../../../loyalty/order-view.js';
import type { OpenOrder, OrdersResponse } from '../../../../../shared/admin/feed.js';

/**
 * Open orders with their guest, gifts and bonus reservation: what the cashier needs at the moment
 * of payment ("гость и подарок добавлены через мобильное приложение").
 */
export function ordersRoutes(core: { loyalty: LoyaltyContext }): Router {
  const router = new Router();
  router.get('/api/orders', async (ctx) => {
    const rows = ordersToShow(core.loyalty.db);
    const views = await viewOrders(core.loyalty, rows.map((row) => row.id));
    const orders: OpenOrder[] = [];
    for (const row of rows) {
      const view = views.get(row.id);
      if (view) orders.push({ ...view, UpdatedAt: row.updatedAt });
    }
    ctx.body = { orders } satisfies OrdersResponse;
  });
  return router;
}
