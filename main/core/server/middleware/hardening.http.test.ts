// The loopback LAN first: the till's modules below load the two it stands in for.
import { onlyLocalhostIsThisMachine, ownSubnetsAre } from '../../testing/lan-on-loopback.js';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminMessage } from '../../../../shared/i18n/admin-messages.js';
import { waiterMessage } from '../../../../shared/i18n/waiter-messages.js';
import { DEFAULT_SETTINGS } from '../../../../shared/settings/schema.js';
import { createLogger } from '../../logger.js';
import { EmbeddedLoyaltyBook } from '../../providers/embedded-book.js';
import type { ScanLookup } from '../../providers/loyalty-provider.js';
import { hashAdminPassword } from '../../settings/admin-password.js';
import { callFrom, type Answer } from '../../testing/call-from.js';
import { startTestTill, type TestTill } from '../../testing/test-till.js';

/*
 * To be "another machine on the LAN" without leaving this one, clients connect from other loopback
 * addresses (127.0.0.2, …, which Linux routes to lo). Only 127.0.0.1 and ::1 count as this
 * machine here, and the till's own subnet is 127.0.0.3 alone, so 127.0.0.2 is a stranger.
 */
vi.mock('./network-guard.js', (importOriginal) => onlyLocalhostIsThisMachine(importOriginal));
vi.mock('./own-subnets.js', () => ownSubnetsAre('127.0.0.3/32')());

const ORDER = '7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
const STRANGER = '127.0.0.2';
const LAN_TILL = '127.0.0.3';
const ALLOWED_BY_SETTING = '127.0.0.4';

const json = { 'content-type': 'application/json' };

let till: TestTill;
afterEach(async () => {
  await till.close();
});

describe('who may call the waiter API', () => {
  it('serves this machine and the terminals the manager allowed; not the till\'s own subnet, not a stranger', async () => {
    till = await startTestTill();
    const order = `/GetMeBack/orders/${ORDER}`;
    expect((await callFrom('127.0.0.1', till, 'GET', order)).status).toBe(200);
    // The till's own subnet (the restaurant's Wi-Fi) is no longer trusted by itself.
    const lan = await callFrom(LAN_TILL, till, 'GET', order);
    expect(lan.status).toBe(403);
    expect(lan.body).toMatchObject({ WaiterMessage: waiterMessage('ru', 'callerNotAllowed', String(lan.headers['x-request-id']), { address: LAN_TILL }), RequestId: lan.headers['x-request-id'] });
    expect(String(lan.body.WaiterMessage)).toContain('«Терминалы iikoWaiter»');

    const refused = await callFrom(STRANGER, till, 'GET', order);
    expect(refused.status).toBe(403);

    expect((await callFrom(ALLOWED_BY_SETTING, till, 'GET', order)).status).toBe(403);
    till.core.settings.update({ server: { allowedRanges: [`${ALLOWED_BY_SETTING}/32`, '127.0.0.8/30'] } });
    expect((await callFrom(ALLOWED_BY_SETTING, till, 'GET', order)).status).toBe(200);
    expect((await callFrom('127.0.0.9', till, 'GET', order)).status).toBe(200);
    expect((await callFrom(STRANGER, till, 'GET', order)).status).toBe(403);
    expect(() => till.core.settings.update({ server: { allowedRanges: ['not a range'] } })).toThrow(/server\.allowedRanges\.0/);
  });

  it('records a refused terminal once, and the setup screen allows it with one click', async () => {
    till = await startTestTill();
    const order = `/GetMeBack/orders/${ORDER}`;
    for (let i = 0; i < 5; i += 1) expect((await callFrom(LAN_TILL, till, 'GET', order)).status).toBe(403);
    const setup = await till.http<{ refusedCallers: { address: string; count: number }[]; allowedCallers: string[] }>('GET', '/api/setup');
    expect(setup.body.refusedCallers).toEqual([expect.objectContaining({ address: LAN_TILL, count: 5 })]);
    expect(setup.body.allowedCallers).toEqual([]);
    // One feed line for the cashier, not one per request.
    const refusals = till.core.events.history({ limit: 50, types: ['request.refused'] });
    expect(refusals).toHaveLength(1);
    expect(refusals[0]?.data).toMatchObject({ route: expect.stringContaining('GET /GetMeBack/orders/') as unknown, message: expect.stringContaining(LAN_TILL) as unknown });

    const allow = await till.http('POST', '/api/setup/allowed-callers', { address: LAN_TILL });
    expect(allow.status).toBe(200);
    expect(till.core.settings.getStored().server.allowedRanges).toEqual([LAN_TILL]);
    expect((await callFrom(LAN_TILL, till, 'GET', order)).status).toBe(200);
    const after = await till.http<{ refusedCallers: unknown[] }>('GET', '/api/setup');
    expect(after.body.refusedCallers).toEqual([]);
    expect((await till.http('POST', '/api/setup/allowed-callers', { address: 'evil' })).status).toBe(400);
  });

  it('refuses before any route runs: a stranger cannot pay or check in', async () => {
    till = await startTestTill();
    const checkIn = await callFrom(STRANGER, till, 'POST', `/GetMeBack/orders/${ORDER}/checkin`, {
      body: JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' }),
      headers: json,
    });
    expect(checkIn.status).toBe(403);
    expect(till.core.db.prepare('SELECT COUNT(*) AS n FROM orders').get()).toEqual({ n: 0 });
  });

  it('ignores X-Forwarded-For: app.proxy is off, so a stranger cannot pose as this machine', async () => {
    till = await startTestTill();
    expect(till.app.proxy).toBe(false);
    const posing = await callFrom(STRANGER, till, 'GET', `/GetMeBack/orders/${ORDER}`, {
      headers: { 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1', forwarded: 'for=127.0.0.1' },
    });
    expect(posing.status).toBe(403);
  });
});

describe('the rate limit per client address', () => {
  it('answers 429 with Retry-After and the waiter message past the burst, whatever X-Forwarded-For says', async () => {
    till = await startTestTill({ settings: { server: { ...DEFAULT_SETTINGS.server, allowedRanges: [LAN_TILL] } } });
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 400 }, (_, i) => callFrom(LAN_TILL, till, 'GET', '/GetMeBack/health', { headers: { 'x-forwarded-for': `10.0.${i >> 8}.${i & 255}` } })),
    );
    const seconds = (performance.now() - started) / 1000;
    const served = answers.filter((answer) => answer.status === 200).length;
    const limited = answers.filter((answer) => answer.status === 429);
    expect(served + limited.length).toBe(400);
    expect(served).toBeGreaterThanOrEqual(100);
    expect(served).toBeLessThanOrEqual(100 + Math.ceil(50 * seconds) + 1);
    expect(limited.length).toBeGreaterThan(0);
    const first = limited[0] as Answer;
    expect(Number(first.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(first.body).toMatchObject({ WaiterMessage: waiterMessage('ru', 'tooManyRequests', String(first.headers['x-request-id'])), RequestId: first.headers['x-request-id'] });

    // Another address has its own bucket.
    expect((await callFrom('127.0.0.1', till, 'GET', '/GetMeBack/health')).status).toBe(200);
  });

  it('never throttles this machine (the dashboard, a plugin on this till, the benchmark)', async () => {
    till = await startTestTill();
    const answers = await Promise.all(Array.from({ length: 300 }, () => callFrom('127.0.0.1', till, 'GET', '/GetMeBack/health')));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
  });
});

describe('the admin API and dashboard from the network', () => {
  it('is closed to the LAN while no admin password is set, even with X-Forwarded-For', async () => {
    till = await startTestTill();
    const answer = await callFrom(LAN_TILL, till, 'GET', '/api/settings', { headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(answer.status).toBe(403);
    expect(answer.body.RequestId).toBe(answer.headers['x-request-id']);
    expect((await callFrom('127.0.0.1', till, 'GET', '/api/settings')).status).toBe(200);
  });

  it('answers only the till\'s LAN: a host outside it gets 403, password or not (sessions: admin-session.http.test.ts)', async () => {
    till = await startTestTill({ settings: { adminPasswordHash: hashAdminPassword('kassa-2024') } });
    const outside = await callFrom(STRANGER, till, 'GET', '/api/settings', { headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(outside.status).toBe(403);
    // The dashboard's API answers in its one error shape (admin-errors.http.test.ts), even at the gate.
    expect(outside.body).toEqual({ Message: adminMessage('ru', 'forbidden', String(outside.headers['x-request-id'])), RequestId: outside.headers['x-request-id'] });
    expect((await callFrom(STRANGER, till, 'POST', '/api/session', { body: '{"password":"kassa-2024"}', headers: json })).status).toBe(403);
    const lan = await callFrom(LAN_TILL, till, 'GET', '/api/settings', { headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(lan.status).toBe(401);
    expect(lan.headers['www-authenticate']).toBeUndefined();
  });

  it('refuses a foreign Host header on the dashboard (DNS rebinding), not on the waiter API', async () => {
    till = await startTestTill();
    const answer = await callFrom('127.0.0.1', till, 'GET', '/api/settings', { headers: { host: 'evil.example.com' } });
    expect(answer.status).toBe(403);
    expect(answer.body.RequestId).toBe(answer.headers['x-request-id']);
    expect((await callFrom('127.0.0.1', till, 'GET', '/', { headers: { host: 'attacker.test:3000' } })).status).toBe(403);
    // iikoWaiter may be set up with the till's DNS name rather than its address.
    expect((await callFrom('127.0.0.1', till, 'GET', `/GetMeBack/orders/${ORDER}`, { headers: { host: 'kassa-1.restaurant.lan:3000' } })).status).toBe(200);
  });

  it('refuses cross-site form posts and foreign origins to PUT /api/settings, and changes nothing', async () => {
    till = await startTestTill();
    const change = JSON.stringify({ language: 'en' });
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const answer = await callFrom('127.0.0.1', till, 'PUT', '/api/settings', { body: change, headers: { 'content-type': type } });
      expect(answer.status, type).toBe(403);
    }
    const foreign = await callFrom('127.0.0.1', till, 'PUT', '/api/settings', { body: change, headers: { ...json, origin: 'http://evil.example.com' } });
    expect(foreign.status).toBe(403);
    expect(till.core.settings.get().language).toBe('ru');

    const own = await callFrom('127.0.0.1', till, 'PUT', '/api/settings', { body: change, headers: json });
    expect(own.status).toBe(200);
    expect(till.core.settings.get().language).toBe('en');
  });
});

describe('request ids', () => {
  it('puts the request id on every log line of a request and in every error body, and never logs the PIN', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-log-'));
    const logDir = path.join(dataDir, 'logs');
    const logger = createLogger({ logDir });
    class BrokenBook extends EmbeddedLoyaltyBook {
      override lookup(value: string): ScanLookup {
        if (value === 'BREAK-THE-TILL') throw new Error('the disk is on fire');
        return super.lookup(value);
      }
    }
    till = await startTestTill({ dataDir, logger, provider: ({ db }) => new BrokenBook(db) });
    try {
      const pin = '90817263';
      till.core.waiters.remember(till.core.waiters.idForPin(pin), 'Вера', new Date().toISOString());
      const answers = [
        await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-G-1001', WaiterPin: pin }, { 'X-Forwarded-For': '203.0.113.7' }),
        await till.waiter('POST', `/orders/not-a-uuid/checkin`, { Value: 'x' }),
        await till.waiter('POST', `/orders/${ORDER}/payments`, { OrderSum: 1 }),
        await till.waiter('GET', '/no/such/route'),
        await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'BREAK-THE-TILL', WaiterPin: pin }),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([204, 400, 400, 404, 500]);
      const ids = answers.map((answer) => answer.headers.get('x-request-id'));
      for (const answer of answers.slice(1)) {
        expect((answer.body as { RequestId: string }).RequestId).toBe(answer.headers.get('x-request-id'));
      }
      expect(new Set(ids).size).toBe(ids.length);

      const lines = await logLines(path.join(logDir, 'till.log'), (all) => all.filter((line) => line.msg === 'request').length >= answers.length);
      const requestLines = lines.filter((line) => line.msg === 'request' || line.msg === 'unexpected error');
      expect(requestLines.length).toBeGreaterThanOrEqual(answers.length + 1);
      for (const id of ids) expect(requestLines.filter((line) => line.requestId === id).length).toBeGreaterThanOrEqual(1);
      expect(requestLines.every((line) => typeof line.requestId === 'string')).toBe(true);
      // The access line names the socket's address, not what X-Forwarded-For claims.
      expect(requestLines.find((line) => line.requestId === ids[0] && line.msg === 'request')?.ip).toMatch(/^(?:::ffff:)?127\.0\.0\.1$/);
      const crash = requestLines.find((line) => line.msg === 'unexpected error');
      expect(crash?.requestId).toBe(ids[4]);
      expect((answers[4]?.body as { WaiterMessage: string }).WaiterMessage).toContain(ids[4]);
      expect(readFileSync(path.join(logDir, 'till.log'), 'utf8')).not.toContain(pin);
    } finally {
      await till.close();
      logger.flush();
      rmSync(dataDir, { recursive: true, force: true });
    }
    till = await startTestTill();
  });
});

/** The log's JSON lines, once `ready` says all that is expected has been written (pino writes from a worker). */
async function logLines(file: string, ready: (lines: Record<string, unknown>[]) => boolean): Promise<Record<string, unknown>[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const lines = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>)
      : [];
    if (ready(lines) || Date.now() > deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
