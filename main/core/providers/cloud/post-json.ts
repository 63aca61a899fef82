import http from 'node:http';
import https from 'node:https';

/** What came back: the status and the body as text (UTF-8). */
export interface PostAnswer {
  status: number;
  /** 200–299, as fetch's `response.ok`. */
  ok: boolean;
  text: string;
}

/** No whole answer within the call's budget; named as fetch names its timeout. */
export class PostTimeout extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * An idle connection is closed after this long, as fetch (undici) closed its own: kept longer, it
 * may be reused just as the cloud closes it (a reset: the call then counts as perhaps arrived).
 */
export const IDLE_CONNECTION_MS = 4_000;

/** Per scheme: its request and its connections, kept open between calls as fetch kept them. */
const SCHEMES: Record<string, { request: typeof http.request; agent: http.Agent }> = {
  'http:': { request: http.request, agent: new http.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }) },
  'https:': { request: https.request, agent: new https.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }) },
};

/** Who calls, for a firewall or proxy in front of the cloud that wants to know (fetch sent `node`). */
const USER_AGENT = 'GetMeBackTill';

/**
 * POSTs a JSON body and reads the whole answer, on node:http(s) rather than fetch: by
 * bench/cloud-call.ts (the till's CPU per call, a local server's share included) fetch cost 290–405
 * µs and this 109–123 (issue 19: the courier drains a backlog beside the waiters on the same core). Over within
 * `timeoutMs` (connection, request and the answer's last byte) or rejected with `PostTimeout`;
 * `signal` cancels it. A failure keeps node's error (`code`: ECONNREFUSED, ECONNRESET…). Redirects
 * are not followed: a 3xx is an answer that is not ok.
 */
export function postJson(url: URL, body: string, options: { timeoutMs: number; signal?: AbortSignal | undefined; headers?: Record<string, string> }): Promise<PostAnswer> {
  const scheme = SCHEMES[url.protocol];
  if (!scheme) return Promise.reject(new Error(`unsupported address scheme ${url.protocol}`));
  const { request: send, agent } = scheme;
  return new Promise<PostAnswer>((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      return;
    }
    const request = send(url, {
      method: 'POST',
      agent,
      headers: { 'user-agent': USER_AGENT, ...options.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const fail = (error: Error) => {
      finish(() => reject(error));
      request.destroy();
    };
    const timer = setTimeout(() => fail(new PostTimeout(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    // As fetch's timeout signal: the call's own socket keeps the process up, not its deadline.
    timer.unref();
    const onAbort = () => fail(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error) => fail(error));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => fail(error));
      // Closed before its end (the cloud or the network dropped it mid-answer): a failure, never a short body.
      response.on('close', () => {
        if (!response.complete) fail(Object.assign(new Error('the answer was cut off'), { code: 'ECONNRESET' }));
      });
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        finish(() => resolve({ status, ok: status >= 200 && status < 300, text: Buffer.concat(chunks).toString('utf8') }));
      });
    });
    request.end(body);
  });
}
