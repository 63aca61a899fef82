import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import { createCore, type TillCore } from '../core/create-core.js';
import { createApp } from '../core/server/create-app.js';
import { listen } from '../core/server/listen.js';
import { memorySettingsStore } from '../core/settings/settings-store.js';
import { ServerControl } from './server-control.js';
import type { ServerState } from './server-state.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function till(port = 0, listenThrough = listen, options: Pick<Parameters<typeof createCore>[0], 'deferCommit'> = {}): { core: TillCore; control: ServerControl; states: ServerState['kind'][] } {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-shell-'));
  const core = createCore({ ...options, dataDir, settingsStore: memorySettingsStore({ ...DEFAULT_SETTINGS, server: { ...DEFAULT_SETTINGS.server, host: '127.0.0.1', port } }) });
  const control = new ServerControl(core, createApp(core), listenThrough);
  const states: ServerState['kind'][] = [];
  control.onChange((state) => states.push(state.kind));
  cleanups.push(async () => {
    await control.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { core, control, states };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/GetMeBack/health`)).ok;
  } catch {
    return false;
  }
}

describe('ServerControl', () => {
  it('starts the server on the configured host and port, stops it, and starts it again', async () => {
    const { control, states } = till();
    const started = await control.start();
    if (started.kind !== 'running') throw new Error(`not running: ${JSON.stringify(started)}`);
    expect(started.host).toBe('127.0.0.1');
    expect(await answers(started.localUrl)).toBe(true);

    expect((await control.stop()).kind).toBe('stopped');
    expect(await answers(started.localUrl)).toBe(false);

    expect((await control.start()).kind).toBe('running');
    expect(states).toEqual(['starting', 'running', 'stopping', 'stopped', 'starting', 'running']);
  });

  it('opens the port once when "start" is pressed twice in a row', async () => {
    let listens = 0;
    const { control } = till(0, (target, options) => {
      listens += 1;
      return listen(target, options);
    });
    const [first, second] = await Promise.all([control.start(), control.start()]);
    expect(first.kind).toBe('running');
    expect(second).toEqual(first);
    expect(listens).toBe(1);
  });

  it('reports a port taken by another program as an error naming the port, and can start once it is free', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    const { control, core } = till(port);
    expect(await control.start()).toMatchObject({ kind: 'error', portInUse: port, message: `Port ${port} is already used by another program` });
    expect(core.activity.portInUse).toBe(port);
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    expect((await control.start()).kind).toBe('running');
  });

  it('with its port taken, opens the dashboard on a loopback-only port for its own windows, and closes it on the next start', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const { control, core } = till(port);
    const failed = await control.start();
    if (failed.kind !== 'error' || failed.localUrl === null) throw new Error(`no fallback: ${JSON.stringify(failed)}`);
    expect(failed.localUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(failed.localUrl).not.toBe(`http://127.0.0.1:${port}`);
    expect(await answers(failed.localUrl)).toBe(true);
    expect(core.activity).toMatchObject({ portInUse: port, listening: null });

    // The manager picks a free port on the settings screen: the restart leaves the fallback behind.
    core.settings.update({ server: { port: 0 } });
    const moved = await control.restart();
    if (moved.kind !== 'running') throw new Error(`not running: ${JSON.stringify(moved)}`);
    expect(await answers(moved.localUrl)).toBe(true);
    expect(await answers(failed.localUrl)).toBe(false);
  });

  it('on an address this machine does not have (a typo, a DHCP change), opens the loopback fallback too: the manager can set it right at the till', async () => {
    const { control, core } = till();
    core.settings.update({ server: { host: '192.0.2.1' } }); // TEST-NET-1: never this machine's
    const failed = await control.start();
    if (failed.kind !== 'error' || failed.localUrl === null) throw new Error(`no fallback: ${JSON.stringify(failed)}`);
    expect(failed.portInUse).toBeNull();
    expect(await answers(failed.localUrl)).toBe(true);
    core.settings.update({ server: { host: '127.0.0.1' } });
    const back = await control.restart();
    if (back.kind !== 'running') throw new Error(`not running: ${JSON.stringify(back)}`);
    expect(await answers(back.localUrl)).toBe(true);
  });

  it('a restart onto a taken port leaves the windows a fallback to follow, and stop closes it', async () => {
    const { control, core } = till();
    expect((await control.start()).kind).toBe('running');
    const blocker: Server = createServer();
    const taken = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    core.settings.update({ server: { port: taken } });
    const failed = await control.restart();
    if (failed.kind !== 'error' || failed.localUrl === null) throw new Error(`no fallback: ${JSON.stringify(failed)}`);
    expect(await answers(failed.localUrl)).toBe(true);
    expect((await control.stop()).kind).toBe('stopped');
    expect(await answers(failed.localUrl)).toBe(false);
  });

  it('on shutdown closes the listener before the core, and refuses to start afterwards', async () => {
    const { control, core } = till();
    const started = await control.start();
    if (started.kind !== 'running') throw new Error('not running');
    const order: string[] = [];
    control.onChange((state) => order.push(`server ${state.kind}`));
    const closeCore = core.close.bind(core);
    core.close = async () => {
      order.push(`core closing while the server answers: ${await answers(started.localUrl)}`);
      await closeCore();
    };
    await control.shutdown();
    expect(order).toEqual(['server stopping', 'server stopped', 'core closing while the server answers: false']);
    expect(core.db.open).toBe(false);
    expect((await control.start()).kind).toBe('stopped');
    expect((await control.shutdown()).kind).toBe('stopped');
  });

  it('when the session ends, stops taking connections in the same turn, opens nothing again, and leaves the core to its caller (never closed twice)', async () => {
    const { control, core } = till();
    const started = await control.start();
    if (started.kind !== 'running') throw new Error('not running');
    let coreCloses = 0;
    const closeCore = core.close.bind(core);
    core.close = async () => {
      coreCloses += 1;
      await closeCore();
    };
    const closed = control.closeNow();
    // Before any await: the listener is closed and the state says so.
    expect(control.state.kind).toBe('stopped');
    expect(await answers(started.localUrl)).toBe(false);
    await closed;
    expect((await control.start()).kind).toBe('stopped');
    expect((await control.restart()).kind).toBe('stopped');
    expect(await answers(started.localUrl)).toBe(false);
    // The quit that follows finds the server closed: the core's full close (with its backup) does not run.
    await control.shutdown();
    expect(coreCloses).toBe(0);
    expect(core.db.open).toBe(true);
    await closeCore();
  });

  it('when the session ends, a payment waiting for its group commit is committed and answered before its connection is cut', async () => {
    // The group commit held open: the payment waits for it when the session ends.
    const { control, core } = till(0, listen, { deferCommit: () => undefined });
    const started = await control.start();
    if (started.kind !== 'running') throw new Error('not running');
    const paying = fetch(`${started.localUrl}/GetMeBack/orders/0dde0000-0000-4000-8000-00000000c10e/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'session-end-payment' },
      body: JSON.stringify({ OrderSum: 1000, PaymentItems: [{ PaymentType: { Id: 'cash', Kind: 'Cash', Name: 'Наличные' }, Sum: 1000 }] }),
    });
    for (let waited = 0; core.loyalty.groupCommit.waitingPayments === 0 && waited < 100; waited += 1) await new Promise((tick) => setTimeout(tick, 20));
    expect(core.loyalty.groupCommit.waitingPayments).toBe(1);
    // As desktop-app.ts does it, in one turn: the listener first, then the core closed at once.
    const closed = control.closeNow();
    void core.closeAtOnce();
    expect(core.db.open).toBe(false);
    // Before: the connection was destroyed before the commit, the payment written and its answer lost.
    const answer = await paying;
    expect(answer.status).toBe(200);
    await closed;
    expect(await answers(started.localUrl)).toBe(false);
  });

  it('restarts on the port the settings now say', async () => {
    const { control, core } = till();
    const first = await control.start();
    if (first.kind !== 'running') throw new Error('not running');
    const probe: Server = createServer();
    const freePort = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)));
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    core.settings.update({ server: { port: freePort } });
    const second = await control.restart();
    expect(second).toMatchObject({ kind: 'running', port: freePort });
    expect(await answers(first.localUrl)).toBe(false);
    expect(await answers(`http://127.0.0.1:${freePort}`)).toBe(true);
  });
});
