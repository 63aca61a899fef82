import { createServer, type Server, type ServerResponse } from 'node:http';
import { getEventListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { IDLE_CONNECTION_MS, postJson } from './post-json.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A local stand-in of the cloud: `answer` decides what it does with each request and its body. */
async function cloud(answer: (body: string, respond: ServerResponse) => void): Promise<URL> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(Buffer.concat(chunks).toString('utf8'), response));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/rest/base/v2/validator/`);
}

describe('postJson (the cloud client on node:http)', () => {
  it('sends the JSON body and reads the whole answer, in UTF-8; a status outside 200–299 is not ok', async () => {
    const url = await cloud((body, response) => {
      const sent = JSON.parse(body) as { name: string };
      response.writeHead(sent.name === 'Анна' ? 200 : 503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ result: 'ok', echo: sent.name }));
    });
    await expect(postJson(url, JSON.stringify({ name: 'Анна' }), { timeoutMs: 2_000 })).resolves.toEqual({ status: 200, ok: true, text: '{"result":"ok","echo":"Анна"}' });
    await expect(postJson(url, JSON.stringify({ name: 'x' }), { timeoutMs: 2_000 })).resolves.toMatchObject({ status: 503, ok: false });
  });

  it('gives up at its budget with a TimeoutError when the cloud never answers', async () => {
    const url = await cloud(() => undefined);
    const started = performance.now();
    await expect(postJson(url, '{}', { timeoutMs: 150 })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('names a refused connection ECONNREFUSED (the call certainly never arrived)', async () => {
    const url = await cloud(() => undefined);
    const closed = servers.pop() as Server;
    await new Promise((resolve) => closed.close(resolve));
    await expect(postJson(url, '{}', { timeoutMs: 2_000 })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('fails an answer cut off before its end at once, never returning part of it', async () => {
    const url = await cloud((_body, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"result":"o');
      setTimeout(() => response.destroy(), 20);
    });
    const started = performance.now();
    const failed = await postJson(url, '{}', { timeoutMs: 5_000 }).then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(failed).toBeInstanceOf(Error);
    expect(failed?.name).not.toBe('TimeoutError');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('stops at once when its signal is aborted (the till closing), and leaves no listener on it', async () => {
    const url = await cloud(() => undefined);
    const controller = new AbortController();
    const started = performance.now();
    const call = postJson(url, '{}', { timeoutMs: 5_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const failed = await call.then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(failed?.name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('closes a connection left idle for IDLE_CONNECTION_MS itself, before a cloud that keeps it longer does', async () => {
    let closedAt = 0;
    const url = await cloud((_body, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
    const server = servers[servers.length - 1] as Server;
    server.keepAliveTimeout = 15_000;
    server.on('connection', (socket) => socket.on('close', () => (closedAt = performance.now())));
    await postJson(url, '{}', { timeoutMs: 2_000 });
    const answered = performance.now();
    await new Promise((resolve) => setTimeout(resolve, IDLE_CONNECTION_MS + 700));
    expect(closedAt).toBeGreaterThan(answered);
    expect(closedAt - answered).toBeLessThan(IDLE_CONNECTION_MS + 700);
  }, 10_000);
});
