import { networkInterfaces } from 'node:os';

/**
 * The exact Server Address to type into iikoWaiter → External Loyalty, for every IPv4 address of
 * this machine and for 127.0.0.1 (when iikoWaiter's plugin runs on this same till).
 */
export function serverAddresses(port: number, basePath: string, interfaces = networkInterfaces()): { address: string; url: string; loopback: boolean }[] {
  const lan = Object.values(interfaces)
    .flat()
    .filter((info): info is NonNullable<typeof info> => info !== undefined && info.family === 'IPv4' && !info.internal)
    .map((info) => info.address);
  const unique = [...new Set(lan)];
  return [
    ...unique.map((address) => ({ address, url: `http://${address}:${port}${basePath}`, loopback: false })),
    { address: '127.0.0.1', url: `http://127.0.0.1:${port}${basePath}`, loopback: true },
  ];
}
