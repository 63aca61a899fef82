import type { Exchange, Step } from '../exchange.js';
import { adminMessage } from '../../../../shared/i18n/admin-messages.js';
import type { Language } from '../../../../shared/i18n/language.js';
import { waiterMessage, type WaiterMessageArgs } from '../../../../shared/i18n/waiter-messages.js';
import type { StorageTroubleKind } from '../../../../shared/events.js';
import type { WaiterMessageBody } from '../../../../shared/wire/primitives.js';
import { Refusal } from '../../loyalty/refusal.js';
import { AccessDenied, BadRequest, ClientGone, KeyConflict } from '../http-errors.js';
import { adminAnswer, adminProblem, isAdminRequest } from './admin-problem-answer.js';
import { waiterRoute } from './mount-waiter-path.js';

export interface ErrorHandlerOptions {
  language: () => Language;
  onRefusal?: (route: string, message: string, ctx: { orderId: string | null }) => void;
  onServerError?: (route: string, error: Error, requestId: string) => void;
  /** The disk's trouble behind an error (full, read-only, failing), told to the till's storage watch; null when not the disk's. */
  storageTrouble?: (error: Error) => StorageTroubleKind | null;
}

const DISK_MESSAGES = { full: 'diskFull', readOnly: 'diskReadOnly', ioError: 'diskFailing' } as const;

/**
 * Turns every failure into an answer a person can act on, in the till's language. For the waiter
 * API: a Refusal is 200 + WaiterMessage (nothing changed); bad input is 4xx naming the fields;
 * anything unexpected is 500 with a request id to quote — never a stack trace. For the dashboard:
 * the admin API's one error body `{ Message, Errors, RequestId }` (shared/admin/problem.ts).
 */
export function errorHandler(options: ErrorHandlerOptions): Step {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404;
        // The dashboard gets its own text; anyone else is told to check iikoWaiter's Server Address.
        const requestId = ctx.state.requestId as string;
        ctx.body = isAdminRequest(ctx)
          ? adminProblem(adminMessage(options.language(), 'noSuchApi', requestId), requestId)
          : messageBody(waiterMessage(options.language(), 'notFound', requestId), requestId);
      }
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      const language = options.language();
      const requestId = ctx.state.requestId as string;
      const route = `${ctx.method} ${ctx.path}`;
      if (error instanceof ClientGone) {
        // Nothing was done and nobody waits for an answer: a line in the log, not a server error.
        (ctx.state.log as { info: (o: object, m: string) => void } | undefined)?.info({ route, requestId }, error.message);
        ctx.status = 400;
        return;
      }
      const disk = options.storageTrouble?.(error) ?? null;
      if (disk !== null) {
        // For the waiter like a refusal: 200 + WaiterMessage, nothing written (the transaction rolled
        // back, no key kept), retry later. The dashboard's API says 503 in its own error body, so no
        // screen takes it for done.
        (ctx.state.log as { error: (o: object, m: string) => void } | undefined)?.error({ err: error, route, disk, requestId }, 'the disk refused a write');
        const text = waiterMessage(language, DISK_MESSAGES[disk], requestId);
        const admin = isAdminRequest(ctx);
        ctx.status = ctx.state.waiterApi === true ? 200 : 503;
        ctx.body = admin ? adminProblem(text, requestId) : messageBody(text, requestId);
        return;
      }
      if (isAdminRequest(ctx)) {
        const answer = adminAnswer(error, language, requestId);
        if (answer) {
          ctx.status = answer.status;
          ctx.body = answer.body;
          return;
        }
        serverError(ctx, error, route, options);
        ctx.body = adminProblem(adminMessage(language, 'internal', requestId), requestId);
        return;
      }
      if (error instanceof Refusal) {
        const text = waiterMessage(language, error.key, requestId, ...((error.params ? [error.params] : []) as WaiterMessageArgs<typeof error.key>));
        ctx.status = 200;
        ctx.body = messageBody(text, requestId);
        options.onRefusal?.(route, text, { orderId: ctx.params?.orderId ?? null });
        return;
      }
      if (error instanceof BadRequest) {
        ctx.status = error.status;
        // The fields are for iikoWaiter's developers (Errors) and the log; the waiter reads what to do.
        const fields = error.errors.map((e) => e.Field).join(', ');
        (ctx.state.log as { warn: (o: object, m: string) => void } | undefined)?.warn({ route, fields, requestId }, 'bad request');
        const text = waiterMessage(language, error.status === 413 ? 'tooLarge' : 'badRequest', requestId);
        ctx.body = { ...messageBody(text, requestId), Errors: error.errors };
        return;
      }
      if (error instanceof KeyConflict) {
        ctx.status = error.status;
        // A refund's key reused says so in a refund's words, not a payment's.
        const refund = waiterRoute(ctx).endsWith('/refund');
        const key = error.status === 409 ? (refund ? 'refundInProgress' : 'paymentInProgress') : refund ? 'refundKeyReused' : 'keyReused';
        ctx.body = messageBody(waiterMessage(language, key, requestId), requestId);
        return;
      }
      if (error instanceof AccessDenied) {
        ctx.status = error.status;
        const key = error.status === 429 ? 'tooManyRequests' : 'forbidden';
        ctx.body = { ...messageBody(waiterMessage(language, key, requestId), requestId), Reason: error.message };
        return;
      }
      const status = (error as { status?: unknown }).status;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        // Errors Koa itself raises for a bad request (e.g. a malformed URL): still a client error.
        ctx.status = status;
        ctx.body = messageBody(waiterMessage(language, 'badRequest', requestId), requestId);
        return;
      }
      serverError(ctx, error, route, options);
      ctx.body = messageBody(waiterMessage(language, 'internal', requestId), requestId);
    }
  };
}

/** An unexpected failure: logged with its stack, announced, answered 500 (the caller writes the body). */
function serverError(ctx: Exchange, error: Error, route: string, options: ErrorHandlerOptions): void {
  const requestId = ctx.state.requestId as string;
  (ctx.state.log as { error: (o: object, m: string) => void } | undefined)?.error({ err: error, route, requestId }, 'unexpected error');
  ctx.status = 500;
  options.onServerError?.(route, error, requestId);
}

function messageBody(text: string, requestId: string): WaiterMessageBody {
  return { WaiterMessage: text, RequestId: requestId };
}
