import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as a number, IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) counted as IPv4. */
export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

/** A network: `prefix` leading bits of `base`. */
export interface Cidr {
  family: 4 | 6;
  base: bigint;
  prefix: number;
}

const WIDTH = { 4: 32, 6: 128 } as const;
const MAPPED_V4 = 0xffffn << 32n;

/** Parses an IPv4 or IPv6 address (a zone such as `%eth0` is ignored); null when it is not one. */
export function parseAddress(text: string): IpAddress | null {
  const address = text.trim().replace(/%.*$/, '');
  if (isIPv4(address)) return { family: 4, value: ipv4Value(address) };
  if (!isIPv6(address)) return null;
  const value = ipv6Value(address);
  if (value >> 32n === 0xffffn) return { family: 4, value: value - MAPPED_V4 };
  return { family: 6, value };
}

/**
 * Parses `10.0.0.0/8`, `fd00::/64`, `::ffff:192.168.1.0/120` or a single address (a /32 or /128).
 * Host bits are cleared, so `192.168.1.17/24` is the whole 192.168.1.0/24. Null when malformed.
 */
export function parseCidr(text: string): Cidr | null {
  const [addressText = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const rawFamily = isIPv4(addressText.replace(/%.*$/, '')) ? 4 : 6;
  const address = parseAddress(addressText);
  if (!address) return null;
  let prefix: number = WIDTH[address.family];
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) return null;
    prefix = Number(prefixText);
    if (prefix > WIDTH[rawFamily]) return null;
    // A mapped prefix counts the 96 bits of ::ffff: in front of the IPv4 address.
    if (rawFamily === 6 && address.family === 4) {
      if (prefix < 96) return null;
      prefix -= 96;
    }
  }
  return { family: address.family, base: address.value & mask(address.family, prefix), prefix };
}

/** The subnet of an interface address with its netmask, as `os.networkInterfaces()` gives them. */
export function subnetOf(address: string, netmask: string): Cidr | null {
  const bits = isIPv4(netmask) ? parseAddress(netmask) : isIPv6(netmask) ? { value: ipv6Value(netmask) } : null;
  if (!bits) return null;
  const prefix = bits.value.toString(2).replace(/0+$/, '').length;
  return parseCidr(`${address}/${prefix}`);
}

export function inRange(address: IpAddress, range: Cidr): boolean {
  return address.family === range.family && (address.value & mask(range.family, range.prefix)) === range.base;
}

/** True when the address (text, as a socket reports it) lies in any of the ranges. */
export function inAnyRange(address: string | undefined, ranges: readonly Cidr[]): boolean {
  const parsed = address ? parseAddress(address) : null;
  return parsed !== null && ranges.some((range) => inRange(parsed, range));
}

function mask(family: 4 | 6, prefix: number): bigint {
  const width = BigInt(WIDTH[family]);
  const all = (1n << width) - 1n;
  return prefix === 0 ? 0n : (all >> (width - BigInt(prefix))) << (width - BigInt(prefix));
}

function ipv4Value(address: string): bigint {
  return address.split('.').reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
}

function ipv6Value(address: string): bigint {
  let text = address.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1]) {
    const v4 = ipv4Value(tail[1]);
    text = `${text.slice(0, -tail[1].length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups = rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}
