import type { TillCore } from '../core/create-core.js';
import type { ServerControl } from './server-control.js';
import type { ShellWindows } from './shell-windows.js';
import type { TillTray } from './till-tray.js';

/** The desktop app's running parts, once the till is up. */
export interface ShellParts {
  tray: TillTray;
  server: ServerControl;
  windows: ShellWindows;
  core: TillCore;
}

/**
 * Kept on globalThis under a registered symbol: the e2e entry imports this module from the
 * type-checked build, the app runs its own copy inside its bundle (scripts/bundle-host.ts); both
 * must see one set of listeners.
 */
const LISTENERS = Symbol.for('getmeback-till.shell-started.listeners');
const shared = globalThis as typeof globalThis & { [LISTENERS]?: Set<(parts: ShellParts) => void> };
const listeners = (shared[LISTENERS] ??= new Set());

/**
 * Who wants the running parts: nobody in the packed app. The e2e host entry
 * (e2e/support/electron-main.mjs) listens before it loads main.js, to let Playwright read the tray
 * and the server; desktop-app.ts itself knows of no test.
 */
export function onShellStarted(listener: (parts: ShellParts) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function shellStarted(parts: ShellParts): void {
  for (const listener of listeners) listener(parts);
}
