import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { waiterPathMatcher } from './middleware/mount-waiter-path.js';
import { TillApp, originPathOf } from './till-app.js';

const ORDER = '5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d';
const CHECK_IN = JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' });

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request as written (the URL's form kept), its answer as received. */
function raw(port: number, method: string, url: string, body?: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, method, path: url, headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

describe('the waiter API answered before Koa (issue 19)', () => {
  let till: TestTill;
  let port: number;
  beforeAll(async () => {
    till = await startTestTill();
    port = Number(new URL(till.baseUrl).port);
  });
  afterAll(async () => {
    await till.close();
  });

  it('never builds a Koa context for a waiter request: check-in, order, unknown route, HEAD, wrong method; the dashboard API still does', async () => {
    const contexts = vi.spyOn(till.app, 'createContext');
    expect((await raw(port, 'POST', `/GetMeBack/orders/${ORDER}/checkin`, CHECK_IN)).status).toBe(204);
    expect((await raw(port, 'GET', `/getmeback/orders/${ORDER}`)).status).toBe(200);
    expect((await raw(port, 'GET', '/GetMeBack/no/such/route')).status).toBe(404);
    expect((await raw(port, 'HEAD', '/GetMeBack/health')).status).toBe(200);
    expect((await raw(port, 'PUT', `/GetMeBack/orders/${ORDER}/checkin`)).status).toBe(404);
    expect(contexts).not.toHaveBeenCalled();
    expect((await raw(port, 'GET', '/api/status')).status).toBe(200);
    expect(contexts).toHaveBeenCalledTimes(1);
    contexts.mockRestore();
  });

  it('answers a URL in absolute form through Koa with the same waiter API and the same answer', async () => {
    const contexts = vi.spyOn(till.app, 'createContext');
    const viaKoa = await raw(port, 'GET', `http://127.0.0.1:${port}/GetMeBack/orders/${ORDER}`);
    expect(contexts).toHaveBeenCalledTimes(1);
    const fast = await raw(port, 'GET', `/GetMeBack/orders/${ORDER}`);
    expect(contexts).toHaveBeenCalledTimes(1);
    expect(viaKoa.status).toBe(200);
    expect(JSON.parse(viaKoa.body)).toEqual(JSON.parse(fast.body));
    for (const name of ['content-type', 'content-length', 'cache-control', 'x-content-type-options']) expect(viaKoa.headers[name], name).toBe(fast.headers[name]);
    contexts.mockRestore();
  });

  it('answers every kind of waiter request as Koa answers it: status, headers in order, body (absolute-form URLs still go through Koa)', async () => {
    const asks: [string, string, string?, Record<string, string>?][] = [
      ['POST', `/orders/${ORDER}/checkin`, CHECK_IN],
      ['GET', `/orders/${ORDER}`],
      ['HEAD', `/orders/${ORDER}`],
      ['HEAD', '/health'],
      ['GET', '/health?x=1'],
      ['GET', '/openapi.json'],
      ['GET', '/no/such/route'],
      ['HEAD', '/no/such/route'],
      ['PUT', `/orders/${ORDER}/checkin`],
      ['POST', `/orders/${ORDER}/checkin`, '{bad'],
      ['POST', `/orders/${ORDER}/checkin`, '{"Value":"x"}', { 'content-type': 'text/plain' }],
      ['POST', `/orders/${ORDER}/checkin`, 'x'.repeat(9000)],
      ['POST', `/orders/${ORDER}/checkin`, CHECK_IN, { origin: 'http://example.test' }],
      ['POST', `/orders/${ORDER}/checkin`, JSON.stringify({ Value: 'NOPE-1', WaiterPin: '1111' })],
      ['GET', '/orders/not-a-uuid'],
      ['POST', `/orders/${ORDER}/payments`, '{}'],
      ['POST', `/orders/${ORDER}/precheck`, JSON.stringify({ OrderSum: 1200, BonusSum: 100, WaiterPin: '1111' })],
    ];
    const seen = async (url: string, [method, , body, headers]: (typeof asks)[number]) => {
      const answer = await new Promise<{ status: number; message: string; headers: string[]; body: string }>((resolve, reject) => {
        const sent = request({ host: '127.0.0.1', port, method, path: url, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, message: res.statusMessage ?? '', headers: res.rawHeaders, body: Buffer.concat(chunks).toString('utf8') }));
        });
        sent.on('error', reject);
        sent.end(body);
      });
      const id = answer.headers[answer.headers.findIndex((name) => name.toLowerCase() === 'x-request-id') + 1] ?? 'no id';
      const masked = answer.headers.map((value, at) => (answer.headers[at - 1]?.toLowerCase() === 'date' ? '(date)' : value.replaceAll(id, '(id)')));
      return { ...answer, headers: masked, body: answer.body.replaceAll(id, '(id)') };
    };
    for (const ask of asks) {
      const contexts = vi.spyOn(till.app, 'createContext');
      const fast = await seen(`/GetMeBack${ask[1]}`, ask);
      expect(contexts).not.toHaveBeenCalled();
      const viaKoa = await seen(`http://127.0.0.1:${port}/GetMeBack${ask[1]}`, ask);
      expect(contexts).toHaveBeenCalledTimes(1);
      contexts.mockRestore();
      expect(fast, `${ask[0]} ${ask[1]}`).toEqual(viaKoa);
    }
  });

  it('says to an unknown route or a wrong method what it said before: 404, the waiter’s message, its request id, no-store, nosniff', async () => {
    for (const [method, url] of [
      ['GET', '/GetMeBack/no/such/route'],
      ['GET', '/GetMeBack'],
      ['GET', '/GetMeBack//orders/x'],
      ['GET', `/GetMeBack/orders/${ORDER}/checkin`],
      ['OPTIONS', `/GetMeBack/orders/${ORDER}`],
      ['PATCH', '/GetMeBack/health'],
    ] as const) {
      const answer = await raw(port, method, url);
      expect(answer.status, `${method} ${url}`).toBe(404);
      const id = String(answer.headers['x-request-id']);
      expect(id).toMatch(/^[0-9a-f]{8}$/);
      expect(JSON.parse(answer.body)).toEqual({
        WaiterMessage: 'По этому адресу нет GetMeBack Till. Проверьте адрес сервера (Server Address) в настройках iikoWaiter → External Loyalty.',
        RequestId: id,
      });
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['content-security-policy']).toBeUndefined();
    }
  });

  it('matches its routes in any case, with one trailing slash, and a query string aside', async () => {
    for (const url of [`/GETMEBACK/ORDERS/${ORDER.toUpperCase()}/CHECKIN`, `/GetMeBack/orders/${ORDER}/checkin/`, `/GetMeBack/orders/${ORDER}/checkin?from=test`]) {
      expect((await raw(port, 'POST', url, CHECK_IN)).status, url).toBe(204);
    }
    expect((await raw(port, 'POST', `/GetMeBack/orders/${ORDER}/checkin//`, CHECK_IN)).status).toBe(404);
  });

  it('answers HEAD with the headers of GET and no body; 204 with neither a type nor a length', async () => {
    const get = await raw(port, 'GET', '/GetMeBack/health');
    const head = await raw(port, 'HEAD', '/GetMeBack/health');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.body)));
    const checkIn = await raw(port, 'POST', `/GetMeBack/orders/${ORDER}/checkin`, CHECK_IN);
    expect(checkIn.status).toBe(204);
    expect(checkIn.body).toBe('');
    expect(checkIn.headers['content-type']).toBeUndefined();
    expect(checkIn.headers['content-length']).toBeUndefined();
    expect(checkIn.headers['x-request-id']).toMatch(/^[0-9a-f]{8}$/);
  });

  it('lives through a client that goes away in the middle of its body, and answers the next one', async () => {
    await new Promise<void>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /GetMeBack/orders/${ORDER}/checkin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"Value":`);
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
      socket.on('error', reject);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await raw(port, 'POST', `/GetMeBack/orders/${ORDER}/checkin`, CHECK_IN)).status).toBe(204);
    expect((await raw(port, 'GET', '/GetMeBack/health')).status).toBe(200);
  });

  it('notes every served waiter request for the setup assistant, and only those', async () => {
    const noted = vi.spyOn(till.core.activity, 'waiterRequested');
    await raw(port, 'GET', '/GetMeBack/health');
    expect(noted).toHaveBeenCalledTimes(1);
    await raw(port, 'GET', '/GetMeBack/no/such/route');
    expect(noted).toHaveBeenCalledTimes(1);
    noted.mockRestore();
  });
});

describe('TillApp', () => {
  /** A TillApp whose waiter steps are `steps`, on a free port. */
  async function serving(steps: ConstructorParameters<typeof TillApp>[0]['steps']) {
    const app = new TillApp({ waiterPath: waiterPathMatcher(() => '/GetMeBack'), steps });
    app.silent = true;
    app.use((ctx) => {
      ctx.body = { koa: true };
    });
    const server = createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('answers 500 in plain text when a step throws, at once or later, and keeps serving', async () => {
    for (const step of [
      () => {
        throw new Error('at once');
      },
      async () => {
        await Promise.resolve();
        throw new Error('later');
      },
    ]) {
      const server = await serving([step]);
      const answer = await raw(server.port, 'GET', '/GetMeBack/health');
      expect(answer.status).toBe(500);
      expect(answer.body).toBe('Internal Server Error');
      expect((await raw(server.port, 'GET', '/other')).body).toBe('{"koa":true}');
      await server.close();
    }
  });

  it('reads the host name and request headers as Koa does, keeps the last value of a header set twice in any case, and a body without a status is 200', async () => {
    const server = await serving([
      (ctx) => {
        ctx.body = { first: true, hostname: ctx.hostname, header: ctx.get('X-Asked') };
        ctx.set('X-Step', 'one');
        ctx.set('x-step', 'two');
      },
    ]);
    const answer = await raw(server.port, 'GET', '/GetMeBack/anything', undefined, { 'x-asked': 'yes' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ first: true, hostname: '127.0.0.1', header: 'yes' });
    expect(answer.headers['x-step']).toBe('two');
    await server.close();
  });
});

describe('originPathOf', () => {
  it('reads the path of a URL in origin form as Koa does, and leaves any other form to Koa', () => {
    expect(originPathOf('/GetMeBack/health?x=1')).toBe('/GetMeBack/health');
    expect(originPathOf('/GetMeBack/health#x')).toBe('/GetMeBack/health');
    expect(originPathOf('/GetMeBack/orders/a%2Fb')).toBe('/GetMeBack/orders/a%2Fb');
    expect(originPathOf('http://till:3000/GetMeBack/health')).toBeNull();
    expect(originPathOf('*')).toBeNull();
    expect(originPathOf(undefined)).toBeNull();
  });
});
