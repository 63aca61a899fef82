import { afterEach, describe, expect, it } from 'vitest';
import { startTestTill, type TestTill } from '../../testing/test-till.js';

const ORDER = '7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
const checkIn = JSON.stringify({ Value: '+7 999 000-00-01', WaiterPin: '1111' });
let till: TestTill;
afterEach(async () => {
  await till.close();
});

describe('the waiter API and web pages', () => {
  it('refuses a check-in a web page sends (Origin), and binds nobody', async () => {
    till = await startTestTill();
    const answer = await till.waiter('POST', `/orders/${ORDER}/checkin`, checkIn, { origin: 'http://evil.example', 'content-type': 'application/json' });
    expect(answer.status).toBe(403);
    expect((await till.waiter<{ Guest: unknown }>('GET', `/orders/${ORDER}`)).body.Guest).toBeNull();
  });

  it('refuses a same-origin read from a rebinding page (Sec-Fetch-Site)', async () => {
    till = await startTestTill();
    await till.waiter('POST', `/orders/${ORDER}/checkin`, checkIn);
    expect((await till.waiter('GET', `/orders/${ORDER}`, undefined, { 'sec-fetch-site': 'same-origin' })).status).toBe(403);
  });

  it('refuses a text/plain body, which a page can send across sites without asking', async () => {
    till = await startTestTill();
    const answer = await till.waiter('POST', `/orders/${ORDER}/checkin`, checkIn, { 'content-type': 'text/plain;charset=UTF-8' });
    expect(answer.status).toBe(415);
    expect((await till.waiter<{ Guest: unknown }>('GET', `/orders/${ORDER}`)).body.Guest).toBeNull();
  });

  it('serves a program, as iikoWaiter’s plugin is (JSON, no Origin)', async () => {
    till = await startTestTill();
    expect((await till.waiter('POST', `/orders/${ORDER}/checkin`, checkIn)).status).toBe(204);
    expect((await till.waiter('POST', `/orders/${ORDER}/checkin`, checkIn, { 'content-type': '' })).status).toBe(204);
  });
});
