import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanReachabilityResponse } from '../../../shared/admin/lan-reachability.js';
import { SetupResponse } from '../../../shared/admin/status.js';
import { DEFAULT_SETTINGS } from '../../../shared/settings/schema.js';
import { createCore, type TillCore } from '../create-core.js';
import { createApp } from '../server/create-app.js';
import { listen, type Listening } from '../server/listen.js';
import { memorySettingsStore } from '../settings/settings-store.js';
import { serverAddresses } from './server-addresses.js';

/**
 * The whole path on this machine's real network interfaces: a till listening on 0.0.0.0, as
 * installed, asked by its setup screen whether the LAN reaches it. Its own LAN address must get an
 * answer through the front gate — and never be counted as a refused iikoWaiter terminal.
 */
describe('the LAN check of a till listening on the whole network', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-lan-'));
  let core: TillCore;
  let listening: Listening;
  const lan = serverAddresses(0, '/').filter((entry) => !entry.loopback).map((entry) => entry.address);

  beforeAll(async () => {
    core = createCore({ dataDir, settingsStore: memorySettingsStore({ ...DEFAULT_SETTINGS }) });
    listening = await listen({ app: createApp(core), activity: core.activity }, { host: '0.0.0.0', port: 0 });
  });
  afterAll(async () => {
    await listening.close();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`answers yes on this machine's LAN addresses (${lan.join(', ') || 'none here: then "no LAN address"'}), ticking the checklist`, async () => {
    const answer = LanReachabilityResponse.parse(await (await fetch(`${listening.localUrl}/api/setup/lan-reachability`)).json());
    expect(answer.port).toBe(listening.port);
    expect(answer.addresses.map((entry) => entry.address)).toEqual(lan);
    expect(answer.verdict).toBe(lan.length > 0 ? 'reachable' : 'noLan');
    const setup = SetupResponse.parse(await (await fetch(`${listening.localUrl}/api/setup`)).json());
    expect(setup.checklist.find((item) => item.id === 'lanReachable')?.done).toBe(lan.length > 0);
    expect(setup.refusedCallers).toEqual([]);
  });
});
