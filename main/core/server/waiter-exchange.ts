import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { JSON_TYPE, type Exchange } from './exchange.js';

/** Statuses that carry no body (Koa's and HTTP's `statuses.empty`). */
const EMPTY_STATUSES = new Set([204, 205, 304]);

/**
 * A waiter request and its answer on plain node:http: what Koa's context would be for it, without
 * Koa's four objects per request, its setters on every header and its listeners on the socket. The
 * answer is written once, by `respond`: status, headers and the body in one `writeHead` + `end`,
 * with the same headers Koa would send (Content-Type with charset, Content-Length; none on 204;
 * HEAD gets the headers without the body).
 */
export class WaiterExchange implements Exchange {
  state: Record<string, unknown> = {};
  params?: Record<string, string>;
  private code = 404;
  private explicitStatus = false;
  private answer: unknown = undefined;
  /** The response headers, name and value in turn, as `writeHead` takes them. */
  private readonly outgoing: string[] = [];

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly path: string,
  ) {}

  get method(): string {
    return this.req.method ?? 'GET';
  }

  get headers(): IncomingMessage['headers'] {
    return this.req.headers;
  }

  get socket(): IncomingMessage['socket'] {
    return this.req.socket;
  }

  get hostname(): string {
    const host = this.req.headers.host ?? '';
    if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
    return host.split(':', 1)[0] ?? '';
  }

  get status(): number {
    return this.code;
  }

  set status(code: number) {
    this.code = code;
    this.explicitStatus = true;
    if (EMPTY_STATUSES.has(code)) this.answer = null;
  }

  get body(): unknown {
    return this.answer;
  }

  set body(value: unknown) {
    this.answer = value;
    if (value === null || value === undefined) {
      if (!EMPTY_STATUSES.has(this.code)) this.status = 204;
    } else if (!this.explicitStatus) this.code = 200;
  }

  get(field: string): string {
    const value = this.req.headers[field.toLowerCase()];
    return value === undefined ? '' : String(value);
  }

  set(field: string, value: string): void {
    const at = this.indexOf(field);
    if (at >= 0) this.outgoing[at + 1] = value;
    else this.outgoing.push(field, value);
  }

  /**
   * Writes the answer, once. A client gone before the answer (its socket closed) gets nothing
   * written and nothing thrown; a second call does nothing; a failure to write is `fail`ed.
   */
  respond(): void {
    try {
      this.write();
    } catch {
      this.fail();
    }
  }

  /**
   * An error no step answered (a fault in the steps themselves, or in writing the answer): 500 as
   * Koa answers it, plain text, only if nothing was sent yet; else the connection is closed.
   */
  fail(): void {
    const res = this.res;
    try {
      if (res.headersSent || res.writableEnded) throw new Error('already answered');
      this.outgoing.length = 0;
      this.explicitStatus = false;
      this.code = 500;
      this.answer = null;
      this.write();
    } catch {
      res.destroy();
    }
  }

  private write(): void {
    const res = this.res;
    if (res.headersSent || res.writableEnded) return;
    if (res.destroyed || res.socket?.writable === false) {
      res.end();
      return;
    }
    const status = this.code;
    if (EMPTY_STATUSES.has(status)) {
      res.writeHead(status, this.outgoing);
      res.end();
      return;
    }
    const value = this.answer;
    let text: string;
    let type: string;
    if (value === null || value === undefined) {
      text = STATUS_CODES[status] ?? String(status);
      type = 'text/plain; charset=utf-8';
    } else if (typeof value === 'string') {
      text = value;
      type = /^\s*</.test(value) ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
    } else {
      text = JSON.stringify(value);
      type = JSON_TYPE;
    }
    if (this.indexOf('content-type') < 0) this.outgoing.push('Content-Type', type);
    this.outgoing.push('Content-Length', String(Buffer.byteLength(text)));
    res.writeHead(status, this.outgoing);
    if (this.req.method === 'HEAD') res.end();
    else res.end(text);
  }

  private indexOf(field: string): number {
    const name = field.toLowerCase();
    for (let at = 0; at < this.outgoing.length; at += 2) {
      const set = this.outgoing[at] as string;
      // Names of another length cannot match: no lower-casing for them (three headers per answer).
      if (set.length === name.length && set.toLowerCase() === name) return at;
    }
    return -1;
  }
}
