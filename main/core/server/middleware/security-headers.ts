import type { Step } from '../exchange.js';

/** The dashboard loads only its own scripts and styles and talks only to its own origin. */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Every answer: no sniffing, no caching (the static dashboard's hashed assets relax the latter).
 * The dashboard and its API also get the CSP and the framing/isolation headers; the waiter API's
 * JSON does not need them, and their 400 bytes cost a third of a small answer's throughput.
 * All are set before the request goes on (also kept on error answers), so this step adds no
 * promise of its own to a request (issue 19).
 */
export function securityHeaders(isWaiterApi: (path: string) => boolean = () => false): Step {
  return (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', 'no-store');
    if (!isWaiterApi(ctx.path)) {
      ctx.set('Referrer-Policy', 'no-referrer');
      ctx.set('X-Frame-Options', 'DENY');
      // Browsers honour (and otherwise complain about) COOP only on a trustworthy origin: this machine.
      if (isLocalHost(ctx.hostname)) ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
      ctx.set('Cross-Origin-Resource-Policy', 'same-origin');
      ctx.set('Content-Security-Policy', DASHBOARD_CSP);
    }
    return next();
  };
}

function isLocalHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || hostname === '::1' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
