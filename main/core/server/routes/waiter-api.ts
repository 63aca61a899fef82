import type { z } from 'zod';
import { AddGiftRequest } from '../../../../shared/wire/gifts.js';
import { PaymentRequest, RefundRequest } from '../../../../shared/wire/payment.js';
import { PrecheckRequest } from '../../../../shared/wire/precheck.js';
import type { HealthResponse } from '../../../../shared/wire/health.js';
import type { Clock } from '../../clock.js';
import type { IdempotencyKeys } from '../../ledger/idempotency-keys.js';
import { checkIn, checkOut } from '../../loyalty/check-in.js';
import type { LoyaltyContext } from '../../loyalty/context.js';
import { addGift, removeGift } from '../../loyalty/gifts.js';
import { viewOrder } from '../../loyalty/order-view.js';
import { payOrder } from '../../loyalty/payment.js';
import { precheck } from '../../loyalty/precheck.js';
import { refundOrder } from '../../loyalty/refund.js';
import { Refusal } from '../../loyalty/refusal.js';
import type { Exchange, Step } from '../exchange.js';
import { readJsonBody } from '../middleware/json-body.js';
import { waiterRoute } from '../middleware/mount-waiter-path.js';
import { validate } from '../validate.js';
import { checkInBodyOf } from '../wire/check-in-body.js';
import { orderIdFrom } from '../wire/order-id.js';
import { matchWireNames } from '../wire/wire-names.js';
import { exactlyOnce, refuseWhileRunning } from './exactly-once.js';
import { buildOpenApiDocument } from './openapi.js';

export interface WaiterApiDeps {
  loyalty: LoyaltyContext;
  keys: IdempotencyKeys;
  clock: Clock;
  version: string;
  /** Called on every waiter-API request: the setup assistant shows "last request from iikoWaiter". */
  onWaiterRequest?: () => void;
}

/** Order ids are UUIDs: case does not matter, so the till keeps them in lower case. */
function orderIdOf(ctx: Exchange): string {
  return orderIdFrom(ctx.params?.orderId);
}

/**
 * The body as sent, its property names matched to the schema's whatever their case, and the body
 * validated: `named` is what an Idempotency-Key's request hash is taken over.
 */
async function readWire<S extends z.ZodType>(ctx: Exchange, schema: S): Promise<{ named: unknown; body: z.output<S> }> {
  const named = matchWireNames(schema, await readJsonBody(ctx));
  return { named, body: validate(schema, named) };
}

/** A call of the waiter API: its method (GET also answers HEAD) and path relative to the configured path. */
export interface WaiterRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** `/orders/:orderId/checkin`: a `:name` is one path segment, given decoded in `ctx.params`. */
  path: string;
  answer: (ctx: Exchange) => Promise<void> | void;
}

export interface WaiterApi {
  /** Every call, in the order they are matched. */
  routes: readonly WaiterRoute[];
  /**
   * Answers a request under the waiter path (`waiterRoute`) by the first route of its method whose
   * path matches, in any case, with or without a trailing slash; none: nothing is answered (the error
   * handler's 404 for the waiter).
   */
  serve: Step;
}

/** The external-loyalty API that iikoWaiter calls (docs/protocol.md), relative to the configured path. */
export function waiterApi(deps: WaiterApiDeps): WaiterApi {
  const { loyalty } = deps;
  const routes: WaiterRoute[] = [];
  const route = (method: WaiterRoute['method'], path: string, answer: WaiterRoute['answer']) => {
    routes.push({ method, path, answer });
  };
  const identify = (pin?: string | null, waiter?: { Id: string } | null) => {
    const id = loyalty.waiters.identify({ pin: pin ?? undefined, iikoId: waiter?.Id });
    // Where the till knows its waiters (the embedded book), a PIN that matches none is refused.
    if (pin && id && loyalty.settings().provider === 'local' && !loyalty.waiters.isKnown(id) && loyalty.waiters.knowsPins()) {
      throw new Refusal('unknownWaiterPin');
    }
    return id;
  };

  route('POST', '/orders/:orderId/checkin', async (ctx) => {
    const orderId = orderIdOf(ctx);
    const body = checkInBodyOf(await readJsonBody(ctx));
    await checkIn(loyalty, orderId, body.Value, identify(body.WaiterPin));
    ctx.status = 204;
  });

  route('DELETE', '/orders/:orderId/checkin', async (ctx) => {
    const orderId = orderIdOf(ctx);
    checkOut(loyalty, orderId, null);
    ctx.status = 204;
  });

  route('GET', '/orders/:orderId', async (ctx) => {
    ctx.body = await viewOrder(loyalty, orderIdOf(ctx));
  });

  route('POST', '/orders/:orderId/gifts', async (ctx) => {
    const orderId = orderIdOf(ctx);
    const { body } = await readWire(ctx, AddGiftRequest);
    ctx.body = { Gift: await addGift(loyalty, orderId, body.GiftId, identify(body.WaiterPin)) };
  });

  route('DELETE', '/orders/:orderId/gifts/:giftId', async (ctx) => {
    const orderId = orderIdOf(ctx);
    removeGift(loyalty, orderId, String(ctx.params?.giftId), null);
    ctx.status = 204;
  });

  route('POST', '/orders/:orderId/precheck', async (ctx) => {
    const orderId = orderIdOf(ctx);
    const { body } = await readWire(ctx, PrecheckRequest);
    ctx.body = await precheck(loyalty, orderId, { orderSum: body.OrderSum, bonusSum: body.BonusSum ?? null }, identify(body.WaiterPin));
  });

  route('POST', '/orders/:orderId/payments', async (ctx) => {
    const orderId = orderIdOf(ctx);
    refuseWhileRunning(ctx, deps.keys);
    const { named, body } = await readWire(ctx, PaymentRequest);
    await exactlyOnce(ctx, deps, { named, body }, (remember) =>
      payOrder(
        loyalty,
        orderId,
        {
          orderSum: body.OrderSum,
          items: body.PaymentItems.map((item) => ({ paymentTypeId: item.PaymentType.Id, kind: item.PaymentType.Kind, sum: item.Sum })),
          waiterId: identify(body.WaiterPin, body.Waiter),
          waiterName: body.Waiter?.Name ?? null,
        },
        remember,
      ),
    );
  });

  route('POST', '/orders/:orderId/refund', async (ctx) => {
    const orderId = orderIdOf(ctx);
    refuseWhileRunning(ctx, deps.keys);
    const { named, body } = await readWire(ctx, RefundRequest);
    await exactlyOnce(ctx, deps, { named, body }, (remember) => refundOrder(loyalty, orderId, identify(body.WaiterPin), remember));
  });

  route('GET', '/health', (ctx) => {
    const status = loyalty.provider.status();
    const health: HealthResponse = { Status: 'ok', Version: deps.version, Provider: status.provider, Outbox: status.outbox };
    ctx.body = health;
  });

  route('GET', '/openapi.json', (ctx) => {
    ctx.body = buildOpenApiDocument(loyalty.settings().server.path, deps.version);
  });

  return { routes, serve: servedBy(routes, deps.onWaiterRequest) };
}

/**
 * The dispatch over a fixed table, matched as @koa/router matched it (path-to-regexp, not case
 * sensitive, one optional trailing slash, parameters URI-decoded when they can be): one regular
 * expression per route, built once; per request nothing is composed. A matched request is noted
 * (`onWaiterRequest`) before its route answers.
 */
function servedBy(routes: readonly WaiterRoute[], onWaiterRequest: (() => void) | undefined): Step {
  const table = routes.map((route) => {
    const names: string[] = [];
    const source = route.path
      .split('/')
      .map((segment) => {
        if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(segment.slice(1));
        return '([^/]+)';
      })
      .join('/');
    return { ...route, names, pattern: new RegExp(`^${source}/?$`, 'i') };
  });
  return (ctx) => {
    const method = ctx.method === 'HEAD' ? 'GET' : ctx.method;
    const path = waiterRoute(ctx);
    for (const route of table) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      for (let at = 0; at < route.names.length; at += 1) params[route.names[at] as string] = decoded(found[at + 1] ?? '');
      ctx.params = params;
      onWaiterRequest?.();
      return route.answer(ctx);
    }
  };
}

function decoded(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
