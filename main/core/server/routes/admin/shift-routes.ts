import Router from '@koa/router';
import { CloseShiftRequest, type CloseShiftAnswer, type ShiftsResponse } from '../../../../../shared/admin/shifts.js';
import { dayStartOf } from '../../../cash/report-period.js';
import { loadShiftReport } from '../../../cash/shift-report.js';
import { ShiftCloseRefused, closeShift, openShift } from '../../../cash/shifts.js';
import { cashMessage } from '../../../cash/waiter-cash-messages.js';
import { closedShifts } from '../../../ledger/shift-closes.js';
import { WaiterDebtTally } from '../../../ledger/waiter-debt-tally.js';
import type { LoyaltyContext } from '../../../loyalty/context.js';
import { AdminRefusal } from '../../http-errors.js';
import { readJsonBody } from '../../middleware/json-body.js';
import { cashRouteKit } from './cash-route-kit.js';
import { ADMIN_ROUTER } from './admin-router.js';

/** How many closed shifts the report screen offers to pick from. */
const SHIFTS_LISTED = 60;

/**
 * Explicit shift close (issue 17): the cashier closes the open shift, and the shift report can then
 * cover shift to shift. Closing forgives no debt: the waiters' debts carry into the next shift.
 */
export function shiftRoutes({ loyalty }: { loyalty: LoyaltyContext }): Router {
  const router = new Router(ADMIN_ROUTER);
  const tally = new WaiterDebtTally(loyalty.db);
  const { language, parse } = cashRouteKit(loyalty);
  const view = ({ number, from, to, closedBy }: { number: number; from: string; to: string; closedBy: string }) => ({ number, from, to, closedBy });

  router.get('/api/shifts', (ctx) => {
    const open = openShift(loyalty.db, loyalty.clock.now(), dayStartOf(loyalty.settings()));
    ctx.body = { open, closed: closedShifts(loyalty.db, SHIFTS_LISTED).map(view) } satisfies ShiftsResponse;
  });

  router.post('/api/shifts/close', async (ctx) => {
    const body = parse(CloseShiftRequest, await readJsonBody(ctx));
    const day = dayStartOf(loyalty.settings());
    let debtOutstanding = 0;
    for (const { debt } of tally.current().values()) debtOutstanding += debt;
    try {
      const shift = closeShift(loyalty, { shift: body.shift, closedBy: body.closedBy ?? '', idempotencyKey: body.idempotencyKey ?? null, debtOutstanding }, day);
      const period = { from: new Date(shift.from), to: new Date(shift.to) };
      ctx.body = { shift: view(shift), report: loadShiftReport(loyalty.db, tally, period, loyalty.clock.now()) } satisfies CloseShiftAnswer;
    } catch (error) {
      if (!(error instanceof ShiftCloseRefused)) throw error;
      const lang = language();
      if (error.reason === 'alreadyClosed') throw new AdminRefusal(409, cashMessage(lang, 'shiftAlreadyClosed', { shift: error.shift }));
      const text =
        error.reason === 'keyReused'
          ? cashMessage(lang, 'shiftKeyReused')
          : cashMessage(lang, 'shiftNotOpen', { shift: error.shift, open: openShift(loyalty.db, loyalty.clock.now(), day).number });
      const field = error.reason === 'keyReused' ? 'idempotencyKey' : 'shift';
      throw new AdminRefusal(422, text, [{ Field: field, Message: text }]);
    }
  });

  return router;
}
