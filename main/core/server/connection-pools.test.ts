// The loopback LAN first: the till's modules below load the one it stands in for.
import { onlyLocalhostIsThisMachine } from '../testing/lan-on-loopback.js';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { limitConnections } from './connection-limits.js';

// Other loopback addresses stand for computers on the till's LAN; 127.0.0.1 is this machine.
vi.mock('./middleware/network-guard.js', (importOriginal) => onlyLocalhostIsThisMachine(importOriginal));

const sockets: Socket[] = [];
let server: Server;
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

function openFrom(port: number, from: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress: from }, () => resolve(socket));
    socket.on('error', reject);
    sockets.push(socket);
  });
}

/** Whether the server answers a request on this socket (a socket past a cap is closed at once). */
function served(socket: Socket): Promise<boolean> {
  return new Promise((resolve) => {
    socket.once('data', () => resolve(true));
    socket.once('close', () => resolve(false));
    socket.write('GET / HTTP/1.1\r\nHost: till\r\n\r\n');
  });
}

/**
 * A server with the limits scaled down (2 per address, 4 for the LAN, 4 for the allowed terminals,
 * 10 in all; production 32 / 512 / 1 024 / 2 048), terminals allowed as `allowed`, and `holders` each
 * holding two idle connections.
 */
async function serverHeldBy(holders: string[], allowed: string[]): Promise<number> {
  server = createServer((_, res) => res.end('ok'));
  limitConnections(server, { perAddress: 2, network: 4, terminals: 4, max: 10 }, () => {}, () => allowed);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  for (const host of holders) for (let n = 0; n < 2; n += 1) await openFrom(port, host).catch(() => null);
  await new Promise((resolve) => setTimeout(resolve, 100));
  return port;
}

describe('connection pools', () => {
  it('an allowed terminal is served while hosts nobody allowed fill the LAN’s pool', async () => {
    const port = await serverHeldBy(['127.0.1.1', '127.0.1.2', '127.0.1.3'], ['127.0.2.9']);
    expect(await served(await openFrom(port, '127.0.1.4'))).toBe(false); // the LAN's pool is full
    expect(await served(await openFrom(port, '127.0.2.9'))).toBe(true);
  });

  it('terminals allowed as a range as wide as the Wi-Fi fill only their own pool: this machine is still served', async () => {
    const port = await serverHeldBy(['127.0.1.1', '127.0.1.2', '127.0.1.3', '127.0.1.4', '127.0.1.5'], ['127.0.1.0/24']);
    expect(await served(await openFrom(port, '127.0.1.6'))).toBe(false); // the terminals' pool is full
    expect(await served(await openFrom(port, '127.0.0.1'))).toBe(true);
  });
});
