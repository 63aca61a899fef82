import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualClock } from '../../../clock.js';
import { hashAdminPassword } from '../../../settings/admin-password.js';
import { callFrom, type Answer } from '../../../testing/call-from.js';
import { onlyLocalhostIsThisMachine, ownSubnetsAre } from '../../../testing/lan-on-loopback.js';
import { startTestTill, type TestTill } from '../../../testing/test-till.js';

// 127.0.0.66 plays a laptop on the restaurant's Wi-Fi; only 127.0.0.1 is the till itself.
vi.mock('../../middleware/network-guard.js', (importOriginal) => onlyLocalhostIsThisMachine(importOriginal));
vi.mock('../../middleware/own-subnets.js', () => ownSubnetsAre('127.0.0.0/8')());

const PASSWORD = 'kassa-2024';
const LAPTOP = '127.0.0.66';
const json = { 'content-type': 'application/json' };
const cookieOf = (answer: Answer) => String(answer.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let till: TestTill;
afterEach(async () => {
  await till.close();
});

interface OpenFeed {
  status: number;
  text: () => string;
  ended: () => boolean;
  close: () => void;
}

/** Opens the live feed from `from` with `cookie`, collecting what arrives. */
function openFeed(from: string, cookie: string): Promise<OpenFeed> {
  const url = new URL(till.baseUrl);
  return new Promise((resolve, reject) => {
    let text = '';
    let ended = false;
    const req = request({ host: url.hostname, port: url.port, path: '/api/events/stream', localAddress: from, headers: { cookie }, agent: false }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => (ended = true));
      resolve({ status: res.statusCode ?? 0, text: () => text, ended: () => ended, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

/** A till with an admin password, a laptop's session and its open live feed, which carries an event at first. */
async function laptopWatchingTheFeed(): Promise<{ cookie: string; feed: OpenFeed }> {
  till = await startTestTill({ clock: manualClock(), settings: { adminPasswordHash: hashAdminPassword(PASSWORD) } });
  const cookie = cookieOf(await callFrom(LAPTOP, till, 'POST', '/api/session', { body: JSON.stringify({ password: PASSWORD }), headers: json }));
  const feed = await openFeed(LAPTOP, cookie);
  expect(feed.status).toBe(200);
  till.core.events.tell('request.refused', { route: 'GET /before', message: 'while the session lasts' });
  await pause(100);
  expect(feed.text()).toContain('while the session lasts');
  return { cookie, feed };
}

describe('the live feed of a dashboard on another computer ends with its admin session', () => {
  it('a new admin password stops it: nothing after the change is sent, and the stream ends', async () => {
    const { feed } = await laptopWatchingTheFeed();
    till.core.settings.update({ adminPassword: 'a-new-password' }); // README: a new password ends every session
    till.core.events.tell('request.refused', { route: 'GET /after', message: 'after the new password' });
    await pause(200);
    expect(feed.text()).not.toContain('after the new password');
    expect(feed.ended()).toBe(true);
    feed.close();
  });

  it('a logout stops it', async () => {
    const { cookie, feed } = await laptopWatchingTheFeed();
    expect((await callFrom(LAPTOP, till, 'POST', '/api/session/end', { body: '{}', headers: { ...json, cookie } })).status).toBeLessThan(300);
    till.core.events.tell('request.refused', { route: 'GET /after', message: 'after the logout' });
    await pause(200);
    expect(feed.text()).not.toContain('after the logout');
    expect(feed.ended()).toBe(true);
    feed.close();
  });

  it('the till’s own dashboard (loopback, no session) keeps its feed through a password change', async () => {
    till = await startTestTill({ clock: manualClock(), settings: { adminPasswordHash: hashAdminPassword(PASSWORD) } });
    const feed = await openFeed('127.0.0.1', '');
    till.core.settings.update({ adminPassword: 'a-new-password' });
    till.core.events.tell('request.refused', { route: 'GET /after', message: 'still on the till' });
    await pause(200);
    expect(feed.text()).toContain('still on the till');
    expect(feed.ended()).toBe(false);
    feed.close();
  });
});
