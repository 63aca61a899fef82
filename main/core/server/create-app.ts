import path from 'node:path';
import { packageRootOf } from '../package-root.js';
import { AdminLockout } from './access/admin-lockout.js';
import { AdminSessions } from './access/admin-sessions.js';
import { adminAccess } from './middleware/admin-access.js';
import { errorHandler } from './middleware/error-handler.js';
import { mountAtWaiterPath, waiterPathMatcher } from './middleware/mount-waiter-path.js';
import { hostHeaderGuard } from './middleware/network-guard.js';
import { frontGate } from './middleware/front-gate.js';
import { refuseBrowsers } from './middleware/refuse-browsers.js';
import { accessLog, requestId } from './middleware/request-context.js';
import { securityHeaders } from './middleware/security-headers.js';
import { backupRoutes } from './routes/admin/backup-routes.js';
import { cloudRoutes } from './routes/admin/cloud-routes.js';
import { eventsRoutes } from './routes/admin/events-routes.js';
import { ordersRoutes } from './routes/admin/orders-routes.js';
import { sessionRoutes } from './routes/admin/session-routes.js';
import { settingsRoutes } from './routes/admin/settings-routes.js';
import { setupRoutes } from './routes/admin/setup-routes.js';
import { shiftRoutes } from './routes/admin/shift-routes.js';
import { todayRoutes } from './routes/admin/today-routes.js';
import { waiterCashRoutes } from './routes/admin/waiter-cash-routes.js';
import { waiterApi } from './routes/waiter-api.js';
import { staticDashboard } from './static-dashboard.js';
import { TillApp } from './till-app.js';
import type { Step } from './exchange.js';
import type { TillBackups } from '../backups/till-backups.js';
import type { Clock } from '../clock.js';
import type { EventBus } from '../events/event-bus.js';
import type { IdempotencyKeys } from '../ledger/idempotency-keys.js';
import type { Logger } from '../logger.js';
import type { LoyaltyContext } from '../loyalty/context.js';
import type { LoyaltyProvider } from '../providers/loyalty-provider.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { StorageWatch } from '../storage/storage-watch.js';
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
  storage: StorageWatch;
  backups: TillBackups;
}

export interface AppOptions {
  /** Where the built dashboard is; the server shows a hint page when it is missing. */
  dashboardDir?: string | undefined;
}

/** dist/renderer of the package this code runs from (sources, build or bundle: core/package-root.ts). */
export function defaultDashboardDir(): string {
  return path.join(packageRootOf(import.meta.url), 'dist', 'renderer');
}

/**
 * The till's HTTP app. Reads top to bottom: headers → request id → the front gate (rate limit per
 * address; the waiter API only from this machine and the allowed iikoWaiter terminals; the dashboard
 * only from this machine and its LAN) → access log → errors → the waiter API (under the configured
 * path, never from a web page) → Host check → the admin API and the dashboard (loopback, or an admin
 * session from the LAN). A waiter request goes through the same steps up to the waiter API without
 * Koa (till-app.ts: the fast path, issue 19).
 */
export function createApp(core: AppServices, options: AppOptions = {}): TillApp {
  const settings = () => core.settings.get();
  const waiterPath = waiterPathMatcher(() => settings().server.path);
  const waiter = waiterApi({
    loyalty: core.loyalty,
    keys: core.keys,
    clock: core.clock,
    version: core.version,
    onWaiterRequest: () => {
      core.activity.waiterRequested(core.clock.now());
    },
  });
  const toTheWaiterApi: Step[] = [
    securityHeaders((path) => waiterPath.matches(path)),
    requestId(),
    frontGate({
      waiterPath,
      allowedCallers: () => settings().server.allowedRanges,
      language: () => settings().language,
      refusedCallers: core.activity.refusedCallers,
      tally: core.activity.refusals,
      now: () => core.clock.now(),
      onRefusedCaller: (_address, message, route) => core.events.tell('request.refused', { route, message }),
    }),
    accessLog(core.logger, core.activity.refusals),
    errorHandler({
      language: () => settings().language,
      // Told, not only recorded: on a full disk the feed cannot keep them, and the answer must still go out.
      onRefusal: (route, message, where) => {
        core.events.tell('request.refused', { route, message }, { orderId: where.orderId });
      },
      onServerError: (route, error, requestId) => {
        core.events.tell('server.error', { route, message: error.message, requestId });
      },
      storageTrouble: (error) => core.storage.report(error, 'request'),
    }),
    mountAtWaiterPath(waiterPath, refuseBrowsers(waiter.serve)),
  ];
  const app = new TillApp({ waiterPath, steps: toTheWaiterApi });
  app.silent = true;
  for (const step of toTheWaiterApi) app.use(step);

  // DNS rebinding only matters where the browser on this machine is trusted: the dashboard and its
  // API. The waiter API trusts no browser, and iikoWaiter may name the till by a DNS name.
  app.use(hostHeaderGuard());
  const sessions = new AdminSessions();
  const nowMs = () => core.clock.now().getTime();
  app.use(adminAccess({ settings, sessions, nowMs }));
  for (const router of [sessionRoutes({ settings, sessions, lockout: new AdminLockout(), nowMs }), eventsRoutes(core), settingsRoutes(core), ordersRoutes(core), setupRoutes(core), backupRoutes(core), waiterCashRoutes(core), shiftRoutes(core), cloudRoutes(core), todayRoutes(core)]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  app.use(staticDashboard(options.dashboardDir ?? defaultDashboardDir()));
  return app;
}
