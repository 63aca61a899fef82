import { describe, expect, it } from 'vitest';
import { inAnyRange, parseAddress, parseCidr, subnetOf, type Cidr } from './cidr.js';

const ranges = (...texts: string[]): Cidr[] => texts.map((text) => parseCidr(text) as Cidr);

describe('CIDR matching', () => {
  it('matches IPv4 addresses inside a range and not outside it', () => {
    const lan = ranges('192.168.1.0/24');
    expect(inAnyRange('192.168.1.1', lan)).toBe(true);
    expect(inAnyRange('192.168.1.255', lan)).toBe(true);
    expect(inAnyRange('192.168.2.1', lan)).toBe(false);
    expect(inAnyRange('10.0.0.1', ranges('10.0.0.0/8'))).toBe(true);
    expect(inAnyRange('11.0.0.1', ranges('10.0.0.0/8'))).toBe(false);
  });

  it('clears host bits, so 192.168.1.17/24 is the whole subnet', () => {
    expect(parseCidr('192.168.1.17/24')).toEqual(parseCidr('192.168.1.0/24'));
    expect(inAnyRange('192.168.1.200', ranges('192.168.1.17/24'))).toBe(true);
  });

  it('treats a bare address as a single host and /0 as everything of its family', () => {
    expect(inAnyRange('10.1.2.3', ranges('10.1.2.3'))).toBe(true);
    expect(inAnyRange('10.1.2.4', ranges('10.1.2.3'))).toBe(false);
    expect(inAnyRange('203.0.113.9', ranges('0.0.0.0/0'))).toBe(true);
    expect(inAnyRange('2001:db8::1', ranges('0.0.0.0/0'))).toBe(false);
    expect(inAnyRange('2001:db8::1', ranges('::/0'))).toBe(true);
  });

  it('matches IPv6, with :: in any place and an embedded IPv4 tail', () => {
    const site = ranges('fd00:1234::/64');
    expect(inAnyRange('fd00:1234::5', site)).toBe(true);
    expect(inAnyRange('fd00:1234:0:0:ffff::1', site)).toBe(true);
    expect(inAnyRange('fd00:1234:0:1::5', site)).toBe(false);
    expect(inAnyRange('FD00:1234::ABCD', site)).toBe(true);
    expect(parseAddress('64:ff9b::192.0.2.33')).toEqual(parseAddress('64:ff9b::c000:221'));
    expect(inAnyRange('fe80::1%eth0', ranges('fe80::/10'))).toBe(true);
  });

  it('counts an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    const lan = ranges('192.168.1.0/24');
    expect(inAnyRange('::ffff:192.168.1.50', lan)).toBe(true);
    expect(inAnyRange('::ffff:c0a8:132', lan)).toBe(true);
    expect(inAnyRange('::ffff:192.168.2.50', lan)).toBe(false);
    expect(parseCidr('::ffff:192.168.1.0/120')).toEqual(parseCidr('192.168.1.0/24'));
    expect(inAnyRange('192.168.1.9', ranges('::ffff:192.168.1.0/120'))).toBe(true);
  });

  it('refuses malformed ranges and addresses instead of guessing', () => {
    for (const bad of ['', 'lan', '192.168.1.0/33', '192.168.1/24', '256.1.1.1', '10.0.0.0/8/8', '10.0.0.0/-1', '10.0.0.0/', 'fd00::/129', '::ffff:10.0.0.0/64', 'fd00:::1']) {
      expect(parseCidr(bad), bad).toBeNull();
    }
    expect(inAnyRange(undefined, ranges('0.0.0.0/0'))).toBe(false);
    expect(inAnyRange('not-an-ip', ranges('0.0.0.0/0'))).toBe(false);
  });

  it('turns an interface address and netmask into its subnet', () => {
    expect(subnetOf('192.168.1.23', '255.255.255.0')).toEqual(parseCidr('192.168.1.0/24'));
    expect(subnetOf('10.20.30.40', '255.255.240.0')).toEqual(parseCidr('10.20.16.0/20'));
    expect(subnetOf('fd00::2', 'ffff:ffff:ffff:ffff::')).toEqual(parseCidr('fd00::/64'));
    expect(subnetOf('::1', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toEqual(parseCidr('::1/128'));
    expect(subnetOf('192.168.1.23', 'nonsense')).toBeNull();
  });
});
