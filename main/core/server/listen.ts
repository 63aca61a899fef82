import { createServer, type Server } from 'node:http';
import type Koa from 'koa';
import type { ListenerReport } from '../till-activity.js';
import { CONNECTION_LIMITS, limitConnections } from './connection-limits.js';

export interface Listening {
  server: Server;
  host: string;
  port: number;
  /** The address as a browser on this machine reaches it. */
  localUrl: string;
  /** Takes no new connection and closes the idle ones, now; the busy ones are left to `close`. */
  stopAccepting(): void;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already used by another program`);
    this.name = 'PortInUseError';
  }
}

/** What a host hands to `listen`: the app it built, and where to report the listener's state. */
export interface ListenTarget {
  app: Koa;
  activity: ListenerReport;
  /** The iikoWaiter terminals allowed now (settings.server.allowedRanges): the LAN's connection cap leaves them room. */
  allowedTerminals?: () => readonly string[];
}

/**
 * Starts the HTTP server for a host's app. A slow or stalled client cannot hold connections:
 * headers within 5 s and a whole request within 15 s, and a cap on the connections per LAN address
 * and in all (connection-limits.ts). Node checks those deadlines on a timer that runs even with no
 * connection open: every 5 s, not every second, because each check wakes an idle till (issue 19:
 * with 1 s the idle host used 0.125 % of a core, with 5 s 0.08 %, by perf stat over 30 s); a stalled
 * client is therefore dropped 5–10 s after it connected.
 */
export function listen({ app, activity, allowedTerminals }: ListenTarget, options: { host: string; port: number }): Promise<Listening> {
  const server = createServer({ connectionsCheckingInterval: 5_000, headersTimeout: 5_000, requestTimeout: 15_000 }, app.callback());
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
  limitConnections(server, CONNECTION_LIMITS, (address) => activity.connectionRefused?.(address), allowedTerminals);
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        activity.portTaken(options.port);
        reject(new PortInUseError(options.port));
      } else reject(error);
    });
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      activity.listeningOn(options.host, port);
      const localHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
      resolve({
        server,
        host: options.host,
        port,
        localUrl: `http://${localHost.includes(':') ? `[${localHost}]` : localHost}:${port}`,
        stopAccepting: () => {
          if (server.listening) server.close();
          server.closeIdleConnections();
          activity.stoppedListening();
        },
        close: () =>
          new Promise<void>((done) => {
            if (server.listening) server.close(() => done());
            else done();
            server.closeAllConnections();
            activity.stoppedListening();
          }),
      });
    });
  });
}
