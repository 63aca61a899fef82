import Koa from 'koa';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminAccess } from './middleware/admin-access.js';
import { fromAllowedNetworks } from './middleware/client-address-guard.js';
import { errorHandler } from './middleware/error-handler.js';
import { mountAtWaiterPath, waiterPathMatcher } from './middleware/mount-waiter-path.js';
import { hostHeaderGuard } from './middleware/network-guard.js';
import { rateLimit } from './middleware/rate-limit.js';
import { refuseBrowsers } from './middleware/refuse-browsers.js';
import { requestContext } from './middleware/request-context.js';
import { securityHeaders } from './middleware/security-headers.js';
import { eventsRoutes } from './routes/admin/events-routes.js';
import { ordersRoutes } from './routes/admin/orders-routes.js';
import { settingsRoutes } from './routes/admin/settings-routes.js';
import { setupRoutes } from './routes/admin/setup-routes.js';
import { waiterCashRoutes } from './routes/admin/waiter-cash-routes.js';
import { waiterApi } from './routes/waiter-api.js';
import { staticDashboard } from './static-dashboard.js';
import type { Clock } from '../clock.js';
import type { EventBus } from '../events/event-bus.js';
import type { IdempotencyKeys } from '../ledger/idempotency-keys.js';
import type { Logger } from '../logger.js';
import type { LoyaltyContext } from '../loyalty/context.js';
import type { LoyaltyProvider } from '../providers/loyalty-provider.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { TillActivity } from '../till-activity.js';

/** The services the app is built from: what `createCore` returns, named here so the server never imports the core back. */
export interface AppServices {
  version: string;
  dataDir: string;
  settings: SettingsService;
  events: EventBus;
  provider: LoyaltyProvider;
  keys: IdempotencyKeys;
  loyalty: LoyaltyContext;
  logger: Logger;
  clock: Clock;
  activity: TillActivity;
}

export interface AppOptions {
  /** Where the built dashboard is; the server shows a hint page when it is missing. */
  dashboardDir?: string | undefined;
}

/** dist/renderer, from main/core/server (tsx, vitest) or dist/main/core/server (built app). */
export function defaultDashboardDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = here.includes(`${path.sep}dist${path.sep}`) ? path.resolve(here, '../../../..') : path.resolve(here, '../../..');
  return path.join(root, 'dist', 'renderer');
}

/**
 * The till's HTTP app. Reads top to bottom: headers → request context and logging → errors →
 * rate limit per client address → the waiter API (under the configured path, from this machine and
 * its networks only, never from a web page) → Host check → the admin API and the dashboard (loopback, or the admin password
 * from the LAN).
 */
export function createApp(core: AppServices, options: AppOptions = {}): Koa {
  const app = new Koa({ proxy: false });
  app.silent = true;
  const settings = () => core.settings.get();

  const waiterPath = () => settings().server.path;
  const underWaiterPath = waiterPathMatcher(waiterPath);
  app.use(securityHeaders((path) => underWaiterPath.matches(path)));
  app.use(requestContext(core.logger));
  app.use(
    errorHandler({
      language: () => settings().language,
      onRefusal: (route, message, where) => {
        core.events.record('request.refused', { route, message }, { orderId: where.orderId });
      },
      onServerError: (route, error, requestId) => {
        core.events.record('server.error', { route, message: error.message, requestId });
      },
    }),
  );
  app.use(rateLimit());

  const waiter = waiterApi({
    loyalty: core.loyalty,
    keys: core.keys,
    clock: core.clock,
    version: core.version,
    onWaiterRequest: () => {
      core.activity.waiterRequested(core.clock.now());
    },
  });
  const waiterRoutes = fromAllowedNetworks(() => settings().server.allowedRanges, refuseBrowsers(waiter.routes() as Koa.Middleware));
  app.use(mountAtWaiterPath(waiterPath, waiterRoutes));

  // DNS rebinding only matters where the browser on this machine is trusted: the dashboard and its
  // API. The waiter API trusts no browser, and iikoWaiter may name the till by a DNS name.
  app.use(hostHeaderGuard());
  app.use(adminAccess(settings));
  for (const router of [eventsRoutes(core), settingsRoutes(core), ordersRoutes(core), setupRoutes(core), waiterCashRoutes(core)]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  app.use(staticDashboard(options.dashboardDir ?? defaultDashboardDir()));
  return app;
}
