import Router from '@koa/router';
import type { LoyaltyContext } from '../../../loyalty/context.js';
import { ordersToShow } from '../../../ledger/orders.js';
import { viewOrder } from '../../../loyalty/order-view.js';
import { Refusal } from '../../../loyalty/refusal.js';
import type { OrderView } from '../../../../../shared/wire/order-view.js';

/**
 * Open orders with their guest, gifts and bonus reservation: what the cashier needs at the moment
 * of payment ("гость и подарок добавлены через мобильное приложение").
 */
export function ordersRoutes(core: { loyalty: LoyaltyContext }): Router {
  const router = new Router();
  router.get('/api/orders', async (ctx) => {
    const orders: (OrderView & { UpdatedAt: string })[] = [];
    for (const row of ordersToShow(core.loyalty.db)) {
      try {
        orders.push({ ...(await viewOrder(core.loyalty, row.id)), UpdatedAt: row.updatedAt });
      } catch (error) {
        // One order the provider cannot describe right now must not hide the others.
        if (!(error instanceof Refusal)) throw error;
      }
    }
    ctx.body = { orders };
  });
  return router;
}
