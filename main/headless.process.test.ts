import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTill, type RunningTill } from '../e2e/support/till-server.js';
import { temporaryFolders } from './core/testing/temporary-folders.js';

/**
 * `npm run server` as a process, as the user and the e2e specs start it (docs/protocol.md#headless):
 * the flags --path and --no-demo, the admin password from GMB_ADMIN_PASSWORD (never argv), and a
 * clean exit on SIGTERM.
 */

const freshDataDir = temporaryFolders('headless', 'all');

/** This machine's first IPv4 address that is not loopback: a request from it is "from the network". */
function lanAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  throw new Error('this test needs a network address other than loopback');
}

interface SettingsAnswer {
  settings: { adminPasswordSet: boolean };
  overridden: string[];
}

const ORDER = '3f0e9a52-6d1b-4b8e-9a47-2b8f1c0d9e10';

async function checkIn(baseUrl: string, base: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${baseUrl}${base}/orders/${ORDER}/checkin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' }),
  });
  return { status: response.status, text: await response.text() };
}

async function settingsOf(till: RunningTill, headers: Record<string, string> = {}, host = '127.0.0.1'): Promise<Response> {
  const url = new URL('/api/settings', till.baseUrl);
  url.hostname = host;
  return fetch(url, { headers });
}

// Each test starts the server once or twice as its own process: seconds, not milliseconds.
describe('the headless server', { timeout: 60_000 }, () => {
  it('serves the waiter API under --path only, and stops with exit code 0 on SIGTERM, its log written to the last line', async () => {
    const dataDir = freshDataDir();
    const till = await startTill({ dataDir, args: ['--path', 'Loyalty'] });
    try {
      expect((await checkIn(till.baseUrl, '/Loyalty')).status).toBe(204);
      const health = await fetch(`${till.baseUrl}/Loyalty/health`);
      expect(((await health.json()) as { Status: string }).Status).toBe('ok');
      expect((await checkIn(till.baseUrl, '/GetMeBack')).status).toBe(404);
    } finally {
      const code = await till.stop();
      expect(code).toBe(0);
      expect(till.process.signalCode).toBeNull();
    }
    // Info lines wait for their batch (issue 19); a normal stop still writes every one, in order.
    const lines = readFileSync(path.join(dataDir, 'logs', 'till.log'), 'utf8').trim().split('\n').map((text) => JSON.parse(text) as { msg: string; path?: string; reason?: string });
    expect(lines.filter((line) => line.msg === 'request').map((line) => line.path)).toEqual([`/Loyalty/orders/${ORDER}/checkin`, '/Loyalty/health', `/GetMeBack/orders/${ORDER}/checkin`]);
    const stopping = lines.findIndex((line) => line.msg === 'stopping');
    expect(stopping).toBeGreaterThan(0);
    expect(lines.slice(stopping).some((line) => line.msg === 'backup written' && line.reason === 'shutdown')).toBe(true);
  });

  it('loads no demo book with --no-demo: the demo guest is unknown', async () => {
    const till = await startTill({ dataDir: freshDataDir(), args: ['--no-demo'] });
    try {
      const answer = await checkIn(till.baseUrl, '/GetMeBack');
      expect(answer.status).toBe(200);
      expect(answer.text).toMatch(/Гость не найден в GetMeBack/);
    } finally {
      expect(await till.stop()).toBe(0);
    }
  });

  it('guards the dashboard from the network with GMB_ADMIN_PASSWORD, for that run only; --admin-password is refused', async () => {
    const dataDir = freshDataDir();
    const lan = lanAddress();
    await expect(startTill({ dataDir, args: ['--admin-password', 'kassa-42'] })).rejects.toThrow(/--admin-password is gone.*GMB_ADMIN_PASSWORD/s);
    const till = await startTill({ dataDir, args: ['--host', '0.0.0.0'], env: { GMB_ADMIN_PASSWORD: 'kassa-42' } });
    try {
      // On this machine the dashboard stays open; the password is a setting of this run, not stored.
      const local = (await (await settingsOf(till)).json()) as SettingsAnswer;
      expect(local.overridden).toContain('adminPasswordHash');
      expect(local.settings.adminPasswordSet).toBe(false);
      const login = (password: string) => {
        const url = new URL('/api/session', till.baseUrl);
        url.hostname = lan;
        return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password }) });
      };
      expect((await settingsOf(till, {}, lan)).status).toBe(401);
      expect((await login('wrong')).status).toBe(401);
      const opened = await login('kassa-42');
      expect(opened.status).toBe(200);
      const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect((await settingsOf(till, { cookie }, lan)).status).toBe(200);
    } finally {
      expect(await till.stop()).toBe(0);
    }
    const again = await startTill({ dataDir, args: ['--host', '0.0.0.0'] });
    try {
      expect(((await (await settingsOf(again)).json()) as SettingsAnswer).overridden).not.toContain('adminPasswordHash');
      expect((await settingsOf(again, {}, lan)).status).toBe(403);
    } finally {
      expect(await again.stop()).toBe(0);
    }
  });
});
