import { readFileSync } from 'node:fs';
import type Koa from 'koa';
import { systemClock, type Clock } from './clock.js';
import { EventBus } from './events/event-bus.js';
import { openTillDatabase, type TillDatabase } from './ledger/database.js';
import { IdempotencyKeys } from './ledger/idempotency-keys.js';
import { silentLogger, type Logger } from './logger.js';
import type { LoyaltyContext } from './loyalty/context.js';
import { createProvider, type ProviderDeps } from './providers/create-provider.js';
import { DEMO_BOOK } from './providers/demo-book.js';
import type { LoyaltyProvider } from './providers/loyalty-provider.js';
import { importSeed, readSeedFile } from './providers/seed-file.js';
import { createApp } from './server/create-app.js';
import { SettingsService } from './settings/settings-service.js';
import type { SettingsStore } from './settings/settings-store.js';
import { WaiterIdentity } from './waiters/waiter-identity.js';

export interface CoreOptions {
  dataDir: string;
  settingsStore: SettingsStore;
  /** This run's command-line settings: they win over stored ones and are not saved. */
  overrides?: ConstructorParameters<typeof SettingsService>[1];
  /** Upserted into the embedded loyalty book at start-up (PROTOCOL.md §6). */
  seedFile?: string;
  /** Load the demo book when the loyalty book is empty and no seed is given (default true). */
  demoBook?: boolean;
  /** Replaces the provider the settings choose (tests). */
  provider?: (deps: ProviderDeps) => LoyaltyProvider;
  logger?: Logger;
  clock?: Clock;
  /** Where the built dashboard is; the server shows a hint page when it is missing. */
  dashboardDir?: string;
}

export interface TillCore {
  readonly version: string;
  readonly dataDir: string;
  readonly db: TillDatabase;
  readonly settings: SettingsService;
  readonly events: EventBus;
  readonly provider: LoyaltyProvider;
  readonly waiters: WaiterIdentity;
  readonly keys: IdempotencyKeys;
  readonly loyalty: LoyaltyContext;
  readonly logger: Logger;
  readonly clock: Clock;
  /** What the host and the waiter API have seen, for the dashboard and the tray. */
  readonly activity: TillActivity;
  /** The Koa app: the waiter API, the admin API and the dashboard. Listening is the host's job. */
  readonly app: Koa;
  close(): Promise<void>;
}

export interface TillActivity {
  lastWaiterRequestAt: string | null;
  listening: { host: string; port: number } | null;
  /** The port the host wanted but found taken by another program. */
  portInUse: number | null;
}

export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('package.json', findPackageRoot()), 'utf8')) as { version: string }
).version;

function findPackageRoot(): URL {
  // Works from main/core (tsx, vitest) and from dist/main/core (the built Electron app).
  const here = new URL('.', import.meta.url);
  return here.pathname.includes('/dist/') ? new URL('../../../', here) : new URL('../../', here);
}

/**
 * The one core both hosts run: the Electron main process and `npm run server` call this alike.
 */
export function createCore(options: CoreOptions): TillCore {
  const logger = options.logger ?? silentLogger();
  const clock = options.clock ?? systemClock;
  const settings = new SettingsService(options.settingsStore, options.overrides);
  const db = openTillDatabase(options.dataDir);
  try {
    const waiters = new WaiterIdentity(db);
    const events = new EventBus(db, clock);
    const at = clock.now().toISOString();
    if (options.seedFile) importSeed(db, readSeedFile(options.seedFile), waiters, at);
    else if (options.demoBook !== false && isBookEmpty(db)) importSeed(db, DEMO_BOOK, waiters, at);

    const providerDeps: ProviderDeps = { db, settings: () => settings.get(), logger, clock, events };
    const provider = options.provider ? options.provider(providerDeps) : createProvider(providerDeps);
    const keys = new IdempotencyKeys(db);
    keys.prune(clock.now());
    const loyalty: LoyaltyContext = { db, provider, events, clock, waiters, settings: () => settings.get() };
    settings.onChange((change) => {
      events.record('settings.changed', { keys: change.changedKeys, restartNeeded: change.restartNeeded });
    });

    const core: Omit<TillCore, 'app'> & { app?: Koa } = {
      version: APP_VERSION,
      dataDir: options.dataDir,
      db,
      settings,
      events,
      provider,
      waiters,
      keys,
      loyalty,
      logger,
      clock,
      activity: { lastWaiterRequestAt: null, listening: null, portInUse: null },
      async close() {
        await provider.close();
        db.close();
      },
    };
    core.app = createApp(core as TillCore, { dashboardDir: options.dashboardDir });
    return core as TillCore;
  } catch (error) {
    db.close();
    throw error;
  }
}

function isBookEmpty(db: TillDatabase): boolean {
  return (db.prepare('SELECT COUNT(*) AS n FROM book_guests').get() as { n: number }).n === 0;
}
