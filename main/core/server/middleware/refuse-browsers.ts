import type { Step } from '../exchange.js';
import { AccessDenied } from '../http-errors.js';

/**
 * The waiter API is called by iikoWaiter's plugin, a program, never by a web page. A browser marks
 * its requests with `Origin` (on every POST, and cross-site) or `Sec-Fetch-Site`; refusing those
 * stops any web page — a cross-site form, or DNS rebinding from a browser on the restaurant's network —
 * from checking a guest in or spending a guest's bonuses.
 */
export function refuseBrowsers(inner: Step): Step {
  return (ctx, next) => {
    const headers = ctx.headers;
    if (headers.origin || headers['sec-fetch-site']) {
      throw new AccessDenied(403, 'the waiter API does not answer web pages');
    }
    return inner(ctx, next);
  };
}
