import Router from '@koa/router';
import { PassThrough } from 'node:stream';
import type { BackupStreamEvent } from '../../../../../shared/admin/backups.js';
import { backupMessage } from '../../../backups/backup-messages.js';
import type { TillBackups } from '../../../backups/till-backups.js';
import type { SettingsService } from '../../../settings/settings-service.js';
import { AdminRefusal } from '../../http-errors.js';
import { ADMIN_ROUTER } from './admin-router.js';

export interface BackupRoutesDeps {
  backups: Pick<TillBackups, 'busy' | 'backUpNow'>;
  settings: SettingsService;
}

/**
 * «Сделать резервную копию сейчас»: the backup runs on SQLite's online backup a step at a time (the
 * waiters are served between steps) and the answer streams its progress as server-sent events, so
 * the screen shows a bar, not a frozen button. One backup at a time: another start is a 409.
 */
export function backupRoutes(core: BackupRoutesDeps): Router {
  const router = new Router(ADMIN_ROUTER);

  router.post('/api/backups', (ctx) => {
    const language = core.settings.get().language;
    if (core.backups.busy) throw new AdminRefusal(409, backupMessage(language, 'running'));
    const stream = new PassThrough();
    const send = ({ event, data }: BackupStreamEvent) => stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    ctx.req.socket.setNoDelay(true);
    ctx.set('Content-Type', 'text/event-stream; charset=utf-8');
    ctx.set('Cache-Control', 'no-cache, no-transform');
    ctx.status = 200;
    ctx.body = stream;
    core.backups
      .backUpNow((progress) => send({ event: 'progress', data: progress }))
      .then(
        (last) => send(last ? { event: 'done', data: last } : { event: 'failed', data: { message: backupMessage(language, 'failed') } }),
        () => send({ event: 'failed', data: { message: backupMessage(language, 'failed') } }),
      )
      .finally(() => stream.end());
  });

  return router;
}
