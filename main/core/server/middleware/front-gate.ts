import type { Exchange, Step } from '../exchange.js';
import type { Language } from '../../../../shared/i18n/language.js';
import { adminMessage } from '../../../../shared/i18n/admin-messages.js';
import { waiterMessage } from '../../../../shared/i18n/waiter-messages.js';
import type { RefusalTally } from '../../refusal-tally.js';
import type { RefusedCallers } from '../../refused-callers.js';
import { adminProblem, isAdminRequest } from './admin-problem-answer.js';
import { isWaiterCaller } from './waiter-callers.js';
import type { WaiterPath } from './mount-waiter-path.js';
import { isLoopback } from './network-guard.js';
import { ownSubnets } from './own-subnets.js';
import { inAnyRange } from './cidr.js';
import { RateLimiter, WAITER_RATE_LIMIT, type RateLimitOptions } from './rate-limit.js';

export interface FrontGateOptions {
  waiterPath: WaiterPath;
  /** settings.server.allowedRanges: the iikoWaiter terminals the manager allowed. */
  allowedCallers: () => readonly string[];
  language: () => Language;
  refusedCallers: RefusedCallers;
  tally: RefusalTally;
  /** A refused host the cashier should hear about (the first time, then hourly). */
  onRefusedCaller: (address: string, message: string, route: string) => void;
  now: () => Date;
  rateLimit?: RateLimitOptions;
  /** Monotonic milliseconds for the token buckets. */
  monotonicMs?: () => number;
}

/**
 * The first thing every request meets after its id, before any log line, body or route:
 * - this machine (loopback) passes untouched;
 * - anyone else is rate limited per address (429 with Retry-After);
 * - the waiter API answers only the terminals the manager allowed (403 with a WaiterMessage naming
 *   the setting; the host is remembered for the setup screen's one-click "allow");
 * - the dashboard and its API answer only the till's own subnets (the restaurant's LAN).
 * Refusals are answered here and counted by the tally; nothing is logged per request.
 * Not async: a request it lets through costs no promise of its own (issue 19).
 */
export function frontGate(options: FrontGateOptions): Step {
  const limiter = new RateLimiter(options.rateLimit ?? WAITER_RATE_LIMIT);
  const monotonic = options.monotonicMs ?? (() => performance.now());
  return (ctx, next) => {
    const address = ctx.socket.remoteAddress ?? 'unknown';
    if (isLoopback(address)) return next();
    const waitSeconds = limiter.take(address, monotonic());
    const waiter = options.waiterPath.matches(ctx.path);
    if (waiter) ctx.state.waiterApi = true;
    if (waitSeconds > 0) {
      ctx.set('Retry-After', String(waitSeconds));
      return refuse(ctx, options, 429, 'tooManyRequests', `more than the rate limit from ${address}`);
    }
    if (waiter) {
      if (isWaiterCaller(address, options.allowedCallers())) return next();
      const plain = plainAddress(address);
      const message = waiterMessage(options.language(), 'callerNotAllowed', codeOf(ctx), { address: plain });
      if (options.refusedCallers.note(plain, options.now())) options.onRefusedCaller(plain, message, `${ctx.method} ${ctx.path.slice(0, 200)}`);
      return refuse(ctx, options, 403, { waiterMessage: message }, `${plain} is not an allowed iikoWaiter terminal (server.allowedRanges)`);
    }
    if (inAnyRange(address, ownSubnets())) return next();
    return refuse(ctx, options, 403, 'forbidden', `${address} is outside the till's networks`);
  };
}

/** The request's code the waiter quotes to the administrator. */
function codeOf(ctx: Exchange): string {
  return String(ctx.state.requestId);
}

/** What a refusal says: a sentence both catalogues have, or the waiter's own (the terminal to allow). */
type Said = 'tooManyRequests' | 'forbidden' | { waiterMessage: string };

/** The dashboard's API gets the admin error body; anyone else a WaiterMessage and the reason for iikoWaiter's log. */
function refuse(ctx: Exchange, options: FrontGateOptions, status: 403 | 429, said: Said, reason: string): void {
  options.tally.count(status, ctx.socket.remoteAddress ?? 'unknown');
  ctx.status = status;
  const requestId = ctx.state.requestId as string;
  if (isAdminRequest(ctx)) {
    ctx.body = adminProblem(adminMessage(options.language(), typeof said === 'string' ? said : 'forbidden', requestId), requestId);
    return;
  }
  const message = typeof said === 'string' ? waiterMessage(options.language(), said, requestId) : said.waiterMessage;
  ctx.body = { WaiterMessage: message, RequestId: requestId, Reason: reason };
}

/** 192.168.0.21 rather than ::ffff:192.168.0.21: what the manager recognises and types. */
export function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
