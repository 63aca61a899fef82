import type { Middleware } from 'koa';
import type { Settings } from '../../../../shared/settings/schema.js';
import { AdminSessions } from '../access/admin-sessions.js';
import { AccessDenied } from '../http-errors.js';
import { isLoopback } from './network-guard.js';

/** Login, logout and "who am I": open to the LAN so that a browser can ask for a session. */
export const SESSION_PATH = '/api/session';

/**
 * The dashboard's API: open on this machine (loopback); from the LAN (the front gate lets no one
 * else this far) only with an admin session, opened once with the password at `/api/session`.
 * The dashboard's own files carry no data and are served to the LAN so that it can show its login
 * form. A change must be sent as JSON, which a cross-site form cannot do, and an Origin, when sent,
 * must be this server: no CSRF through simple form posts, the login included.
 */
export function adminAccess(options: { settings: () => Settings; sessions: AdminSessions; nowMs: () => number }): Middleware {
  return async (ctx, next) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(ctx.method)) {
      if (!/^application\/json\b/i.test(ctx.get('content-type'))) throw new AccessDenied(403, 'changes must be sent as application/json');
      const origin = ctx.get('origin');
      if (origin && origin !== `${ctx.protocol}://${ctx.get('host')}`) throw new AccessDenied(403, `foreign Origin: ${origin}`);
    }
    if (isLoopback(ctx.socket.remoteAddress)) return next();
    const stored = options.settings().adminPasswordHash;
    if (!stored) throw new AccessDenied(403, 'access from the network is off: set an admin password on the till', 'networkOff');
    // In any case: /API/settings must not pass as a page (the admin routers match case-sensitively
    // now, and this gate must never see a path differently from a router).
    const path = ctx.path.toLowerCase();
    const api = path === '/api' || path.startsWith('/api/');
    const sessionPath = path === SESSION_PATH || path.startsWith(`${SESSION_PATH}/`);
    const token = AdminSessions.tokenFrom(ctx.get('cookie'));
    if (api && !sessionPath && !options.sessions.isValid(token, stored, options.nowMs())) {
      throw new AccessDenied(401, 'log in: an admin session is required');
    }
    // What outlives this request (the live feed) asks again: a logout, a new password or the
    // session's end stops it too.
    ctx.state.sessionStillValid = () => options.sessions.isValid(token, options.settings().adminPasswordHash, options.nowMs());
    await next();
  };
}
