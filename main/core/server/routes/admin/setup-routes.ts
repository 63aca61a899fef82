import Router from '@koa/router';
import type { SetupResponse, StatusResponse } from '../../../../../shared/admin/status.js';
import type { Clock } from '../../../clock.js';
import type { LoyaltyProvider } from '../../../providers/loyalty-provider.js';
import type { SettingsService } from '../../../settings/settings-service.js';
import { serverAddresses } from '../../../setup/server-addresses.js';
import { WAITER_PERMISSIONS, setupChecklist } from '../../../setup/setup-checklist.js';
import type { TillActivity } from '../../../till-activity.js';

export interface SetupRoutesDeps {
  version: string;
  dataDir: string;
  settings: SettingsService;
  provider: LoyaltyProvider;
  activity: TillActivity;
  clock: Clock;
}

/** The till's status and the setup assistant's data. */
export function setupRoutes(core: SetupRoutesDeps): Router {
  const router = new Router();

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
      checklist: setupChecklist(settings, { lastWaiterRequestAt: core.activity.lastWaiterRequestAt, providerOnline: provider.online }),
      permissions: WAITER_PERMISSIONS,
      lastWaiterRequestAt: core.activity.lastWaiterRequestAt,
      provider,
      portInUse: core.activity.portInUse,
    } satisfies SetupResponse;
  });

  return router;
}
