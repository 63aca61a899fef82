/** The till's HTTP server as the shell sees it: what the tray shows and what start/stop may do. */
export type ServerState =
  | { kind: 'starting' }
  | { kind: 'running'; host: string; port: number; localUrl: string }
  | { kind: 'stopping' }
  | { kind: 'stopped' }
  /**
   * The server could not start. When its port was taken, `localUrl` is a loopback-only address the
   * till opened instead, so its own windows can still show why and let the manager pick another port;
   * iikoWaiter cannot reach it there (it is not the configured port, nor on the LAN).
   */
  | { kind: 'error'; portInUse: number | null; message: string; localUrl: string | null };

/** Where the till's own windows reach the dashboard in this state, or null when nothing answers. */
export function localDashboardUrl(state: ServerState): string | null {
  if (state.kind === 'running') return state.localUrl;
  if (state.kind === 'error') return state.localUrl;
  return null;
}
