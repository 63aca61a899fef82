import type { NetworkInterfaceInfo } from 'node:os';
import { serverAddresses } from '../core/setup/server-addresses.js';

/**
 * The one Server Address the tray copies for iikoWaiter → External Loyalty. A server bound to all
 * interfaces is reached by the waiters' phones on this till's LAN address; a server bound to one
 * address is reached only there.
 */
export function serverAddressFor(
  listening: { host: string; port: number },
  basePath: string,
  interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>,
): string {
  if (listening.host === '0.0.0.0' || listening.host === '::') {
    const [first] = serverAddresses(listening.port, basePath, interfaces);
    return first?.url ?? `http://127.0.0.1:${listening.port}${basePath}`;
  }
  const host = listening.host.includes(':') ? `[${listening.host}]` : listening.host;
  return `http://${host}:${listening.port}${basePath}`;
}
