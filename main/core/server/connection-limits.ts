import type { Server } from 'node:http';
import { isLoopback } from './middleware/network-guard.js';
import { isWaiterCaller } from './middleware/waiter-callers.js';

export interface ConnectionLimits {
  /** Open connections one address of the LAN may hold (the SSE stream included). */
  perAddress: number;
  /** Open connections from all other machines together, but the allowed iikoWaiter terminals. */
  network: number;
  /** Open connections from the allowed iikoWaiter terminals together (their own pool). */
  terminals: number;
  /** server.maxConnections: the hard ceiling, this machine included, far below the process's file limit. */
  max: number;
}

/**
 * A terminal's plugin holds one or two connections and a manager's browser half a dozen plus the live
 * feed; 32 per address leaves room for both, and 20 000 half-open connections from one host leave
 * the till with 32 of them. This machine (the dashboard, the plugin on the till) is not counted.
 */
export const CONNECTION_LIMITS: ConnectionLimits = { perAddress: 32, network: 512, terminals: 1_024, max: 2_048 };

/**
 * Closes, at once, a connection past its address's cap or its pool's; counts it with `onRefused`. The
 * iikoWaiter terminals the manager allowed (`allowedTerminals`, settings.server.allowedRanges) have a
 * pool of their own: hosts nobody allowed, filling the LAN's 512 from a few addresses, would
 * otherwise shut the waiters out; and a range of terminals as wide as the Wi-Fi's cannot take the
 * connections this machine keeps (the dashboard, the plugin on the till).
 */
export function limitConnections(
  server: Server,
  limits: ConnectionLimits = CONNECTION_LIMITS,
  onRefused: (address: string) => void = () => {},
  allowedTerminals: () => readonly string[] = () => [],
): void {
  const open = new Map<string, number>();
  // Two pools, so that neither fills the whole server: this machine keeps max − network − terminals.
  const inPool = { network: 0, terminals: 0 };
  server.maxConnections = limits.max;
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    if (isLoopback(address)) return;
    const count = open.get(address) ?? 0;
    const pool = isWaiterCaller(address, allowedTerminals()) ? 'terminals' : 'network';
    if (count >= limits.perAddress || inPool[pool] >= limits[pool]) {
      socket.destroy();
      onRefused(address);
      return;
    }
    open.set(address, count + 1);
    inPool[pool] += 1;
    socket.once('close', () => {
      inPool[pool] -= 1;
      const left = (open.get(address) ?? 1) - 1;
      if (left === 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
