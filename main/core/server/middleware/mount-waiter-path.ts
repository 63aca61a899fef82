import type { Middleware } from 'koa';

/** True for the waiter API's base path and anything under it, ignoring case. */
export function isUnderWaiterPath(path: string, basePath: string): boolean {
  const lower = path.toLowerCase();
  const lowerBase = basePath.replace(/\/+$/, '').toLowerCase();
  return lower === lowerBase || lower.startsWith(`${lowerBase}/`);
}

/**
 * Serves `inner` under the configured path (default /GetMeBack), read at each request so that a
 * changed path takes effect without a restart. Matching ignores case: /getmeback works too.
 */
export function mountAtWaiterPath(basePath: () => string, inner: Middleware): Middleware {
  return async (ctx, next) => {
    const base = basePath().replace(/\/+$/, '');
    const path = ctx.path;
    if (!isUnderWaiterPath(path, base)) return next();
    ctx.state.waiterApi = true;
    ctx.path = path.slice(base.length) || '/';
    try {
      // A path under the waiter API that no route serves is a 404 for the waiter, not the dashboard.
      await inner(ctx, async () => {});
    } finally {
      ctx.path = path;
    }
  };
}
