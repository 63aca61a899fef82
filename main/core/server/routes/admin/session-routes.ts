import Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { checkAdminPassword } from '../../../settings/admin-password.js';
import type { AdminLockout } from '../../access/admin-lockout.js';
import { AdminSessions } from '../../access/admin-sessions.js';
import { AccessDenied } from '../../http-errors.js';
import { SESSION_PATH } from '../../middleware/admin-access.js';
import { readJsonBody } from '../../middleware/json-body.js';
import { isLoopback } from '../../middleware/network-guard.js';
import { validate } from '../../validate.js';
import type { Settings } from '../../../../../shared/settings/schema.js';
import { ADMIN_ROUTER } from './admin-router.js';

const Login = z.object({ password: z.string().min(1).max(256) });

export interface SessionDeps {
  settings: () => Settings;
  sessions: AdminSessions;
  lockout: AdminLockout;
  nowMs: () => number;
  verify?: (password: string, stored: string) => Promise<boolean>;
}

/** One login from another computer opens a session (a cookie); logout ends it. */
export function sessionRoutes(deps: SessionDeps): Router {
  const router = new Router(ADMIN_ROUTER);
  const verify = deps.verify ?? checkAdminPassword;
  const token = (ctx: Context) => AdminSessions.tokenFrom(ctx.get('cookie'));

  router.get(SESSION_PATH, (ctx) => {
    const network = !isLoopback(ctx.socket.remoteAddress);
    const settings = deps.settings();
    // The language too: the login form of a browser on another computer speaks the till's before any status can be read.
    ctx.body = { network, loggedIn: !network || deps.sessions.isValid(token(ctx), settings.adminPasswordHash, deps.nowMs()), language: settings.language };
  });

  router.post(SESSION_PATH, async (ctx) => {
    const { password } = validate(Login, await readJsonBody(ctx, 1024), 'body');
    if (isLoopback(ctx.socket.remoteAddress)) {
      ctx.body = { network: false, loggedIn: true };
      return;
    }
    const stored = deps.settings().adminPasswordHash;
    const verdict = await deps.lockout.attempt(ctx.socket.remoteAddress ?? 'unknown', deps.nowMs, () => verify(password, stored));
    if (verdict === 'wrong') throw new AccessDenied(401, 'wrong admin password', 'wrongPassword');
    if (verdict !== 'ok') {
      ctx.set('Retry-After', verdict === 'busy' ? '1' : '300');
      if (verdict === 'busy') throw new AccessDenied(429, 'a password check from this address is still running');
      throw new AccessDenied(429, 'too many wrong admin passwords: wait five minutes', 'tooManyPasswords');
    }
    ctx.set('Set-Cookie', AdminSessions.cookie(deps.sessions.open(stored, deps.nowMs())));
    ctx.body = { network: true, loggedIn: true };
  });

  router.post(`${SESSION_PATH}/end`, (ctx) => {
    deps.sessions.close(token(ctx));
    ctx.set('Set-Cookie', AdminSessions.cookie(''));
    ctx.status = 204;
  });

  return router;
}
