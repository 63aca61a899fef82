import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../../logger.js';

export interface RequestContext {
  requestId: string;
  log: Logger;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The current request's id and logger, wherever the code runs (core code needs no ctx). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Gives every request an id (echoed as X-Request-Id and in every error body) and a child logger
 * carrying it, then writes one access-log line when the answer is sent.
 */
export function requestContext(logger: Logger): Middleware {
  return async (ctx, next) => {
    const requestId = randomUUID().slice(0, 8);
    const log = logger.child({ requestId });
    ctx.state.requestId = requestId;
    ctx.state.log = log;
    ctx.set('X-Request-Id', requestId);
    const started = performance.now();
    await storage.run({ requestId, log }, async () => {
      try {
        await next();
      } finally {
        log.info(
          { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round((performance.now() - started) * 10) / 10, ip: ctx.ip },
          'request',
        );
      }
    });
  };
}
