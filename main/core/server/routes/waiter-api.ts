import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import type { z } from 'zod';
import { CheckInRequest } from '../../../../shared/wire/checkin.js';
import { AddGiftRequest } from '../../../../shared/wire/gifts.js';
import { PaymentRequest, RefundRequest } from '../../../../shared/wire/payment.js';
import { PrecheckRequest } from '../../../../shared/wire/precheck.js';
import { OrderId } from '../../../../shared/wire/primitives.js';
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
import { readJsonBody } from '../middleware/json-body.js';
import { validate } from '../validate.js';
import { isReadableScan } from '../wire/scanned-value.js';
import { isJsonObject, matchWireNames } from '../wire/wire-names.js';
import { exactlyOnce } from './exactly-once.js';
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
function orderIdOf(ctx: Context): string {
  return validate(OrderId, ctx.params.orderId, 'orderId').toLowerCase();
}

/**
 * The body as sent, its property names matched to the schema's whatever their case, and the body
 * validated: `named` is what an Idempotency-Key's request hash is taken over.
 */
async function readWire<S extends z.ZodType>(ctx: Context, schema: S): Promise<{ named: unknown; body: z.output<S> }> {
  const named = matchWireNames(schema, await readJsonBody(ctx));
  return { named, body: validate(schema, named) };
}

/** The external-loyalty API that iikoWaiter calls (docs/protocol.md), relative to the configured path. */
export function waiterApi(deps: WaiterApiDeps): Router {
  const { loyalty } = deps;
  const router = new Router();
  const identify = (pin?: string | null, waiter?: { Id: string } | null) => {
    const id = loyalty.waiters.identify({ pin: pin ?? undefined, iikoId: waiter?.Id });
    // Where the till knows its waiters (the embedded book), a PIN that matches none is refused.
    if (pin && id && loyalty.settings().provider === 'local' && !loyalty.waiters.isKnown(id) && loyalty.waiters.knowsPins()) {
      throw new Refusal('unknownWaiterPin');
    }
    return id;
  };

  // Each route notes the request first: a step of its own, not a router.use() layer, which the
  // router would match and build a chain for on every request (issue 19).
  const noted: Middleware = (_ctx, next) => {
    deps.onWaiterRequest?.();
    return next();
  };

  router.post('/orders/:orderId/checkin', noted, async (ctx) => {
    const orderId = orderIdOf(ctx);
    const named = matchWireNames(CheckInRequest, await readJsonBody(ctx));
    // iikoWaiter's vendor documents only 204 and 200 + WaiterMessage here: a code that cannot be
    // read is a message for the waiter ("scan again"), not a malformed request.
    if (isJsonObject(named) && !isReadableScan(named.Value)) throw new Refusal('unreadableCode');
    const body = validate(CheckInRequest, named);
    await checkIn(loyalty, orderId, body.Value, identify(body.WaiterPin));
    ctx.status = 204;
  });

  router.delete('/orders/:orderId/checkin', noted, async (ctx) => {
    const orderId = orderIdOf(ctx);
    checkOut(loyalty, orderId, null);
    ctx.status = 204;
  });

  router.get('/orders/:orderId', noted, async (ctx) => {
    ctx.body = await viewOrder(loyalty, orderIdOf(ctx));
  });

  router.post('/orders/:orderId/gifts', noted, async (ctx) => {
    const orderId = orderIdOf(ctx);
    const { body } = await readWire(ctx, AddGiftRequest);
    ctx.body = { Gift: await addGift(loyalty, orderId, body.GiftId, identify(body.WaiterPin)) };
  });

  router.delete('/orders/:orderId/gifts/:giftId', noted, async (ctx) => {
    const orderId = orderIdOf(ctx);
    removeGift(loyalty, orderId, String(ctx.params.giftId), null);
    ctx.status = 204;
  });

  router.post('/orders/:orderId/precheck', noted, async (ctx) => {
    const orderId = orderIdOf(ctx);
    const { body } = await readWire(ctx, PrecheckRequest);
    ctx.body = await precheck(loyalty, orderId, { orderSum: body.OrderSum, bonusSum: body.BonusSum ?? null }, identify(body.WaiterPin));
  });

  router.post('/orders/:orderId/payments', noted, async (ctx) => {
    const orderId = orderIdOf(ctx);
    const { named, body } = await readWire(ctx, PaymentRequest);
    await exactlyOnce(ctx, deps, named, (remember) =>
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

  router.post('/orders/:orderId/refund', noted, async (ctx) => {
    const orderId = orderIdOf(ctx);
    const { named, body } = await readWire(ctx, RefundRequest);
    await exactlyOnce(ctx, deps, named, (remember) => refundOrder(loyalty, orderId, identify(body.WaiterPin), remember));
  });

  router.get('/health', noted, (ctx) => {
    const status = loyalty.provider.status();
    const health: HealthResponse = { Status: 'ok', Version: deps.version, Provider: status.provider, Outbox: status.outbox };
    ctx.body = health;
  });

  router.get('/openapi.json', noted, (ctx) => {
    ctx.body = buildOpenApiDocument(loyalty.settings().server.path, deps.version);
  });

  return router;
}

