import { Readable } from 'node:stream';
import Router from '@koa/router';
import type { Context } from 'koa';
import type { z } from 'zod';
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
import { reportFileName, shiftReportCsv } from '../../../cash/shift-report-csv.js';
import { cashMovementsCsv } from '../../../cash/cash-movements-csv.js';
import { countCashMovements } from '../../../ledger/cash-movements.js';
import { cashMessage, type PlainCashMessageKey } from '../../../cash/waiter-cash-messages.js';
import { WaiterDebtTally } from '../../../ledger/waiter-debt-tally.js';
import { findWaiter, listWaiterCash, waiterHistory, type KnownWaiter } from '../../../ledger/waiter-debts.js';
import type { LoyaltyContext } from '../../../loyalty/context.js';
import { AdminRefusal, type FieldProblem } from '../../http-errors.js';
import { readJsonBody } from '../../middleware/json-body.js';
import { validateForManager } from '../../validate.js';

/** What each field's complaint says, so the dashboard can show it next to that field. */
const FIELD_MESSAGES: Record<string, PlainCashMessageKey> = {
  amount: 'amountInvalid',
  note: 'noteTooLong',
  recordedBy: 'recordedByTooLong',
  idempotencyKey: 'keyInvalid',
  name: 'nameInvalid',
  before: 'pageInvalid',
  limit: 'pageInvalid',
  from: 'dateInvalid',
  to: 'dateInvalid',
  format: 'formatInvalid',
};

/**
 * The waiter-cash screen's API (guide: «Оплата наличными подотчет»): debts, history, hand-ins,
 * display names and the shift report. Admin access (loopback or the admin password, JSON-only
 * changes) is enforced in front of this router by `adminAccess`.
 */
export function waiterCashRoutes({ loyalty }: { loyalty: LoyaltyContext }): Router {
  const router = new Router();
  const tally = new WaiterDebtTally(loyalty.db);
  const debtOf = (waiterId: string) => tally.current().get(waiterId)?.debt ?? 0;
  const language = () => loyalty.settings().language;
  const say = (key: PlainCashMessageKey) => cashMessage(language(), key);

  const fieldMessages = (field: string) => {
    const key = FIELD_MESSAGES[field];
    return key ? say(key) : undefined;
  };
  const parse = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => validateForManager(schema, input, { language: language(), fieldMessages });

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
        recordedBy: body.recordedBy ?? 'cashier',
        idempotencyKey: body.idempotencyKey ?? null,
      }) satisfies HandInAnswer;
    } catch (error) {
      if (error instanceof UnknownWaiter) throw new AdminRefusal(404, say('unknownWaiter'));
      if (!(error instanceof HandInRefused)) throw error;
      if (error.reason === 'keyReused') {
        throw new AdminRefusal(422, say('keyReused'), [{ Field: 'idempotencyKey', Message: say('keyReused') }]);
      }
      const lang = language();
      const text = cashMessage(lang, 'overDebt', {
        amount: error.amount,
        name: error.waiter.name ?? cashMessage(lang, 'unnamedWaiter', { id: error.waiter.id }),
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
    const period = reportPeriod(query, now, dayStartOf(loyalty.settings()));
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
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = shiftReportCsv(report, language());
  });

  // Every cash-book entry of the period, streamed a page at a time; X-Rows-Total lets the screen show
  // how far the download has come. "Up to now" ends a millisecond after now, so the count and the rows agree.
  router.get('/api/reports/cash-movements', (ctx) => {
    const { now, period } = periodOf(ctx);
    const bounds = { from: period.from.toISOString(), to: (period.to ?? new Date(now.getTime() + 1)).toISOString() };
    ctx.set('Content-Disposition', `attachment; filename="${reportFileName(period.from, 'cash-movements')}"`);
    ctx.set('X-Rows-Total', String(countCashMovements(loyalty.db, bounds)));
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = Readable.from(cashMovementsCsv(loyalty.db, bounds, { language: language(), timeZone: tillTimeZone() }));
  });

  return router;
}

/** People read the messages; the field names are in Errors for the screen to mark its inputs. */
function fieldProblems(errors: FieldProblem[]): AdminRefusal {
  return new AdminRefusal(400, errors.map((error) => error.Message).join(' '), errors);
}
