import { Readable } from 'node:stream';
import Router from '@koa/router';
import type { Context } from 'koa';
import {
  HandInRequest,
  RenameRequest,
  ShiftReportQuery,
  WaiterHistoryQuery,
  type HandInAnswer,
  type RenameAnswer,
  type WaiterHistory,
  type WaitersResponse,
} from '../../../../../shared/admin/waiter-cash.js';
import { HandInRefused, UnknownWaiter, handIn } from '../../../cash/hand-in.js';
import { businessDayOf, tillTimeZone } from '../../../cash/business-day.js';
import { dayStartOf, reportPeriod } from '../../../cash/report-period.js';
import { loadShiftReport } from '../../../cash/shift-report.js';
import { shiftPeriod } from '../../../cash/shifts.js';
import { reportFileName, shiftReportCsv } from '../../../cash/shift-report-csv.js';
import { cashMovementsCsv } from '../../../cash/cash-movements-csv.js';
import { countCashMovements } from '../../../ledger/cash-movements.js';
import { notBeforeLastClose } from '../../../ledger/shift-closes.js';
import { cashMessage } from '../../../cash/waiter-cash-messages.js';
import { WaiterDebtTally } from '../../../ledger/waiter-debt-tally.js';
import { findWaiter, listWaiterCash, waiterHistory, type KnownWaiter } from '../../../ledger/waiter-debts.js';
import type { LoyaltyContext } from '../../../loyalty/context.js';
import { AdminRefusal } from '../../http-errors.js';
import { cashRouteKit, fieldProblems } from './cash-route-kit.js';
import { readJsonBody } from '../../middleware/json-body.js';
import { ADMIN_ROUTER } from './admin-router.js';

/**
 * The waiter-cash screen's API (guide: «Оплата наличными подотчет»): debts, history, hand-ins,
 * display names and the shift report. Admin access (loopback or the admin password, JSON-only
 * changes) is enforced in front of this router by `adminAccess`.
 */
export function waiterCashRoutes({ loyalty }: { loyalty: LoyaltyContext }): Router {
  const router = new Router(ADMIN_ROUTER);
  const tally = new WaiterDebtTally(loyalty.db);
  const debtOf = (waiterId: string) => tally.current().get(waiterId)?.debt ?? 0;
  const { language, say, parse } = cashRouteKit(loyalty);

  const knownWaiter = (ctx: Context): KnownWaiter => {
    const waiter = findWaiter(loyalty.db, String(ctx.params.id));
    if (!waiter) throw new AdminRefusal(404, say('unknownWaiter'));
    return waiter;
  };

  router.get('/api/waiters', (ctx) => {
    const day = dayStartOf(loyalty.settings());
    const today = businessDayOf(loyalty.clock.now(), day.startHour, day.timeZone);
    ctx.body = { waiters: listWaiterCash(loyalty.db, tally, today.from.toISOString()) } satisfies WaitersResponse;
  });

  router.get('/api/waiters/:id/history', (ctx) => {
    const waiter = knownWaiter(ctx);
    const page = parse(WaiterHistoryQuery, ctx.query);
    ctx.body = {
      waiter: { ...waiter, debt: debtOf(waiter.id) },
      entries: waiterHistory(loyalty.db, tally, waiter.id, { beforeId: page.before, limit: page.limit ?? 50 }),
    } satisfies WaiterHistory;
  });

  router.post('/api/waiters/:id/hand-ins', async (ctx) => {
    const body = parse(HandInRequest, await readJsonBody(ctx));
    try {
      ctx.body = handIn(loyalty, String(ctx.params.id), {
        amount: body.amount,
        note: body.note ?? '',
        recordedBy: body.recordedBy ?? '',
        idempotencyKey: body.idempotencyKey ?? null,
      }) satisfies HandInAnswer;
    } catch (error) {
      if (error instanceof UnknownWaiter) throw new AdminRefusal(404, say('unknownWaiter'));
      if (!(error instanceof HandInRefused)) throw error;
      const lang = language();
      if (error.reason === 'keyReused') {
        const text = error.earlier ? cashMessage(lang, 'keyReused', { earlier: error.earlier.amount, at: error.earlier.at, debt: error.debt }) : cashMessage(lang, 'keyInvalid');
        throw new AdminRefusal(422, text, [{ Field: 'idempotencyKey', Message: text }]);
      }
      const text = cashMessage(lang, 'overDebt', {
        amount: error.amount,
        // «Официант Анна» / «Официант pin:efcb1377»: the message says «Официант» once.
        name: error.waiter.name ? cashMessage(lang, 'namedWaiter', { name: error.waiter.name }) : cashMessage(lang, 'unnamedWaiter', { id: error.waiter.id }),
        debt: error.debt,
      });
      throw new AdminRefusal(422, text, [{ Field: 'amount', Message: text }]);
    }
  });

  router.put('/api/waiters/:id', async (ctx) => {
    const body = parse(RenameRequest, await readJsonBody(ctx));
    const waiter = knownWaiter(ctx);
    // A waiter only the cash book knows (no row yet) gets one, so the name has somewhere to live.
    loyalty.waiters.remember(waiter.id, body.name, loyalty.clock.now().toISOString());
    loyalty.waiters.rename(waiter.id, body.name);
    ctx.body = { waiter: { id: waiter.id, name: body.name, debt: debtOf(waiter.id) } } satisfies RenameAnswer;
  });

  const periodOf = (ctx: Context) => {
    const query = parse(ShiftReportQuery, ctx.query);
    const now = loyalty.clock.now();
    const day = dayStartOf(loyalty.settings());
    if (query.shift !== undefined) {
      if (query.from !== undefined || query.to !== undefined) throw fieldProblems([{ Field: 'shift', Message: say('shiftOrDates') }]);
      const shift = shiftPeriod(loyalty.db, query.shift, now, day);
      if (!shift) throw fieldProblems([{ Field: 'shift', Message: cashMessage(language(), 'shiftUnknown', { shift: Number(query.shift) }) }]);
      return { query, now, period: shift };
    }
    const period = reportPeriod(query, now, day);
    if (Array.isArray(period)) {
      const errors = period.map((p) => ({ Field: p.field, Message: say(p.problem) }));
      throw fieldProblems(errors);
    }
    return { query, now, period };
  };

  router.get('/api/reports/shift', (ctx) => {
    const { query, now, period } = periodOf(ctx);
    const report = loadShiftReport(loyalty.db, tally, period, now);
    if (query.format !== 'csv') {
      ctx.body = report;
      return;
    }
    ctx.set('Content-Disposition', `attachment; filename="${reportFileName(period.from)}"`);
    // A line per waiter, the totals and the cash straight to the till: the screen's bar counts them.
    ctx.set('X-Rows-Total', String(report.waiters.length + 2));
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = shiftReportCsv(report, language());
  });

  // Every cash-book entry of the period, streamed a page at a time; X-Rows-Total lets the screen show
  // how far the download has come. "Up to now" ends a millisecond after now, so the count and the rows agree.
  router.get('/api/reports/cash-movements', (ctx) => {
    const { now, period } = periodOf(ctx);
    // Entries after the last close are never stamped before it, whatever the clock says now.
    const upToNow = new Date(Date.parse(notBeforeLastClose(loyalty.db, now.toISOString())) + 1);
    const bounds = { from: period.from.toISOString(), to: (period.to ?? upToNow).toISOString() };
    ctx.set('Content-Disposition', `attachment; filename="${reportFileName(period.from, 'cash-movements')}"`);
    ctx.set('X-Rows-Total', String(countCashMovements(loyalty.db, bounds)));
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = Readable.from(cashMovementsCsv(loyalty.db, bounds, { language: language(), timeZone: tillTimeZone() }));
  });

  return router;
}
