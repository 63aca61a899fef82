import type Koa from 'koa';
import type { TillCore } from '../core/create-core.js';
import { listen as listenCore, PortInUseError, type Listening, type ListenTarget } from '../core/server/listen.js';
import type { ListenerReport } from '../core/till-activity.js';
import type { ServerState } from './server-state.js';

type Listen = (target: ListenTarget, options: { host: string; port: number }) => Promise<Listening>;

/** Where the loopback-only fallback listener reports: nowhere. */
const UNREPORTED: ListenerReport = { listeningOn: () => undefined, portTaken: () => undefined, stoppedListening: () => undefined };

/**
 * Starts and stops the till's HTTP server for the tray, one step at a time: a double click on
 * "start" while it is starting must not open the port twice. Quitting closes the listener first,
 * so no waiter request arrives at a closed database, and then the core.
 *
 * When the configured port is taken by another program, the till still needs a way in: the settings
 * live on this same server. So it opens the dashboard on a loopback-only, system-chosen port (the
 * "fallback"), reachable from its own windows only, and says so in the error state. The next start
 * (the manager saved another port, or pressed "start") closes the fallback first.
 */
export class ServerControl {
  private current: ServerState = { kind: 'stopped' };
  private listening: Listening | null = null;
  private fallback: Listening | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly listeners = new Set<(state: ServerState) => void>();

  constructor(
    private readonly core: TillCore,
    /** The app the host built from the core's services. */
    private readonly app: Koa,
    private readonly listen: Listen = listenCore,
  ) {}

  get state(): ServerState {
    return this.current;
  }

  onChange(listener: (state: ServerState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<ServerState> {
    return this.step(async () => {
      if (this.closed || this.listening) return;
      await this.closeFallback();
      const { host, port } = this.core.settings.get().server;
      this.set({ kind: 'starting' });
      try {
        const listening = await this.listen({ app: this.app, activity: this.core.activity, allowedTerminals: () => this.core.settings.get().server.allowedRanges }, { host, port });
        // The session ended while the port was opening (closeNow): it closes again, unused.
        if (this.closed) {
          await listening.close();
          return;
        }
        this.listening = listening;
        this.set({ kind: 'running', host: this.listening.host, port: this.listening.port, localUrl: this.listening.localUrl });
      } catch (error) {
        this.core.logger.error({ err: error, host, port }, 'the server could not start');
        const portInUse = error instanceof PortInUseError ? error.port : null;
        // Any failure to listen (a taken port, an address this machine no longer has) opens the
        // dashboard on loopback: the manager can set the server right from the till itself.
        const fallback = await this.openFallback(portInUse);
        if (this.closed) return;
        this.set({ kind: 'error', portInUse, message: error instanceof Error ? error.message : String(error), localUrl: fallback?.localUrl ?? null });
      }
    });
  }

  stop(): Promise<ServerState> {
    return this.step(() => this.closeListener());
  }

  /** Stop, then start again: for settings that take effect only on a new start (host, port). */
  restart(): Promise<ServerState> {
    return this.stop().then(() => this.start());
  }

  /** The last step of the app: the listener, then the core. Later calls do nothing. */
  shutdown(): Promise<ServerState> {
    return this.step(async () => {
      if (this.closed) return;
      await this.closeListener();
      this.closed = true;
      await this.core.close();
    });
  }

  /**
   * The session ends (session-end.ts): the listener and the fallback stop taking connections now, in
   * this turn of the event loop — not after the steps queued before — and nothing is opened again.
   * The core is not closed here, and a later `shutdown()` does not close it either: whoever called
   * this closes it (without the shutdown backup). Resolves once both are closed.
   */
  closeNow(): Promise<void> {
    this.closed = true;
    const open = [this.listening, this.fallback].flatMap((listening) => (listening ? [listening] : []));
    for (const listening of open) listening.stopAccepting();
    this.listening = null;
    this.fallback = null;
    if (this.current.kind !== 'stopped') this.set({ kind: 'stopped' });
    // The connections still busy are cut a turn later: the payments the session's close commits (those
    // waiting for their group commit) write their answers in the turns right after it, not into a
    // socket already destroyed.
    return new Promise<void>((turn) => setImmediate(turn)).then(() => Promise.all(open.map((listening) => listening.close()))).then(() => undefined);
  }

  private async openFallback(portInUse: number | null): Promise<Listening | null> {
    try {
      const fallback = await this.listen({ app: this.app, activity: UNREPORTED }, { host: '127.0.0.1', port: 0 });
      if (this.closed) {
        await fallback.close();
        return null;
      }
      this.fallback = fallback;
      this.core.logger.warn({ portInUse, fallback: this.fallback.localUrl }, 'the server could not listen: the dashboard opened on a loopback-only port for the till itself');
    } catch (error) {
      this.core.logger.error({ err: error }, 'not even a loopback port could be opened for the dashboard');
      this.fallback = null;
    }
    // The setup screen reports the taken port (the failed start told the core's activity so); the
    // fallback is not the till's address for anyone, so it reports nowhere.
    return this.fallback;
  }

  private async closeFallback(): Promise<void> {
    const fallback = this.fallback;
    this.fallback = null;
    if (fallback) await fallback.close();
  }

  private async closeListener(): Promise<void> {
    await this.closeFallback();
    const listening = this.listening;
    if (!listening) {
      if (this.current.kind !== 'stopped') this.set({ kind: 'stopped' });
      return;
    }
    this.set({ kind: 'stopping' });
    await listening.close();
    this.listening = null;
    this.set({ kind: 'stopped' });
  }

  private step(work: () => Promise<void>): Promise<ServerState> {
    const next = this.queue.then(work).then(() => this.current);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private set(state: ServerState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}
