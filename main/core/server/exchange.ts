import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * One request and its answer, as the steps in front of the waiter API see it: the middlewares
 * (headers, request id, front gate, access log, errors, browsers) and the waiter's routes are typed
 * against this, not against Koa's Context. Koa's Context has all of it, so the dashboard's requests go
 * through the same steps inside Koa; a waiter request gets a `WaiterExchange` instead, answered on
 * node:http without building Koa's context (issue 19).
 */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly method: string;
  /** The URL's path, query cut off, not decoded. */
  readonly path: string;
  /** The Host header's name without the port. */
  readonly hostname: string;
  readonly headers: IncomingHttpHeaders;
  readonly socket: { readonly remoteAddress?: string | undefined };
  /** What the steps tell each other: requestId, log, waiterApi, waiterRoute. */
  state: Record<string, unknown>;
  /** The matched route's parameters, decoded. */
  params?: Record<string, string>;
  /** 404 until a step sets it or a body (then 200). 204, 205 and 304 drop the body. */
  status: number;
  body: unknown;
  /** A request header, '' when absent. */
  get(field: string): string;
  /** Sets (replaces) a response header. */
  set(field: string, value: string): void;
}

/** The Content-Type of JSON answers, as Koa writes it. */
export const JSON_TYPE = 'application/json; charset=utf-8';

/** What comes after a step: a promise, or nothing when the steps after it answered at once. */
export type Next = () => Promise<void> | void;

/** A middleware over an `Exchange`: Koa's `app.use` takes it as it is. */
export type Step = (ctx: Exchange, next: Next) => Promise<void> | void;

/**
 * The steps run one into the next, built once: per request it costs one small function per step,
 * no compose of a stack and no promise of its own (a step that awaits `next()` gets what the next
 * step returned). The result is the first step's: a promise, or nothing when it answered at once; a
 * step that throws at once throws out of it.
 */
export function inOrder(steps: readonly Step[]): (ctx: Exchange) => Promise<void> | void {
  return steps.reduceRight<(ctx: Exchange) => Promise<void> | void>(
    (next, step) => (ctx) => step(ctx, () => next(ctx)),
    () => undefined,
  );
}
