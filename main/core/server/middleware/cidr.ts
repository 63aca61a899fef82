import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * Address ranges for the front gate and the settings: parsed and normalised here, matched by
 * Node's `net.BlockList` (which also counts an IPv4-mapped IPv6 address, ::ffff:a.b.c.d, as the
 * IPv4 address it carries, both ways).
 */

/** An IP address in its canonical text (IPv4-mapped IPv6 as plain IPv4; a zone such as `%eth0` dropped). */
export interface IpAddress {
  family: 4 | 6;
  text: string;
}

/** A network: its first address (host bits cleared) and the `prefix` leading bits that name it. */
export interface Cidr {
  family: 4 | 6;
  network: string;
  prefix: number;
}

const WIDTH = { 4: 32, 6: 128 } as const;
const MAPPED_PREFIX = 96;

/** Parses an IPv4 or IPv6 address; null when it is not one. */
export function parseAddress(text: string): IpAddress | null {
  const address = text.trim().replace(/%.*$/, '');
  if (isIPv4(address)) return { family: 4, text: address };
  if (!isIPv6(address)) return null;
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([\da-f]{1,4}):([\da-f]{1,4})$/.exec(canonical);
  if (mapped) return { family: 4, text: ipv4FromGroups(parseInt(mapped[1] ?? '0', 16), parseInt(mapped[2] ?? '0', 16)) };
  return { family: 6, text: canonical };
}

/**
 * Parses `10.0.0.0/8`, `fd00::/64`, `::ffff:192.168.1.0/120` or a single address (a /32 or /128).
 * Host bits are cleared, so `192.168.1.17/24` is the whole 192.168.1.0/24. Null when malformed.
 */
export function parseCidr(text: string): Cidr | null {
  const [addressText = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const writtenAsIpv4 = isIPv4(addressText.replace(/%.*$/, ''));
  const address = parseAddress(addressText);
  if (!address) return null;
  let prefix: number = WIDTH[address.family];
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) return null;
    prefix = Number(prefixText);
    if (prefix > WIDTH[writtenAsIpv4 ? 4 : 6]) return null;
    // A mapped prefix counts the 96 bits of ::ffff: in front of the IPv4 address.
    if (!writtenAsIpv4 && address.family === 4) {
      if (prefix < MAPPED_PREFIX) return null;
      prefix -= MAPPED_PREFIX;
    }
  }
  return { family: address.family, network: networkOf(address, prefix), prefix };
}

/** The subnet of an interface address with its netmask, as `os.networkInterfaces()` gives them. */
export function subnetOf(address: string, netmask: string): Cidr | null {
  const mask = parseAddress(netmask);
  if (!mask) return null;
  const bits = groupsOf(mask)
    .map((group) => group.toString(2).padStart(mask.family === 4 ? 8 : 16, '0'))
    .join('');
  return parseCidr(`${address}/${bits.replace(/0+$/, '').length}`);
}

/** One `net.BlockList` per list of ranges, built once: the front gate asks it on every request. */
const lists = new WeakMap<readonly Cidr[], BlockList>();
function blockListOf(ranges: readonly Cidr[]): BlockList {
  let list = lists.get(ranges);
  if (!list) {
    list = new BlockList();
    for (const range of ranges) list.addSubnet(range.network, range.prefix, range.family === 4 ? 'ipv4' : 'ipv6');
    lists.set(ranges, list);
  }
  return list;
}

/** True when the address (text, as a socket reports it) lies in any of the ranges. */
export function inAnyRange(address: string | undefined, ranges: readonly Cidr[]): boolean {
  const parsed = address ? parseAddress(address) : null;
  return parsed !== null && blockListOf(ranges).check(parsed.text, parsed.family === 4 ? 'ipv4' : 'ipv6');
}

/** The first address of the `prefix` network of `address`, in canonical text. */
export function networkOf(address: IpAddress, prefix: number): string {
  const size = address.family === 4 ? 8 : 16;
  const groups = groupsOf(address).map((group, index) => {
    const kept = Math.min(size, Math.max(0, prefix - index * size));
    return kept === 0 ? 0 : group & (((1 << kept) - 1) << (size - kept));
  });
  if (address.family === 4) return groups.join('.');
  return new URL(`http://[${groups.map((group) => group.toString(16)).join(':')}]/`).hostname.slice(1, -1);
}

/** The four octets of an IPv4 address, or the eight 16-bit groups of a canonical IPv6 one. */
function groupsOf(address: IpAddress): number[] {
  if (address.family === 4) return address.text.split('.').map(Number);
  const [head = '', tail] = address.text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16));
}

function ipv4FromGroups(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}
