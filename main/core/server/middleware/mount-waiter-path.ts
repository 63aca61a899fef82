import type { Middleware } from 'koa';

/** The waiter API's configured path, and whether a request path is under it. */
export interface WaiterPath {
  /** The configured path without a trailing slash. */
  base(): string;
  matches(path: string): boolean;
}

/**
 * Whether a request path is under the waiter API's configured path (default /GetMeBack), read at
 * each call so that a changed path takes effect without a restart; matching ignores case. The
 * lower-cased base is worked out again only when the setting changes.
 */
export function waiterPathMatcher(basePath: () => string): WaiterPath {
  let setting: string | null = null;
  let base = '';
  let lowerBase = '';
  const current = () => {
    const now = basePath();
    if (now !== setting) {
      setting = now;
      base = now.replace(/\/+$/, '');
      lowerBase = base.toLowerCase();
    }
    return base;
  };
  return {
    base: current,
    matches(path) {
      current();
      if (path.length < lowerBase.length) return false;
      const lower = path.toLowerCase();
      return lower === lowerBase || lower.startsWith(`${lowerBase}/`);
    },
  };
}

/** Serves `inner` under the configured path (`waiterPathMatcher`): /getmeback works too. */
export function mountAtWaiterPath(waiterPath: WaiterPath, inner: Middleware): Middleware {
  return async (ctx, next) => {
    const path = ctx.path;
    if (!waiterPath.matches(path)) return next();
    ctx.state.waiterApi = true;
    ctx.path = path.slice(waiterPath.base().length) || '/';
    try {
      // A path under the waiter API that no route serves is a 404 for the waiter, not the dashboard.
      await inner(ctx, async () => {});
    } finally {
      ctx.path = path;
    }
  };
}
