import type { Middleware } from 'koa';
import type { Settings } from '../../../../shared/settings/schema.js';
import { AdminPasswordGate } from '../../settings/admin-password.js';
import { AccessDenied } from '../http-errors.js';
import { isLoopback } from './network-guard.js';

/**
 * The dashboard and its API: open on this machine (loopback); from the LAN only with the admin
 * password (HTTP Basic, any user name). A change must be sent as JSON, which a cross-site form
 * cannot do, and an Origin, when sent, must be this server: no CSRF through simple form posts.
 */
export function adminAccess(settings: () => Settings, now: () => number = Date.now): Middleware {
  const gate = new AdminPasswordGate();
  return async (ctx, next) => {
    if (!isLoopback(ctx.socket.remoteAddress)) {
      const stored = settings().adminPasswordHash;
      if (!stored) throw new AccessDenied(403, 'access from the network is off: set an admin password on the till');
      const password = basicPassword(ctx.get('authorization'));
      if (password === null) throw new AccessDenied(401, 'admin password required');
      const verdict = await gate.check(ctx.socket.remoteAddress ?? 'unknown', password, stored, now());
      if (verdict === 'locked') throw new AccessDenied(429, 'too many wrong admin passwords from this address: wait a few minutes');
      if (verdict === 'wrong') throw new AccessDenied(401, 'admin password required');
    }
    if (!['GET', 'HEAD', 'OPTIONS'].includes(ctx.method)) {
      if (!/^application\/json\b/i.test(ctx.get('content-type'))) throw new AccessDenied(403, 'changes must be sent as application/json');
      const origin = ctx.get('origin');
      if (origin && origin !== `${ctx.protocol}://${ctx.get('host')}`) throw new AccessDenied(403, `foreign Origin: ${origin}`);
    }
    await next();
  };
}

function basicPassword(header: string): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? null : decoded.slice(colon + 1);
}
