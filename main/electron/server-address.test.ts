import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { serverAddressFor } from './server-address.js';

const lan: NodeJS.Dict<NetworkInterfaceInfo[]> = {
  lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
  eth0: [{ address: '192.168.1.10', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '192.168.1.10/24' }],
};

describe('serverAddressFor', () => {
  it('gives the LAN address the waiters’ phones reach when the server listens on every interface', () => {
    expect(serverAddressFor({ host: '0.0.0.0', port: 3000 }, '/GetMeBack', lan)).toBe('http://192.168.1.10:3000/GetMeBack');
  });

  it('falls back to loopback on a till with no network, and keeps a bound host as it is', () => {
    expect(serverAddressFor({ host: '0.0.0.0', port: 3000 }, '/GetMeBack', { lo: lan.lo })).toBe('http://127.0.0.1:3000/GetMeBack');
    expect(serverAddressFor({ host: '10.0.0.5', port: 3100 }, '/Loyalty', lan)).toBe('http://10.0.0.5:3100/Loyalty');
    expect(serverAddressFor({ host: '::1', port: 3000 }, '/GetMeBack', lan)).toBe('http://[::1]:3000/GetMeBack');
  });
});
