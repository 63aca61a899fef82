import { IdempotencyKey } from '../../../../shared/wire/payment.js';
import type { Clock } from '../../clock.js';
import { IdempotencyKeys } from '../../ledger/idempotency-keys.js';
import { JSON_TYPE, type Exchange } from '../exchange.js';
import { KeyConflict } from '../http-errors.js';
import { waiterRoute } from '../middleware/mount-waiter-path.js';
import { validate } from '../validate.js';

/**
 * A money request whose Idempotency-Key is still running is 409 whatever its body (docs/protocol.md,
 * Idempotency): asked before the body is read, so a retry with a body cut short is told to wait
 * rather than that its body is wrong.
 */
export function refuseWhileRunning(ctx: Exchange, keys: IdempotencyKeys): void {
  const key = validate(IdempotencyKey, ctx.get('Idempotency-Key') || undefined, 'Idempotency-Key');
  if (keys.isRunning(key)) throw new KeyConflict(409);
}

/**
 * Runs a money request exactly once per Idempotency-Key: the same key and request replay the first
 * answer byte for byte (also after a restart); another request is 422; a key whose first request is
 * still running is 409. "The same request" is what the till acts on — the validated body, with
 * fields it does not know left out and `null` the same as absent (docs/protocol.md, Tolerance), on
 * the route without a trailing slash — so a retry that differs only in what the till ignores replays.
 * `work` must call `remember` inside its transaction.
 */
export async function exactlyOnce<R>(
  ctx: Exchange,
  deps: { keys: IdempotencyKeys; clock: Clock },
  request: { named: unknown; body: unknown },
  work: (remember: (response: R) => void) => Promise<R>,
): Promise<void> {
  const key = validate(IdempotencyKey, ctx.get('Idempotency-Key') || undefined, 'Idempotency-Key');
  // Order ids are UUIDs, whatever their case: a replay that spells the id in upper case is the
  // same request; the route is relative to the waiter API's base path.
  const sent = waiterRoute(ctx).toLowerCase();
  const route = sent.replace(/\/+$/, '');
  const acted = actedOn(request.body);
  const requestHash = deps.keys.hashRequest(ctx.method, route, acted);
  if (!deps.keys.begin(key)) throw new KeyConflict(409);
  try {
    const stored = deps.keys.find(key);
    if (stored) {
      // An answer stored by an earlier version was keyed by the body as sent and the route as written;
      // each stored hash is compared in its own form only (a body as sent in roubles could equal
      // another request's validated form in kopecks).
      const same = IdempotencyKeys.ofRequestAsSent(stored)
        ? deps.keys.matches(stored, ctx.method, sent, request.named)
        : deps.keys.matches(stored, ctx.method, route, acted);
      if (!same) throw new KeyConflict(422);
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

/** The validated request as the till acts on it: `null` and absent fields (at any depth) left out. */
function actedOn(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(actedOn);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== null && inner !== undefined)
      .map(([name, inner]) => [name, actedOn(inner)]),
  );
}
