import { createServer, type Server } from 'node:http';
import type Koa from 'koa';
import type { ListenerReport } from '../till-activity.js';

export interface Listening {
  server: Server;
  host: string;
  port: number;
  /** The address as a browser on this machine reaches it. */
  localUrl: string;
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
}

/**
 * Starts the HTTP server for a host's app. Timeouts keep a slow or stalled client from holding a
 * connection: headers within 10 s, a whole request within 15 s.
 */
export function listen({ app, activity }: ListenTarget, options: { host: string; port: number }): Promise<Listening> {
  const server = createServer(app.callback());
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
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
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
            activity.stoppedListening();
          }),
      });
    });
  });
}
