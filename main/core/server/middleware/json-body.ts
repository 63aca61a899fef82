import type { IncomingMessage } from 'node:http';
import type { Exchange } from '../exchange.js';
import { BadRequest, ClientGone } from '../http-errors.js';

/** Waiter calls are a few hundred bytes; 8 KB leaves room and stops a flood at the door. */
export const WAITER_BODY_LIMIT = 8 * 1024;

/**
 * Reads a JSON body with a size limit. An empty body is `{}`. Bad JSON is a 400, too large a 413,
 * a non-JSON content type a 415 — never a 500; a caller gone before the end of its body, ClientGone.
 */
export async function readJsonBody(ctx: Exchange, limit = WAITER_BODY_LIMIT): Promise<unknown> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limit) {
    ctx.req.resume();
    throw new BadRequest([{ Field: 'body', Message: `larger than ${limit} bytes` }], 413);
  }
  const chunks = await collectBody(ctx.req, limit);
  if (chunks === null) throw new BadRequest([{ Field: 'body', Message: `larger than ${limit} bytes` }], 413);
  // A waiter's body comes in one chunk: read as it is, not copied into a new buffer first.
  const text = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString('utf8').trim();
  if (text === '') return {};
  const type = ctx.get('content-type');
  // JSON only: a browser can send text/plain or a form across sites without asking first.
  if (type && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new BadRequest([{ Field: 'Content-Type', Message: 'must be application/json' }], 415);
  }
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new BadRequest([{ Field: 'body', Message: 'is not valid JSON' }]);
  }
  // No call nests deeper than a few levels; thousands (8 KB of `[[[…`) would overflow the stack of
  // whatever walks the body next (the payment's request hash did: a 500). Deeper than N levels takes
  // 2 N brackets at least: a shorter text (a check-in's) is not walked.
  if (text.length > 2 * MAX_BODY_DEPTH && nestedDeeperThan(body, MAX_BODY_DEPTH)) throw new BadRequest([{ Field: 'body', Message: `is nested deeper than ${MAX_BODY_DEPTH} levels` }]);
  return body;
}

/** Levels of objects and arrays a body may have: a payment has four. */
export const MAX_BODY_DEPTH = 32;

/** Whether objects and arrays in `value` nest deeper than `max` levels; walked without recursion. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const open: { value: object; depth: number }[] = [{ value, depth: 1 }];
  for (let next = open.pop(); next !== undefined; next = open.pop()) {
    if (next.depth > max) return true;
    for (const inner of Array.isArray(next.value) ? next.value : Object.values(next.value)) {
      if (inner !== null && typeof inner === 'object') open.push({ value: inner as object, depth: next.depth + 1 });
    }
  }
  return false;
}

/**
 * The body's chunks, or null once it passes `limit`. Plain listeners rather than an async iterator:
 * this runs on every waiter call, and an iterator costs a promise per chunk. Past the limit the rest
 * is drained, not destroyed, so the 413 still reaches the client.
 */
function collectBody(req: IncomingMessage, limit: number): Promise<Buffer[] | null> {
  return new Promise((resolve, reject) => {
    if (req.readableEnded) return resolve([]);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      req.resume();
      resolve(null);
    };
    const onEnd = () => resolve(chunks);
    // \`on\`, not \`once\`: each fires at most once for a request, and \`once\` wraps every listener.
    req.on('data', onData);
    req.on('end', onEnd);
    // Node destroys the request of a caller gone before the end of its body with an error ('aborted').
    req.on('error', (error) => reject(new ClientGone(error)));
  });
}
