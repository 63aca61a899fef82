import { describe, expect, it } from 'vitest';
import { certainlyNotSent, SECRET_MASK, withoutSecret } from './cloud-client.js';
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

describe('withoutSecret', () => {
  it('masks the key however an echo writes it: as sent, escaped for JSON (PHP writes / as \\/), encoded for a URL', () => {
    const key = 'Zk9/q+Xa7b/Qw==';
    const echoedByPhp = '{"error":"bad request","request":{"api_key":"Zk9\\/q+Xa7b\\/Qw=="}}';
    const cases = [
      `key ${key} refused`,
      echoedByPhp,
      JSON.stringify({ request: JSON.stringify({ api_key: key }) }), // the key inside JSON inside JSON
      `https://cloud.example/?api_key=${encodeURIComponent(key)}`,
    ];
    for (const text of cases) {
      const masked = withoutSecret(text, key);
      expect(masked).toContain(SECRET_MASK);
      expect(masked.replaceAll('\\', '')).not.toContain('Zk9/q+Xa7b/Qw');
      expect(masked).not.toContain('Zk9%2Fq');
      expect(masked).not.toContain('Xa7b');
    }
    expect(withoutSecret('nothing secret here', key)).toBe('nothing secret here');
  });
});
