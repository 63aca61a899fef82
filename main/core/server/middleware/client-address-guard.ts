import type { Middleware } from 'koa';
import { AccessDenied } from '../http-errors.js';
import { inAnyRange, parseCidr, type Cidr } from './cidr.js';
import { isLoopback } from './network-guard.js';
import { ownSubnets } from './own-subnets.js';

/**
 * Lets `inner` (the waiter API) serve only this machine, its own subnets and the manager's extra
 * ranges (`settings.server.allowedRanges`); any other address gets 403 before a route runs.
 * The address is the socket's own: `app.proxy` is off, so X-Forwarded-For cannot forge it.
 */
export function fromAllowedNetworks(allowedRanges: () => readonly string[], inner: Middleware): Middleware {
  const extra = memoRanges();
  return (ctx, next) => {
    const address = ctx.socket.remoteAddress;
    if (!isLoopback(address) && !inAnyRange(address, ownSubnets()) && !inAnyRange(address, extra(allowedRanges()))) {
      throw new AccessDenied(403, `address ${address ?? 'unknown'} is outside the till's networks`);
    }
    return inner(ctx, next);
  };
}

/** Parses the settings' ranges once per change; entries that are not CIDR allow nothing. */
function memoRanges(): (texts: readonly string[]) => Cidr[] {
  let key = '';
  let parsed: Cidr[] = [];
  return (texts) => {
    const nextKey = texts.join('\n');
    if (nextKey !== key) {
      key = nextKey;
      parsed = texts.map(parseCidr).filter((range): range is Cidr => range !== null);
    }
    return parsed;
  };
}
