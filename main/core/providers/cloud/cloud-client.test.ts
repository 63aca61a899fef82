import { describe, expect, it } from 'vitest';
import { certainlyNotSent } from './cloud-client.js';
import { postJson } from './post-json.js';

describe('certainlyNotSent', () => {
  it('says a call to a name that does not resolve certainly never arrived, as a refused one (and a timeout may have)', async () => {
    // `.invalid` never resolves (RFC 6761): the lookup fails before any connection is tried.
    const lookup = await postJson(new URL('http://getmeback-till-test.invalid/rest/'), '{}', { timeoutMs: 5_000 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect((lookup as { code?: string }).code).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
    expect(certainlyNotSent(lookup)).toBe(true);
    expect(certainlyNotSent(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(certainlyNotSent(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(false);
    expect(certainlyNotSent(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toBe(false);
  });
});
