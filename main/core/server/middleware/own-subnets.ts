import { networkInterfaces } from 'node:os';
import { subnetOf, type Cidr } from './cidr.js';

const REFRESH_MS = 10_000;
let cached: { at: number; subnets: Cidr[] } | null = null;

/**
 * The subnets this machine is on, from its interfaces and their netmasks: the restaurant's LAN,
 * where the iikoWaiter plugin's tills are. Re-read every few seconds, as DHCP or Wi-Fi may change them.
 */
export function ownSubnets(now = Date.now()): Cidr[] {
  if (cached && now - cached.at < REFRESH_MS) return cached.subnets;
  const subnets: Cidr[] = [];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const entry of addresses ?? []) {
      const subnet = subnetOf(entry.address, entry.netmask);
      if (subnet) subnets.push(subnet);
    }
  }
  cached = { at: now, subnets };
  return subnets;
}
