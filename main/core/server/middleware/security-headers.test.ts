import { afterEach, describe, expect, it } from 'vitest';
import { startTestTill, type TestTill } from '../../testing/test-till.js';
import { DASHBOARD_CSP } from './security-headers.js';

let till: TestTill;
afterEach(async () => {
  await till.close();
});

describe('security headers', () => {
  it('give the dashboard and its API the CSP and framing headers, also on errors', async () => {
    till = await startTestTill();
    for (const route of ['/', '/api/status', '/api/no-such-thing']) {
      const answer = await till.http('GET', route);
      expect(answer.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('keep the waiter API’s answers small: no sniffing, no caching, a request id, nothing for browsers', async () => {
    till = await startTestTill();
    const answer = await till.waiter('GET', '/orders/3f0e9a52-6d1b-4b8e-9a47-2b8f1c0d9e11');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}$/);
    expect(answer.headers.get('content-security-policy')).toBeNull();
  });

  it('tell the waiter API from the dashboard by the configured path, in any case', async () => {
    till = await startTestTill();
    const waiterAnswer = await till.http('GET', '/getmeback/orders/3f0e9a52-6d1b-4b8e-9a47-2b8f1c0d9e11');
    expect(waiterAnswer.status).toBe(200);
    expect(waiterAnswer.headers.get('content-security-policy')).toBeNull();
    const lookalike = await till.http('GET', '/GetMeBackX');
    expect(lookalike.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
  });
});
