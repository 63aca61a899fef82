import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LanReachabilityResponse } from '../../../shared/admin/lan-reachability.js';
import { checkLanReachability } from './lan-reachability.js';

const now = new Date('2026-12-02T10:00:00.000Z');
const open: (Server | HttpServer)[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(open.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function listening<T extends Server | HttpServer>(server: T): Promise<number> {
  open.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

describe('checkLanReachability', () => {
  it('says yes when an address answers over HTTP (any status), naming it', async () => {
    const port = await listening(createHttpServer((_req, res) => res.writeHead(404).end()));
    const result = await checkLanReachability({ host: '0.0.0.0', port, addresses: ['127.0.0.1'], now });
    expect(LanReachabilityResponse.parse(result)).toEqual({ verdict: 'reachable', port, addresses: [{ address: '127.0.0.1', reachable: true, error: null }], checkedAt: now.toISOString() });
  });

  it('says no when the port refuses the connection, with the system’s reason for the engineer', async () => {
    const port = await listening(createServer());
    await new Promise((resolve) => open.pop()?.close(resolve));
    const result = await checkLanReachability({ host: '0.0.0.0', port, addresses: ['127.0.0.1'], now });
    expect(result).toMatchObject({ verdict: 'unreachable', addresses: [{ address: '127.0.0.1', reachable: false, error: 'ECONNREFUSED' }] });
  });

  it('says no when packets vanish (a dropping firewall): gives up after its time limit', async () => {
    // Accepts the connection but never answers: what a silent drop looks like to HTTP.
    const port = await listening(createServer((socket) => sockets.push(socket)));
    const started = Date.now();
    const result = await checkLanReachability({ host: '0.0.0.0', port, addresses: ['127.0.0.1'], now, timeoutMs: 300 });
    expect(result).toMatchObject({ verdict: 'unreachable', addresses: [{ reachable: false, error: 'timeout' }] });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('one answering address of several is enough', async () => {
    const port = await listening(createHttpServer((_req, res) => res.end('ok')));
    const result = await checkLanReachability({ host: '0.0.0.0', port, addresses: ['127.0.0.1', '192.0.2.1'], now, timeoutMs: 300 });
    expect(result.verdict).toBe('reachable');
    expect(result.addresses.find((entry) => entry.address === '192.0.2.1')?.reachable).toBe(false);
  });

  it('does not try when it cannot work: server stopped, listening on loopback only, no LAN address', async () => {
    expect(await checkLanReachability({ host: '0.0.0.0', port: null, addresses: ['192.168.0.10'], now })).toMatchObject({ verdict: 'notListening', addresses: [] });
    expect(await checkLanReachability({ host: '127.0.0.1', port: 3000, addresses: ['192.168.0.10'], now })).toMatchObject({ verdict: 'loopbackOnly' });
    expect(await checkLanReachability({ host: 'localhost', port: 3000, addresses: ['192.168.0.10'], now })).toMatchObject({ verdict: 'loopbackOnly' });
    expect(await checkLanReachability({ host: '0.0.0.0', port: 3000, addresses: [], now })).toMatchObject({ verdict: 'noLan' });
  });
});
