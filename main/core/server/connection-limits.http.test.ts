// The loopback LAN first: the till's modules below load the two it stands in for.
import { onlyLocalhostIsThisMachine, ownSubnetsAre } from '../testing/lan-on-loopback.js';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashAdminPassword } from '../settings/admin-password.js';
import { callFrom } from '../testing/call-from.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { CONNECTION_LIMITS } from './connection-limits.js';

// Other loopback addresses stand for computers on the till's LAN.
vi.mock('./middleware/network-guard.js', (importOriginal) => onlyLocalhostIsThisMachine(importOriginal));
vi.mock('./middleware/own-subnets.js', () => ownSubnetsAre('127.0.0.0/8')());

const ATTACKER = '127.0.0.2';
const MANAGER_PC = '127.0.0.5';

let till: TestTill;
const sockets: Socket[] = [];
/** When each socket first got bytes from the server. */
const answered = new WeakMap<Socket, Promise<unknown>>();
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await till.close();
});

/** A connection that sends half a request and stops (slowloris); resolves once connected. */
function halfOpen(from: string, request = 'GET /GetMeBack/health HTTP/1.1\r\nHost: till\r\nX-Slow: '): Promise<Socket> {
  const { port } = new URL(till.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port), localAddress: from }, () => {
      socket.write(request);
      answered.set(socket, new Promise((first) => socket.once('data', first)));
      // Read what the server sends (a 408), or a paused socket never reports the server's close.
      socket.resume();
      resolve(socket);
    });
    socket.on('error', reject);
    sockets.push(socket);
  });
}

/** Resolves with how long after `since` the socket was closed by the server. */
const closedAfter = (socket: Socket, since: number) => new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now() - since)));

async function health(from: string): Promise<number> {
  return (await callFrom(from, till, 'GET', '/GetMeBack/health')).status;
}

describe('connections (production limits: 32 per LAN address, headers within 5 s)', () => {
  it('closes a LAN address\'s connections past 32 at once; others and this machine are still served', async () => {
    till = await startTestTill({ settings: { server: { host: '127.0.0.1', port: 0, path: '/GetMeBack', allowedRanges: ['127.0.0.0/8'] } } });
    const held = await Promise.all(Array.from({ length: CONNECTION_LIMITS.perAddress }, () => halfOpen(ATTACKER)));
    const started = performance.now();
    const extra = await halfOpen(ATTACKER);
    expect(await closedAfter(extra, started)).toBeLessThan(1_000);
    expect(held.every((socket) => !socket.destroyed)).toBe(true);
    expect(await health('127.0.0.3')).toBe(200);
    expect(await health('127.0.0.1')).toBe(200);
    expect(till.core.activity.refusals.pending()).toMatchObject({ connection: 1 });
  });

  it('drops half-open connections once their headers are 5 s late, freeing the address', async () => {
    till = await startTestTill({ settings: { server: { host: '127.0.0.1', port: 0, path: '/GetMeBack', allowedRanges: ['127.0.0.0/8'] } } });
    const started = performance.now();
    const held = await Promise.all(Array.from({ length: CONNECTION_LIMITS.perAddress }, () => halfOpen(ATTACKER)));
    const closed = await Promise.all(held.map((socket) => closedAfter(socket, started)));
    expect(Math.min(...closed)).toBeGreaterThanOrEqual(4_900);
    // Checked every 5 s (listen.ts: a shorter check wakes an idle till): dropped 5–10 s after, plus a loaded machine's slack.
    expect(Math.max(...closed)).toBeLessThan(11_000);
    expect(await health(ATTACKER)).toBe(200);
  }, 20_000);

  it('counts the live feed (SSE) against the address\'s cap', async () => {
    till = await startTestTill({ settings: { adminPasswordHash: hashAdminPassword('kassa-2024') } });
    const login = await callFrom(MANAGER_PC, till, 'POST', '/api/session', { body: '{"password":"kassa-2024"}', headers: { 'content-type': 'application/json' } });
    const cookie = String(login.headers['set-cookie']?.[0]).split(';')[0] ?? '';
    const streams = await Promise.all(
      Array.from({ length: CONNECTION_LIMITS.perAddress }, () => halfOpen(MANAGER_PC, `GET /api/events/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\n\r\n`)),
    );
    // Each stream is answered and stays open.
    await Promise.all(streams.map((socket) => answered.get(socket)));
    const started = performance.now();
    const more = await halfOpen(MANAGER_PC);
    expect(await closedAfter(more, started)).toBeLessThan(1_000);
    streams[0]?.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await callFrom(MANAGER_PC, till, 'GET', '/api/session', { headers: { cookie } })).status).toBe(200);
  });

  it('leaves the allowed iikoWaiter terminals room when hosts nobody allowed fill the LAN’s 512 connections from 16 addresses', async () => {
    const TERMINAL = '127.0.0.9';
    till = await startTestTill({ settings: { server: { host: '127.0.0.1', port: 0, path: '/GetMeBack', allowedRanges: [TERMINAL] } } });
    const flooders = Array.from({ length: CONNECTION_LIMITS.network / CONNECTION_LIMITS.perAddress }, (_, n) => `127.0.1.${n + 1}`);
    await Promise.all(flooders.flatMap((address) => Array.from({ length: CONNECTION_LIMITS.perAddress }, () => halfOpen(address))));
    // The LAN's pool is full: one more unlisted host is closed at once…
    const started = performance.now();
    expect(await closedAfter(await halfOpen('127.0.2.1'), started)).toBeLessThan(1_000);
    // …and the terminal is still served, its request answered as the waiters' are.
    expect(await health(TERMINAL)).toBe(200);
  }, 20_000);
});
