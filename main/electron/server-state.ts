/** The till's HTTP server as the shell sees it: what the tray shows and what start/stop may do. */
export type ServerState =
  | { kind: 'starting' }
  | { kind: 'running'; host: string; port: number; localUrl: string }
  | { kind: 'stopping' }
  | { kind: 'stopped' }
  | { kind: 'error'; portInUse: number | null; message: string };
