import Router from '@koa/router';
import type { TodayResponse } from '../../../../../shared/admin/today.js';
import { dayStartOf } from '../../../cash/report-period.js';
import { loadToday } from '../../../cash/today.js';
import { WaiterDebtTally } from '../../../ledger/waiter-debt-tally.js';
import type { LoyaltyContext } from '../../../loyalty/context.js';
import { ADMIN_ROUTER } from './admin-router.js';

/** The «Сегодня» screen's one request: the current business day's tiles and chart. */
export function todayRoutes({ loyalty }: { loyalty: LoyaltyContext }): Router {
  const router = new Router(ADMIN_ROUTER);
  const tally = new WaiterDebtTally(loyalty.db);
  router.get('/api/today', (ctx) => {
    ctx.body = loadToday(loyalty.db, tally, loyalty.clock.now(), dayStartOf(loyalty.settings())) satisfies TodayResponse;
  });
  return router;
}
