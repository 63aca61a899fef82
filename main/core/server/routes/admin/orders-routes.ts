import Router from '@koa/router';
import type { LoyaltyContext } from '../../../loyalty/context.js';
import { viewOrder } from '../../../loyalty/order-view.js';
import type { OrderView } from '../../../../../shared/wire/order-view.js';

/**
 * Open orders with their guest, gifts and bonus reservation: what the cashier needs at the moment
 * of payment ("гость и подарок добавлены через мобильное приложение").
 */
export function ordersRoutes(core: { loyalty: LoyaltyContext }): Router {
  const router = new Router();
  router.get('/api/orders', async (ctx) => {
    const rows = core.loyalty.db
      .prepare(
        `SELECT id, updated_at FROM orders o
         WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id)
           AND (o.guest_id IS NOT NULL
                OR EXISTS (SELECT 1 FROM holds h WHERE h.order_id = o.id AND NOT EXISTS (SELECT 1 FROM hold_resolutions r WHERE r.hold_id = h.id)))
         ORDER BY updated_at DESC LIMIT 200`,
      )
      .all() as { id: string; updated_at: string }[];
    const orders: (OrderView & { UpdatedAt: string })[] = [];
    for (const row of rows) {
      try {
        orders.push({ ...(await viewOrder(core.loyalty, row.id)), UpdatedAt: row.updated_at });
      } catch {
        // One order the provider cannot describe right now must not hide the others.
      }
    }
    ctx.body = { orders };
  });
  return router;
}
