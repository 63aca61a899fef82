import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { staticDashboard } from './static-dashboard.js';

let dir = '';
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (dir) rmSync(`${dir}-secret.txt`, { force: true });
  dir = '';
});

/** A built dashboard in a temporary folder: index.html and one hashed asset. */
function builtDashboard(): string {
  dir = mkdtempSync(path.join(tmpdir(), 'gmb-dashboard-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>panel</title>');
  writeFileSync(path.join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
  writeFileSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`), 'secret');
  return dir;
}

/** A server with the middleware alone (404 when it passes the request on), for the test's calls. */
async function serve(dashboardDir: string) {
  const app = new Koa();
  app.use(staticDashboard(dashboardDir));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return async (route: string, method = 'GET') => {
    const answer = await fetch(`http://127.0.0.1:${port}${route}`, { method });
    return { status: answer.status, type: answer.headers.get('content-type'), cache: answer.headers.get('cache-control'), text: await answer.text() };
  };
}

/** One call to a fresh server over the folder. */
async function get(dashboardDir: string, route: string, method = 'GET') {
  return (await serve(dashboardDir))(route, method);
}

describe('the dashboard’s files', () => {
  it('serves a file with its type and a long cache, and the index for the app’s own routes', async () => {
    const root = builtDashboard();
    expect(await get(root, '/assets/app-1a2b.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', text: 'console.log(1)', cache: 'public, max-age=31536000, immutable' });
    for (const route of ['/', '/cash', '/assets/missing.js', '/%E0%A4%A', '/../x', `/..%2F${path.basename(root)}-secret.txt`]) {
      expect(await get(root, route), route).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', text: '<!doctype html><title>panel</title>', cache: null });
    }
  });

  it('reads the folder once, when the app is built: a change on disk shows after a restart', async () => {
    const root = builtDashboard();
    const call = await serve(root);
    writeFileSync(path.join(root, 'index.html'), 'changed');
    rmSync(path.join(root, 'assets'), { recursive: true });
    expect((await call('/assets/app-1a2b.js')).text).toBe('console.log(1)');
    expect((await call('/')).text).toBe('<!doctype html><title>panel</title>');
    expect((await get(root, '/')).text).toBe('changed');
  });

  it('passes the API and other methods on, and shows a hint page when the dashboard is not built', async () => {
    const root = builtDashboard();
    expect((await get(root, '/api/status')).status).toBe(404);
    expect((await get(root, '/', 'POST')).status).toBe(404);
    expect((await get(path.join(root, 'nowhere'), '/')).text).toMatch(/Панель GetMeBack Till ещё не собрана/);
  });
});
