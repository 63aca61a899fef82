import Router from '@koa/router';
import { z } from 'zod';
import type { LanReachabilityResponse } from '../../../../../shared/admin/lan-reachability.js';
import type { SetupResponse, StatusResponse } from '../../../../../shared/admin/status.js';
import type { TillBackups } from '../../../backups/till-backups.js';
import type { Clock } from '../../../clock.js';
import type { LoyaltyProvider } from '../../../providers/loyalty-provider.js';
import type { SettingsService } from '../../../settings/settings-service.js';
import { BadRequest } from '../../http-errors.js';
import { parseCidr } from '../../middleware/cidr.js';
import { readJsonBody } from '../../middleware/json-body.js';
import { validate } from '../../validate.js';
import { checkLanReachability } from '../../../setup/lan-reachability.js';
import { serverAddresses } from '../../../setup/server-addresses.js';
import { WAITER_PERMISSIONS, setupChecklist } from '../../../setup/setup-checklist.js';
import type { TillActivity } from '../../../till-activity.js';
import { ADMIN_ROUTER } from './admin-router.js';

export interface SetupRoutesDeps {
  version: string;
  dataDir: string;
  settings: SettingsService;
  provider: LoyaltyProvider;
  activity: TillActivity;
  clock: Clock;
  backups: Pick<TillBackups, 'lastBackup' | 'lastFailure'>;
}

const AllowCaller = z.object({ address: z.string().trim().min(1).max(64) });

/** The till's status and the setup assistant's data. */
export function setupRoutes(core: SetupRoutesDeps): Router {
  const router = new Router(ADMIN_ROUTER);
  let lastLan: LanReachabilityResponse | null = null;

  router.get('/api/status', (ctx) => {
    const settings = core.settings.get();
    ctx.body = {
      version: core.version,
      language: settings.language,
      provider: core.provider.status(),
      cashToWaiter: settings.cashToWaiter,
      lastWaiterRequestAt: core.activity.lastWaiterRequestAt,
      listening: core.activity.listening,
      dataDir: core.dataDir,
      now: core.clock.now().toISOString(),
    } satisfies StatusResponse;
  });

  router.get('/api/setup', (ctx) => {
    const settings = core.settings.get();
    const port = core.activity.listening?.port ?? settings.server.port;
    const provider = core.provider.status();
    ctx.body = {
      serverAddresses: serverAddresses(port, settings.server.path),
      checklist: setupChecklist(settings, { lastWaiterRequestAt: core.activity.lastWaiterRequestAt, providerOnline: provider.online, lanVerdict: lastLan?.verdict ?? null }),
      permissions: WAITER_PERMISSIONS,
      lastWaiterRequestAt: core.activity.lastWaiterRequestAt,
      provider,
      portInUse: core.activity.portInUse,
      allowedCallers: settings.server.allowedRanges,
      refusedCallers: core.activity.refusedCallers.list(),
      backup: { last: core.backups.lastBackup(), failedAt: core.backups.lastFailure() },
    } satisfies SetupResponse;
  });

  // "A terminal at 192.168.0.21 tried to connect — allow it": one click adds the address to
  // settings.server.allowedRanges (saved, in force at once) and takes it off the refused list.
  router.post('/api/setup/allowed-callers', async (ctx) => {
    const { address } = validate(AllowCaller, await readJsonBody(ctx, 1024), 'body');
    if (parseCidr(address) === null) throw new BadRequest([{ Field: 'address', Message: 'an IPv4/IPv6 address or CIDR range' }]);
    const ranges = core.settings.getStored().server.allowedRanges;
    if (!ranges.includes(address)) core.settings.update({ server: { allowedRanges: [...ranges, address] } });
    core.activity.refusedCallers.forget(address);
    ctx.body = { allowedCallers: core.settings.get().server.allowedRanges };
  });

  // Whether iikoWaiter's terminals can reach the port: the till connects to itself on its LAN
  // addresses. Its last answer also ticks the checklist's line (/api/setup).
  router.get('/api/setup/lan-reachability', async (ctx) => {
    const listening = core.activity.listening;
    const addresses = serverAddresses(0, '/').filter((entry) => !entry.loopback).map((entry) => entry.address);
    lastLan = await checkLanReachability({ host: listening?.host ?? '', port: listening?.port ?? null, addresses, now: core.clock.now() });
    ctx.body = lastLan satisfies LanReachabilityResponse;
  });

  return router;
}
