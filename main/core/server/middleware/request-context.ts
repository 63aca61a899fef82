import { randomFillSync } from 'node:crypto';
import type { Step } from '../exchange.js';
import { infoLineWriter, type Logger } from '../../logger.js';
import type { RefusalTally } from '../../refusal-tally.js';

/** Longest path an access-log line keeps: a 14 KB path must not cost 14 KB of log. */
export const LOGGED_PATH_MAX = 200;

/**
 * Gives every request an id, echoed as X-Request-Id and in every error body. Cheap, and first:
 * even a request the front gate refuses carries one.
 * The id travels in `ctx.state`, not AsyncLocalStorage: on Node 20 its promise hooks cost every
 * request about three quarters of the server's throughput (measured: /health 6 000 → 25 000 req/s).
 * Not async: it adds no promise of its own to a request (issue 19).
 */
export function requestId(): Step {
  const nextId = requestIds();
  return (ctx, next) => {
    const id = nextId();
    ctx.state.requestId = id;
    ctx.set('X-Request-Id', id);
    return next();
  };
}

/** Random bytes drawn at a time for request ids: 4 KiB, 1 024 ids. */
const ID_POOL_BYTES = 4096;

/**
 * Request ids: 8 hex digits, 32 random bits each, as the first 8 digits of a random UUID were. The
 * bytes are drawn from the system's random source 4 KiB at a time and each id is read from them
 * as hex (issue 19: by --cpu-prof, building a UUID and cutting it was about 1 % of the host's busy
 * CPU under the check-in load).
 */
export function requestIds(): () => string {
  const pool = Buffer.alloc(ID_POOL_BYTES);
  let at = ID_POOL_BYTES;
  return () => {
    if (at === ID_POOL_BYTES) {
      randomFillSync(pool);
      at = 0;
    }
    at += 4;
    return pool.toString('hex', at - 4, at);
  };
}

/**
 * One access-log line when the answer is sent. Runs after the front gate, so refused callers and
 * rate-limited floods never reach it; 403 and 429 answered later (a wrong admin password, a lockout)
 * are counted by the tally, not logged.
 *
 * Cheap by design (issue 19, measured with --cpu-prof): no child logger per request (`ctx.state.log`
 * is the one logger; whoever logs about a request names its `requestId`), one flat object per line,
 * and the line goes through a child that does not redact: its fields (id, method, cut path, status,
 * ms, ip) carry no secret, so the redaction's walk over every key is skipped; with the till's own
 * logger the line is written as text, in pino's format, without pino (`infoLineWriter`). The lines
 * reach the file in batches through the logger's bounded writer.
 */
export function accessLog(logger: Logger, tally: RefusalTally): Step {
  const access = logger.child({}, { redact: { paths: [] } });
  // The till's own logger writes the line as text, with no object per request (issue 19).
  const writeLine = infoLineWriter(logger);
  return async (ctx, next) => {
    ctx.state.log = logger;
    const started = performance.now();
    try {
      await next();
    } finally {
      if (ctx.status === 403 || ctx.status === 429) tally.count(ctx.status, ctx.socket.remoteAddress ?? 'unknown');
      else if (writeLine) {
        const ip = ctx.socket.remoteAddress;
        writeLine(
          `"requestId":${JSON.stringify(String(ctx.state.requestId))},"method":${JSON.stringify(ctx.method)},"path":${JSON.stringify(cut(ctx.path))},` +
            `"status":${ctx.status},"ms":${Math.round((performance.now() - started) * 10) / 10}${ip === undefined ? '' : `,"ip":${JSON.stringify(ip)}`}`,
          'request',
        );
      } else if (access.isLevelEnabled('info')) {
        access.info(
          {
            requestId: ctx.state.requestId as string,
            method: ctx.method,
            path: cut(ctx.path),
            status: ctx.status,
            ms: Math.round((performance.now() - started) * 10) / 10,
            ip: ctx.socket.remoteAddress,
          },
          'request',
        );
      }
    }
  };
}

function cut(path: string): string {
  return path.length > LOGGED_PATH_MAX ? `${path.slice(0, LOGGED_PATH_MAX)}…(${path.length})` : path;
}
