import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Middleware } from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings/schema.js';
import { createCore, type TillCore } from '../create-core.js';
import { memorySettingsStore } from '../settings/settings-store.js';
import { BONUS_TYPE } from '../testing/test-till.js';
import { createApp } from './create-app.js';
import { listen, type Listening } from './listen.js';
import { waiterApi } from './routes/waiter-api.js';

const ORDER = '5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d';
let opened: { core: TillCore; listening: Listening; dir: string } | null = null;

afterEach(async () => {
  if (!opened) return;
  await opened.listening.close();
  await opened.core.close();
  rmSync(opened.dir, { recursive: true, force: true });
  opened = null;
});

/** What a waiter request costs the till besides its own work (issue 19). */
describe('a waiter request on its way through the app', () => {
  it('never reaches the Host check, the admin API or the dashboard: a count of every step after the waiter API', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gmb-waiter-path-'));
    const core = createCore({ dataDir: dir, settingsStore: memorySettingsStore({ ...DEFAULT_SETTINGS, bonusPaymentTypeId: BONUS_TYPE }) });
    const app = createApp(core);
    const mount = app.middleware.findIndex((step) => step.name === 'waiterApiMount');
    expect(mount).toBeGreaterThan(0);
    let after = 0;
    app.middleware = app.middleware.map((step, index): Middleware => {
      if (index <= mount) return step;
      return (ctx, next) => {
        after += 1;
        return step(ctx, next);
      };
    });
    const listening = await listen({ app, activity: core.activity }, { host: '127.0.0.1', port: 0 });
    opened = { core, listening, dir };
    const base = `${listening.localUrl}${core.settings.get().server.path}`;
    const body = JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' });
    const checkIn = await fetch(`${base}/orders/${ORDER}/checkin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(checkIn.status).toBe(204);
    expect((await fetch(`${base}/orders/${ORDER}`)).status).toBe(200);
    expect((await fetch(`${base}/no/such/route`)).status).toBe(404);
    expect(after).toBe(0);
    // The count works: the dashboard's API goes on past the waiter API.
    expect((await fetch(`${listening.localUrl}/api/status`)).status).toBe(200);
    expect(after).toBeGreaterThan(0);
  });

  it("is matched by the waiter API's own table of routes: each names its method, no layer that every request would go through", () => {
    const api = waiterApi({ loyalty: {} as never, keys: {} as never, clock: { now: () => new Date() }, version: 'test' });
    expect(api.routes.length).toBeGreaterThanOrEqual(10);
    expect(api.routes.filter((route) => !['GET', 'POST', 'DELETE'].includes(route.method))).toEqual([]);
  });
});
