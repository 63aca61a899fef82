import type { IncomingMessage, ServerResponse } from 'node:http';
import Koa from 'koa';
import { inOrder, type Step } from './exchange.js';
import type { WaiterPath } from './middleware/mount-waiter-path.js';
import { WaiterExchange } from './waiter-exchange.js';

/** Where the waiter API is and the steps that answer it, up to and including its routes. */
export interface WaiterFastPath {
  waiterPath: WaiterPath;
  steps: readonly Step[];
}

/**
 * The till's HTTP app: Koa for the dashboard, its API and its live feed; the waiter API answered
 * before Koa builds a context (issue 19). `callback()` — what `listen` and every HTTP test serve —
 * sends a request whose path is under the configured waiter path through the same steps, in the
 * same order, on a `WaiterExchange`, and writes its answer once; anything else goes to Koa
 * unchanged. A URL not in origin form (absolute, `*`) goes to Koa, whose chain mounts the same
 * waiter API.
 */
export class TillApp extends Koa {
  constructor(private readonly waiter: WaiterFastPath) {
    super({ proxy: false });
  }

  override callback(): ReturnType<Koa['callback']> {
    const koa = super.callback();
    const { waiterPath } = this.waiter;
    const run = inOrder(this.waiter.steps);
    return (req, res) => {
      // node:http's server, never HTTP/2 (listen.ts).
      const request = req as IncomingMessage;
      const path = originPathOf(request.url);
      if (path === null || !waiterPath.matches(path)) return koa(req, res);
      const exchange = new WaiterExchange(request, res as ServerResponse, path);
      let steps: Promise<void> | void;
      try {
        steps = run(exchange);
      } catch {
        exchange.fail();
        return Promise.resolve();
      }
      return Promise.resolve(steps).then(
        () => exchange.respond(),
        () => exchange.fail(),
      );
    };
  }
}

/** The path of a URL in origin form (`/GetMeBack/health?x=1` → `/GetMeBack/health`), as Koa reads it; null for any other form. */
export function originPathOf(url: string | undefined): string | null {
  if (url === undefined || url.charCodeAt(0) !== 47 /* / */) return null;
  for (let at = 1; at < url.length; at += 1) {
    const code = url.charCodeAt(at);
    if (code === 63 /* ? */ || code === 35 /* # */) return url.slice(0, at);
  }
  return url;
}
