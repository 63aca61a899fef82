import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.js';
import type { FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { FAST_TIMING, OFFLINE_MESSAGE, cashPayment, closeCloud, eventually, outboxOf, startCloudWithGuests } from '../../testing/cloud-test-kit.js';

const ORDER = '55555555-5555-4555-8555-555555555555';
const OTHER = '66666666-6666-4666-8666-666666666666';
let fake: FakeGetMeBackCloud;
let till: TestTill;
let dataDir: string | null = null;

afterEach(async () => {
  await closeCloud(till, fake);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
});

/** Well under the slow cloud's 5 s and a silent one's forever, with room for a loaded machine (calls time out at 600 ms). */
const ANSWERED_WITHIN_MS = 3_500;

async function timedCheckIn(value: string): Promise<{ body: unknown; ms: number }> {
  const started = performance.now();
  const answer = await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: value });
  return { body: answer.body, ms: performance.now() - started };
}

describe('a slow, silent or failing cloud', () => {
  it('answers the waiter within the call timeout when the cloud is slower than it or never answers', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));

    fake.slow(5_000);
    const slow = await timedCheckIn('GMB-G-1001');
    expect(slow.body).toMatchObject({ WaiterMessage: OFFLINE_MESSAGE });
    expect(slow.ms).toBeLessThan(ANSWERED_WITHIN_MS);

    fake.slow(0);
    fake.behave('hang');
    const silent = await timedCheckIn('GMB-G-1002');
    expect(silent.body).toMatchObject({ WaiterMessage: OFFLINE_MESSAGE });
    expect(silent.ms).toBeLessThan(ANSWERED_WITHIN_MS);
    expect(till.core.provider.status()).toMatchObject({ online: false, lastError: expect.stringMatching(/^no answer within \d+ ms$/) });
  });

  it('tells an unknown code from a cloud error', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));

    expect((await timedCheckIn('GMB-NOBODY')).body).toMatchObject({ WaiterMessage: expect.stringContaining('Гость не найден в GetMeBack') });
    fake.behave('error', 'База данных недоступна');
    expect((await timedCheckIn('GMB-G-1001')).body).toMatchObject({ WaiterMessage: OFFLINE_MESSAGE });
    expect(till.core.provider.status()).toMatchObject({ online: true, lastError: 'the cloud said: База данных недоступна' });
    fake.behave('http500');
    expect((await timedCheckIn('GMB-G-1001')).body).toMatchObject({ WaiterMessage: OFFLINE_MESSAGE });
    expect(till.core.provider.status().online).toBe(false);
  });

  it('reuses a fresh check-in answer for identity, but asks the cloud again for a money decision', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    expect((await timedCheckIn('GMB-G-1001')).body).toBeUndefined();
    const lookups = fake.requests.length;
    fake.behave('hang');
    const again = await till.waiter('POST', `/orders/${OTHER}/checkin`, { Value: 'GMB-G-1001' });
    expect(again.status).toBe(204);
    expect(fake.requests.length).toBe(lookups);
    const precheck = await till.waiter('POST', `/orders/${OTHER}/precheck`, { OrderSum: 100, BonusSum: 10 });
    expect(precheck.body).toMatchObject({ WaiterMessage: OFFLINE_MESSAGE });
  });

  it('never writes the API key to the log or shows it in the status, even when the cloud echoes it', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-cloud-log-'));
    const logDir = path.join(dataDir, 'logs');
    const logger = createLogger({ logDir, level: 'debug' });
    ({ fake, till } = await startCloudWithGuests({ dataDir, logger, timing: FAST_TIMING }));

    await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-G-1001' });
    await till.waiter('POST', `/orders/${ORDER}/payments`, cashPayment(100), { 'Idempotency-Key': 'k' });
    await eventually(async () => (await outboxOf(till)) === 0, 'the payment to be delivered');
    await till.waiter('POST', `/orders/${OTHER}/checkin`, { Value: 'GMB-G-1002' });
    fake.behave('http500');
    await till.waiter('POST', `/orders/${OTHER}/checkin`, { Value: '+7 999 000-00-02' });
    // The cloud refuses, echoing the key: a lookup and a delivery both see (and report) that.
    fake.behave('error', `api_key ${fake.apiKey} is not valid`);
    await till.waiter('POST', `/orders/${OTHER}/checkin`, { Value: 'GMB-G-1001' });
    const offline = await till.waiter('POST', `/orders/${OTHER}/payments`, cashPayment(200), { 'Idempotency-Key': 'k2' });
    expect(offline.body).toMatchObject({ Accrued: 10 });

    expect(fake.requests.length).toBeGreaterThanOrEqual(4);
    expect(fake.requests.every((body) => body.api_key === fake.apiKey)).toBe(true);
    const status = await till.http('GET', '/api/status');
    expect(status.text).toContain('api_key [secret] is not valid');
    expect(status.text).not.toContain(fake.apiKey);

    const logFile = path.join(logDir, 'till.log');
    const log = () => {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    };
    await eventually(
      () =>
        ['GetMeBack received an operation', 'GetMeBack call failed', 'GetMeBack answered', 'GetMeBack refused an operation'].every((line) =>
          log().includes(line),
        ),
      'the log lines to be written',
    );
    expect(log()).toContain('[secret]');
    expect(log()).not.toContain(fake.apiKey);
  });
});
