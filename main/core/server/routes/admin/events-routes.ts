import Router from '@koa/router';
import { z } from 'zod';
import type { EventsResponse } from '../../../../../shared/admin/feed.js';
import { TILL_EVENT_TYPES } from '../../../../../shared/events.js';
import type { EventBus } from '../../../events/event-bus.js';
import { validate } from '../../validate.js';
import { FEED_UNREAD_LIMIT_BYTES, feedStream } from './feed-stream.js';
import { ADMIN_ROUTER } from './admin-router.js';

const HistoryQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  after: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  types: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',') : []))
    .pipe(z.array(z.enum(TILL_EVENT_TYPES))),
});

/** The live feed: paged history from the database and a server-sent-events stream. */
export interface EventsRoutesDeps {
  events: EventBus;
}

export function eventsRoutes(core: EventsRoutesDeps): Router {
  const router = new Router(ADMIN_ROUTER);

  router.get('/api/events', (ctx) => {
    const query = validate(HistoryQuery, ctx.query, 'query');
    ctx.body = { events: core.events.history({ beforeId: query.before, afterId: query.after, limit: query.limit, types: query.types }) } satisfies EventsResponse;
  });

  router.get('/api/events/stream', (ctx) => {
    // From another computer: only while its admin session lasts (admin-access.ts).
    const stillAllowed = ctx.state.sessionStillValid as (() => boolean) | undefined;
    const { stream, stop } = feedStream(core.events, FEED_UNREAD_LIMIT_BYTES, stillAllowed);
    ctx.req.socket.setTimeout(0);
    ctx.req.socket.setNoDelay(true);
    ctx.req.socket.setKeepAlive(true);
    ctx.set('Content-Type', 'text/event-stream; charset=utf-8');
    ctx.set('Cache-Control', 'no-cache, no-transform');
    ctx.set('Connection', 'keep-alive');
    ctx.status = 200;
    ctx.body = stream;
    ctx.req.on('close', stop);
    ctx.res.on('close', stop);
  });

  return router;
}
