import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminProblem } from '../../../../../shared/admin/problem.js';
import { adminMessage } from '../../../../../shared/i18n/admin-messages.js';
import { manualClock } from '../../../clock.js';
import { hashAdminPassword } from '../../../settings/admin-password.js';
import { callFrom, type Answer } from '../../../testing/call-from.js';
import { onlyLocalhostIsThisMachine, ownSubnetsAre } from '../../../testing/lan-on-loopback.js';
import { startTestTill, type TestTill } from '../../../testing/test-till.js';

// 127.0.0.66 plays a laptop on the restaurant's Wi-Fi; only 127.0.0.1 is the till itself.
vi.mock('../../middleware/network-guard.js', (importOriginal) => onlyLocalhostIsThisMachine(importOriginal));
vi.mock('../../middleware/own-subnets.js', () => ownSubnetsAre('127.0.0.0/8')());

const PASSWORD = 'kassa-2024';
const LAN = '127.0.0.66';
const json = { 'content-type': 'application/json' };
const cookieOf = (answer: Answer) => String(answer.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';

let till: TestTill;
const folders: string[] = [];
afterEach(async () => {
  await till.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A till with an admin password, and a session opened from the LAN with it (typed, sniffed or guessed). */
async function lanSession(): Promise<string> {
  till = await startTestTill({ clock: manualClock(), settings: { adminPasswordHash: hashAdminPassword(PASSWORD) } });
  const login = await callFrom(LAN, till, 'POST', '/api/session', { body: JSON.stringify({ password: PASSWORD }), headers: json });
  expect(login.status).toBe(200);
  return cookieOf(login);
}
const put = (patch: unknown, from: string, cookie = '') => callFrom(from, till, 'PUT', '/api/settings', { body: JSON.stringify(patch), headers: { ...json, cookie } });

describe('settings a dashboard on another computer may not change, whatever its session', () => {
  it('refuses the update folder, the second backup folder and the server’s address and port from the LAN, naming each field', async () => {
    const cookie = await lanSession();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'attacker-share-'));
    folders.push(elsewhere);
    const refused = await put({ updates: { url: 'https://attacker.example/till/' }, backups: { secondFolder: elsewhere }, server: { host: '192.0.2.1', port: 3001 } }, LAN, cookie);
    expect(refused.status).toBe(403);
    const problem = AdminProblem.parse(refused.body);
    expect(problem.Message).toBe(adminMessage('ru', 'onlyAtTill', String(refused.headers['x-request-id'])));
    expect(problem.Errors?.map((error) => error.Field)).toEqual(['server.host', 'server.port', 'updates.url', 'backups.secondFolder']);
    expect(problem.Errors?.[0]?.Message).toBe('Только на главной кассе');
    // Nothing of the patch was saved, and no copy of the database went to the folder.
    const settings = till.core.settings.get();
    expect([settings.updates.url, settings.backups.secondFolder, settings.server.host]).toEqual(['', '', '0.0.0.0']);
    expect((await callFrom(LAN, till, 'POST', '/api/backups', { body: '{}', headers: { ...json, cookie } })).status).toBeLessThan(300);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('lets the LAN save the rest of the form, the till-only fields sent unchanged', async () => {
    const cookie = await lanSession();
    const { server, updates, backups } = till.core.settings.getStored();
    const saved = await put({ staleOrderHours: 6, server: { host: server.host, port: server.port }, updates: { url: ` ${updates.url} ` }, backups: { secondFolder: backups.secondFolder, keep: 7 } }, LAN, cookie);
    expect(saved.status).toBe(200);
    expect([till.core.settings.get().staleOrderHours, till.core.settings.get().backups.keep]).toEqual([6, 7]);
  });

  it('lets the till itself change them', async () => {
    await lanSession();
    const folder = mkdtempSync(path.join(tmpdir(), 'second-'));
    folders.push(folder);
    const saved = await put({ backups: { secondFolder: folder }, updates: { url: 'https://updates.example.ru/till/' } }, '127.0.0.1');
    expect(saved.status).toBe(200);
    expect(till.core.settings.get().backups.secondFolder).toBe(folder);
  });
});

describe('the admin password', () => {
  it('is at least eight characters; an empty one still turns LAN access off', async () => {
    await lanSession();
    const short = await put({ adminPassword: 'kassa24' }, '127.0.0.1');
    expect(short.status).toBe(400);
    expect(AdminProblem.parse(short.body).Errors).toEqual([{ Field: 'adminPassword', Message: 'Слишком короткий пароль: минимум 8\u00a0символов' }]);
    expect((await put({ adminPassword: 'kassa-25' }, '127.0.0.1')).status).toBe(200);
    expect((await put({ adminPassword: '' }, '127.0.0.1')).status).toBe(200);
    expect(till.core.settings.get().adminPasswordHash).toBe('');
  });
});

describe('the cloud’s address pointed at this machine (a call there reaches what else listens on the till)', () => {
  const local = 'http://127.0.0.1:9/other-service';
  it('is refused from the LAN, to save and to check; the till itself may do both', async () => {
    const cookie = await lanSession();
    const saved = await put({ cloud: { accountUrl: local } }, LAN, cookie);
    expect(saved.status).toBe(403);
    expect(AdminProblem.parse(saved.body).Message).toBe(adminMessage('ru', 'thisMachineOnlyAtTill', String(saved.headers['x-request-id'])));
    expect(AdminProblem.parse(saved.body).Errors?.map((error) => error.Field)).toEqual(['cloud.accountUrl']);
    const check = (from: string, extra: Record<string, string> = {}) =>
      callFrom(from, till, 'POST', '/api/cloud/check', { body: JSON.stringify({ accountUrl: local, apiKey: 'typed-key', value: '79990000001' }), headers: { ...json, ...extra } });
    const checked = await check(LAN, { cookie });
    expect(checked.status).toBe(403);
    expect(AdminProblem.parse(checked.body).Errors?.map((error) => error.Field)).toEqual(['accountUrl']);
    // At the till: saved, and the check is made (nothing listens on port 9: it reports no connection).
    expect((await put({ cloud: { accountUrl: local } }, '127.0.0.1')).status).toBe(200);
    expect((await check('127.0.0.1')).status).toBe(200);
  });
});

