import { IdempotencyKey } from '../../../../shared/wire/payment.js';
import type { Clock } from '../../clock.js';
import type { IdempotencyKeys } from '../../ledger/idempotency-keys.js';
import { JSON_TYPE, type Exchange } from '../exchange.js';
import { KeyConflict } from '../http-errors.js';
import { waiterRoute } from '../middleware/mount-waiter-path.js';
import { validate } from '../validate.js';

/**
 * Runs a money request exactly once per Idempotency-Key: the same key and body replay the first
 * answer byte for byte (also after a restart); another body is 422; a key whose first request is
 * still running is 409. `work` must call `remember` inside its transaction.
 */
export async function exactlyOnce<R>(
  ctx: Exchange,
  deps: { keys: IdempotencyKeys; clock: Clock },
  rawBody: unknown,
  work: (remember: (response: R) => void) => Promise<R>,
): Promise<void> {
  const key = validate(IdempotencyKey, ctx.get('Idempotency-Key') || undefined, 'Idempotency-Key');
  // Order ids are UUIDs, whatever their case: a replay that spells the id in upper case is the
  // same request; the route is relative to the waiter API's base path.
  const route = waiterRoute(ctx).toLowerCase();
  const requestHash = deps.keys.hashRequest(ctx.method, route, rawBody);
  if (!deps.keys.begin(key)) throw new KeyConflict(409);
  try {
    const stored = deps.keys.find(key);
    if (stored) {
      if (!deps.keys.matches(stored, ctx.method, route, rawBody)) throw new KeyConflict(422);
      ctx.set('Idempotent-Replayed', 'true');
      ctx.status = stored.statusCode;
      ctx.set('Content-Type', JSON_TYPE);
      ctx.body = stored.body;
      return;
    }
    let text = '';
    await work((response) => {
      text = JSON.stringify(response);
      deps.keys.save(key, { requestHash, statusCode: 200, body: text }, deps.clock.now().toISOString());
    });
    ctx.status = 200;
    ctx.set('Content-Type', JSON_TYPE);
    ctx.body = text;
  } finally {
    deps.keys.end(key);
  }
}
