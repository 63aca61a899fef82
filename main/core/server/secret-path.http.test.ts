// The loopback LAN first: the till's modules below load the two it stands in for.
import { onlyLocalhostIsThisMachine, ownSubnetsAre } from '../testing/lan-on-loopback.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callFrom } from '../testing/call-from.js';
import { newOrderId } from '../testing/waiter-steps.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';

vi.mock('./middleware/network-guard.js', (importOriginal) => onlyLocalhostIsThisMachine(importOriginal));
vi.mock('./middleware/own-subnets.js', () => ownSubnetsAre('127.0.0.0/8')());

/** The iikoWaiter plugin's terminal, allowed by address: the secret is what it must also know. */
const TERMINAL = '127.0.0.3';
const SECRET_PATH = '/GetMeBack/k7mx-4qpa-z9rt-w2hc';
let till: TestTill;

beforeAll(async () => {
  till = await startTestTill({ settings: { server: { host: '127.0.0.1', port: 0, path: SECRET_PATH, allowedRanges: [TERMINAL] } } });
});
afterAll(() => till.close());

const checkIn = (path: string) =>
  callFrom(TERMINAL, till, 'POST', `${path}/orders/${newOrderId()}/checkin`, {
    body: JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' }),
    headers: { 'content-type': 'application/json' },
  });

describe('the optional secret part of the waiter address (issue 12), from an allowed terminal on the LAN', () => {
  it('answers the waiter API only at the whole address: the guide\'s, a wrong secret or a part of it answer as any unknown path does', async () => {
    // Request codes differ from call to call; what is left must be the same as for a path that is nothing.
    const shape = (answer: Awaited<ReturnType<typeof callFrom>>) => ({ status: answer.status, body: JSON.stringify(answer.body).replace(/[0-9a-f]{8}/g, '…') });
    const nothingHealth = shape(await callFrom(TERMINAL, till, 'GET', '/nothing-here/health'));
    const nothingCheckIn = shape(await checkIn('/nothing-here'));
    for (const path of ['/GetMeBack', '/GetMeBack/aaaa-aaaa-aaaa-aaaa', '/GetMeBack/k7mx-4qpa-z9rt', '/GetMeBack/k7mx-4qpa-z9rt-w2hcx']) {
      expect(shape(await callFrom(TERMINAL, till, 'GET', `${path}/health`)), path).toEqual(nothingHealth);
      expect(shape(await checkIn(path)), path).toEqual(nothingCheckIn);
    }
    expect(nothingHealth.status).not.toBe(200);
    expect(nothingCheckIn.body).not.toContain('k7mx');
    expect(till.core.db.prepare('SELECT COUNT(*) AS n FROM orders').get()).toEqual({ n: 0 });

    expect((await callFrom(TERMINAL, till, 'GET', `${SECRET_PATH}/health`)).status).toBe(200);
    expect((await checkIn(SECRET_PATH)).status).toBe(204);
    // The till matches its path in any letter case (iikoWaiter's address field may change it).
    expect((await checkIn(SECRET_PATH.toUpperCase())).status).toBe(204);
  });

  it('takes a new secret at once, without a restart: the old address stops answering', async () => {
    const changed = await till.http('PUT', '/api/settings', { server: { path: '/GetMeBack/9m3q-x7kd-2wnr-b5tz' } });
    expect(changed.status).toBe(200);
    expect((await checkIn(SECRET_PATH)).status).not.toBe(204);
    expect((await checkIn('/GetMeBack/9m3q-x7kd-2wnr-b5tz')).status).toBe(204);
  });
});
