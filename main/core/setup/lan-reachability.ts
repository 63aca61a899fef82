import { request } from 'node:http';
import type { LanReachabilityResponse } from '../../../shared/admin/lan-reachability.js';
import { isLoopback } from '../server/middleware/network-guard.js';

/** Long enough for a loaded till to answer itself; short enough for the setup screen to wait for. */
export const PROBE_TIMEOUT_MS = 2_000;

export interface LanProbeInput {
  /** settings.server.host: where the server listens. */
  host: string;
  /** The port it listens on, or null when it is not running. */
  port: number | null;
  /** The addresses to try: the till's LAN addresses (the route gives server-addresses.ts' non-loopback ones). */
  addresses: readonly string[];
  now: Date;
  timeoutMs?: number;
}

/**
 * Whether the till's port is reachable from the LAN: the till connects to itself on each LAN address
 * and asks for `/` (the dashboard's page, which the front gate serves to the till's own subnets; never
 * the waiter API, where its own address would be counted as a refused terminal). Any HTTP answer
 * means the port is reachable there.
 */
export async function checkLanReachability(input: LanProbeInput): Promise<LanReachabilityResponse> {
  const base = { port: input.port, checkedAt: input.now.toISOString() };
  if (input.port === null) return { ...base, verdict: 'notListening', addresses: [] };
  if (isLoopback(input.host) || input.host === 'localhost') return { ...base, verdict: 'loopbackOnly', addresses: [] };
  const lan = [...new Set(input.addresses)];
  if (lan.length === 0) return { ...base, verdict: 'noLan', addresses: [] };
  const port = input.port;
  const addresses = await Promise.all(
    lan.map(async (address) => {
      const error = await probe(address, port, input.timeoutMs ?? PROBE_TIMEOUT_MS);
      return { address, reachable: error === null, error };
    }),
  );
  return { ...base, verdict: addresses.some((entry) => entry.reachable) ? 'reachable' : 'unreachable', addresses };
}

/** null when an HTTP answer came; otherwise what stopped it. */
function probe(address: string, port: number, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const host = address.includes(':') ? `[${address}]` : address;
    const req = request(`http://${host}:${port}/`, { method: 'GET', timeout: timeoutMs, headers: { connection: 'close' } }, (res) => {
      res.resume();
      resolve(null);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}
