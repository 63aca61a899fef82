import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Koa from 'koa';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings/schema.js';
import type { Clock } from '../clock.js';
import { createCore, type CoreOptions, type TillCore } from '../create-core.js';
import { createApp, type AppOptions } from '../server/create-app.js';
import { listen, type Listening } from '../server/listen.js';
import { memorySettingsStore, type SettingsStore } from '../settings/settings-store.js';

/** The bonus payment type the tests configure (an iiko payment-type UUID). */
export const BONUS_TYPE = '6f2c1f5e-0000-4000-8000-0000000000b0';

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface TestTill {
  core: TillCore;
  /** The Koa app this till serves, built from `core` as a host builds it. */
  app: Koa;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** baseUrl + the waiter API path */
  waiterUrl: string;
  dataDir: string;
  /** Calls the waiter API (path relative to /GetMeBack). */
  waiter<T = unknown>(method: string, route: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer<T>>;
  /** Calls the admin API or anything else at the server root. */
  http<T = unknown>(method: string, route: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer<T>>;
  /** Closes the server and the database and opens them again on the same files (a till restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface TestTillOptions extends Partial<Omit<CoreOptions, 'dataDir' | 'settingsStore'>>, AppOptions {
  dataDir?: string;
  /** Settings to start with (merged over the defaults); the bonus payment type is set unless given. */
  settings?: Partial<Settings>;
  settingsStore?: SettingsStore;
  clock?: Clock;
}

/**
 * A real till for tests: a real SQLite file in a temporary folder, a real HTTP server on a free
 * loopback port, the demo loyalty book unless a seed is given.
 */
export async function startTestTill(options: TestTillOptions = {}): Promise<TestTill> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'gmb-test-'));
  const store = options.settingsStore ?? memorySettingsStore({ ...DEFAULT_SETTINGS, bonusPaymentTypeId: BONUS_TYPE, ...options.settings });
  let core!: TillCore;
  let app!: Koa;
  let listening!: Listening;

  const open = async () => {
    const { settings: _settings, settingsStore: _store, dataDir: _dir, dashboardDir, ...coreOptions } = options;
    core = createCore({ ...coreOptions, dataDir, settingsStore: store });
    app = createApp(core, { dashboardDir });
    listening = await listen({ app, activity: core.activity, allowedTerminals: () => core.settings.get().server.allowedRanges }, { host: '127.0.0.1', port: 0 });
  };
  await open();

  const call = async <T>(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await fetch(url, init);
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed as T, text, headers: response.headers };
  };

  const till: TestTill = {
    get core() {
      return core;
    },
    get app() {
      return app;
    },
    get baseUrl() {
      return listening.localUrl;
    },
    get waiterUrl() {
      return `${listening.localUrl}${core.settings.get().server.path}`;
    },
    dataDir,
    waiter: (method, route, body, headers) => call(`${till.waiterUrl}${route}`, method, body, headers),
    http: (method, route, body, headers) => call(`${till.baseUrl}${route}`, method, body, headers),
    restart: async () => {
      await listening.close();
      await core.close();
      await open();
    },
    close: async () => {
      await listening.close();
      await core.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return till;
}
