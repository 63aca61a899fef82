// The loopback LAN first: the till's modules below load the two it stands in for.
import { onlyLocalhostIsThisMachine, ownSubnetsAre } from '../../testing/lan-on-loopback.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualClock } from '../../clock.js';
import { hashAdminPassword } from '../../settings/admin-password.js';
import { callFrom, type Answer } from '../../testing/call-from.js';
import { startTestTill, type TestTill } from '../../testing/test-till.js';

// Other loopback addresses stand for computers on the till's LAN (127.0.0.0/8 is "the LAN" here).
vi.mock('./network-guard.js', (importOriginal) => onlyLocalhostIsThisMachine(importOriginal));
vi.mock('./own-subnets.js', () => ownSubnetsAre('127.0.0.0/8')());

const PASSWORD = 'kassa-2024';
const MANAGER_PC = '127.0.0.5';
const json = { 'content-type': 'application/json' };
const MINUTE = 60_000;

let till: TestTill;
afterEach(async () => {
  await till.close();
});

const clock = manualClock();
const startWithPassword = async () => {
  till = await startTestTill({ clock, settings: { adminPasswordHash: hashAdminPassword(PASSWORD) } });
};
const login = (from: string, password: string) => callFrom(from, till, 'POST', '/api/session', { body: JSON.stringify({ password }), headers: json });
const cookieOf = (answer: Answer) => String(answer.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
const settingsWith = (from: string, cookie: string) => callFrom(from, till, 'GET', '/api/settings', { headers: { cookie } });

describe('admin sessions from the LAN (production limits)', () => {
  it('one login opens an HttpOnly, SameSite=Strict, expiring session; logout ends it', async () => {
    await startWithPassword();
    expect((await settingsWith(MANAGER_PC, '')).status).toBe(401);
    // The dashboard's page itself loads, to show its login form.
    expect((await callFrom(MANAGER_PC, till, 'GET', '/')).status).not.toBe(401);
    expect((await callFrom(MANAGER_PC, till, 'GET', '/api/session')).body).toEqual({ network: true, loggedIn: false, language: 'ru' });

    expect((await login(MANAGER_PC, 'guess')).status).toBe(401);
    const opened = await login(MANAGER_PC, PASSWORD);
    expect(opened.status).toBe(200);
    const setCookie = String(opened.headers['set-cookie']?.[0]);
    expect(setCookie).toMatch(/^gmb_admin=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const cookie = cookieOf(opened);
    expect((await settingsWith(MANAGER_PC, cookie)).status).toBe(200);
    expect((await callFrom(MANAGER_PC, till, 'GET', '/api/session', { headers: { cookie } })).body).toEqual({ network: true, loggedIn: true, language: 'ru' });
    expect((await settingsWith(MANAGER_PC, 'gmb_admin=forged-token')).status).toBe(401);

    const ended = await callFrom(MANAGER_PC, till, 'POST', '/api/session/end', { body: '{}', headers: { ...json, cookie } });
    expect(ended.status).toBe(204);
    expect(String(ended.headers['set-cookie']?.[0])).toContain('Max-Age=0');
    expect((await settingsWith(MANAGER_PC, cookie)).status).toBe(401);

    // A session expires after 12 hours, and a new password ends every session.
    const again = cookieOf(await login(MANAGER_PC, PASSWORD));
    clock.advance(11 * 60 * MINUTE);
    expect((await settingsWith(MANAGER_PC, again)).status).toBe(200);
    clock.advance(60 * MINUTE);
    expect((await settingsWith(MANAGER_PC, again)).status).toBe(401);
    const third = cookieOf(await login(MANAGER_PC, PASSWORD));
    till.core.settings.update({ adminPassword: 'new-password' });
    expect((await settingsWith(MANAGER_PC, third)).status).toBe(401);
  });

  it('asks for the session on the admin API in any letter case: /API/settings is not a page', async () => {
    await startWithPassword();
    for (const path of ['/API/settings', '/Api/Settings', '/api/SETTINGS', '/API/waiters', '/API/cloud/journal']) {
      expect((await callFrom(MANAGER_PC, till, 'GET', path)).status, path).toBe(401);
    }
    const takeover = await callFrom(MANAGER_PC, till, 'PUT', '/API/settings', {
      body: JSON.stringify({ server: { allowedRanges: ['127.0.0.5'] }, adminPassword: 'attacker-pw' }),
      headers: json,
    });
    expect(takeover.status).toBe(401);
    expect(till.core.settings.get().server.allowedRanges).toEqual([]);
    // With the session, the admin API answers at its own paths only.
    const cookie = cookieOf(await login(MANAGER_PC, PASSWORD));
    expect((await settingsWith(MANAGER_PC, cookie)).status).toBe(200);
    const other = await callFrom(MANAGER_PC, till, 'GET', '/API/settings', { headers: { cookie } });
    expect(other.headers['content-type']).toMatch(/^text\/html/); // the dashboard's page, not its settings
    expect(other.body).not.toHaveProperty('settings');
  });

  it('refuses a login posted by a cross-site form', async () => {
    await startWithPassword();
    const form = await callFrom(MANAGER_PC, till, 'POST', '/api/session', { body: `password=${PASSWORD}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(403);
    const foreign = await callFrom(MANAGER_PC, till, 'POST', '/api/session', { body: JSON.stringify({ password: PASSWORD }), headers: { ...json, origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
  });

  it('locks an address for 5 minutes from its 10th wrong password; the right one is not even checked meanwhile', async () => {
    await startWithPassword();
    for (let i = 0; i < 10; i += 1) {
      clock.advance(20_000);
      expect((await login(MANAGER_PC, `guess-${i}`)).status).toBe(401);
    }
    const locked = await login(MANAGER_PC, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBe('300');
    clock.advance(5 * MINUTE - 1_000);
    expect((await login(MANAGER_PC, PASSWORD)).status).toBe(429);
    // Another computer is not locked out by this one.
    expect((await login('127.0.0.6', PASSWORD)).status).toBe(200);
    clock.advance(1_000);
    expect((await login(MANAGER_PC, PASSWORD)).status).toBe(200);
  });

  it('100 parallel guesses (99 wrong, the right one among them) from one address: one check at a time, never more than 10', async () => {
    await startWithPassword();
    const guesses = await Promise.all(Array.from({ length: 100 }, (_, i) => login(MANAGER_PC, i === 50 ? PASSWORD : `guess-${i}`)));
    const statuses = guesses.map((answer) => answer.status);
    const checked = statuses.filter((status) => status === 200 || status === 401).length;
    console.log(`parallel guesses: ${checked} of 100 checked, ${statuses.filter((s) => s === 429).length} refused as busy`);
    // Checks run one after another (each takes scrypt's ~50 ms), and the 10th failure locks.
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(10);
    expect(statuses.filter((status) => status === 429).length).toBe(100 - checked);
  });
});
