import type { Exchange, Step } from '../exchange.js';

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
      // The base, in any case, then the end of the path or a slash: only the base's length of the
      // path is lower-cased (a request's path is read as Latin-1 text: lower case keeps its length).
      const length = lowerBase.length;
      if (path.length < length || (path.length > length && path.charCodeAt(length) !== 47) /* / */) return false;
      return path.slice(0, length).toLowerCase() === lowerBase;
    },
  };
}

/** Nothing after the waiter API: a path under it that no route serves is a 404 for the waiter, not the dashboard. */
const nothingAfter = () => Promise.resolve();

/**
 * Serves `inner` (the waiter API) under the configured path (`waiterPathMatcher`): /getmeback works
 * too. The path relative to the base is given to the routes as `ctx.state.waiterRoute`
 * (`waiterRoute`); the request's own URL is not rewritten. The last step in front of the waiter API
 * on both ways a waiter request goes: the till's fast path (till-app.ts) and, for a request Koa
 * answers (a URL in absolute form), Koa's chain.
 */
export function mountAtWaiterPath(waiterPath: WaiterPath, inner: Step): Step {
  const waiterApiMount: Step = (ctx, next) => {
    const path = ctx.path;
    if (!waiterPath.matches(path)) return next();
    ctx.state.waiterApi = true;
    ctx.state.waiterRoute = path.slice(waiterPath.base().length) || '/';
    return inner(ctx, nothingAfter);
  };
  return waiterApiMount;
}

/** A waiter request's path relative to the waiter API's base path (/orders/…), whatever the base. */
export function waiterRoute(ctx: Exchange): string {
  return typeof ctx.state.waiterRoute === 'string' ? ctx.state.waiterRoute : ctx.path;
}
