import { readFileSync } from 'node:fs';
import path from 'node:path';
import { backupsIn, TillBackups } from './backups/till-backups.js';
import { BACKUP_FOLDER } from './ledger/backup.js';
import { integrityOf } from './ledger/integrity.js';
import { noteVerifiedClose, takeVerifiedClose } from './ledger/verified-close.js';
import { systemClock, type Clock } from './clock.js';
import { EventBus } from './events/event-bus.js';
import { checkpointAndClose, openTillDatabase, type TillDatabase } from './ledger/database.js';
import { IdempotencyKeys } from './ledger/idempotency-keys.js';
import { GroupCommit, type DeferCommit } from './ledger/group-commit.js';
import { isBookEmpty } from './ledger/loyalty-book.js';
import { silentLogger, whenLogWriteFails, type Logger } from './logger.js';
import { packageRootOf } from './package-root.js';
import { Retention } from './storage/retention.js';
import { StorageWatch } from './storage/storage-watch.js';
import type { LoyaltyContext } from './loyalty/context.js';
import { IdleReservationSweep } from './loyalty/idle-reservations.js';
import { createProvider, type ProviderDeps } from './providers/create-provider.js';
import { DEMO_BONUS_PAYMENT_TYPE } from '../../shared/settings/demo.js';
import { DEMO_BOOK } from './providers/demo-book.js';
import type { LoyaltyProvider } from './providers/loyalty-provider.js';
import { importSeed, readSeedFile } from './providers/seed-file.js';
import { SettingsService } from './settings/settings-service.js';
import type { SettingsStore } from './settings/settings-store.js';
import { TillActivity } from './till-activity.js';
import { loadTillKey, NEW_KEY_VARIABLE, type KeyWrapper } from './waiters/till-key.js';
import { WaiterIdentity } from './waiters/waiter-identity.js';

/** The settings by which the provider is reached: a change may end what the cloud refused (reachChanged). */
const PROVIDER_REACH_KEYS = new Set(['cloud.accountUrl', 'cloud.apiKey', 'cloud.apiVersion', 'cloud.anyHost']);

export interface CoreOptions {
  dataDir: string;
  settingsStore: SettingsStore;
  /** This run's command-line settings: they win over stored ones and are not saved. */
  overrides?: ConstructorParameters<typeof SettingsService>[1];
  /** Upserted into the embedded loyalty book at start-up (README, Loyalty providers). */
  seedFile?: string;
  /** Load the demo book when the loyalty book is empty and no seed is given (default true). */
  demoBook?: boolean;
  /** Replaces the provider the settings choose (tests). */
  provider?: (deps: ProviderDeps) => LoyaltyProvider;
  logger?: Logger;
  clock?: Clock;
  /** Protects the till's key file (the desktop app: Electron's safeStorage). */
  keyWrapper?: KeyWrapper;
  /** Start with a new key where this database's is missing or another (`GMB_NEW_TILL_KEY=1`; waiters' PINs then load again). */
  allowNewTillKey?: boolean;
  /** When a group commit of payments runs (tests hold one open); by default at the end of the event loop's turn. */
  deferCommit?: DeferCommit;
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
  /** Daily, at close and on demand; the last one is shown on the setup screen. */
  readonly backups: TillBackups;
  readonly loyalty: LoyaltyContext;
  readonly logger: Logger;
  readonly clock: Clock;
  /** What the host and the waiter API have seen, for the dashboard and the tray. */
  readonly activity: TillActivity;
  /** The disk under the data folder: a full or read-only disk is told once per episode, and passes. */
  readonly storage: StorageWatch;
  /** Feed events and idempotency keys past their retention go at start and daily. */
  readonly retention: Retention;
  close(): Promise<void>;
  /**
   * The close when the computer's session ends (the desktop shell's session-end.ts): synchronous up
   * to the database's close — the timers stopped, the payments waiting for their group commit
   * committed, the WAL merged into till.db, the database closed — and without the shutdown backup,
   * which may not fit in the seconds Windows grants (so no note of a verified close is left either:
   * the next start runs its full check). Returns the provider's close: the courier stops at once, a
   * call it has out stays pending in the outbox and goes again under the same key at the next start.
   */
  closeAtOnce(): Promise<void>;
}

export const APP_VERSION: string = (
  JSON.parse(readFileSync(path.join(packageRootOf(import.meta.url), 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * At a start after anything but a clean close (a power cut may have hit the disk under SQLite):
 * `PRAGMA integrity_check`; a damaged file stops the start with a message naming the newest backup to
 * restore. After a clean close the shutdown backup's check of the same pages vouches for the file
 * (ledger/verified-close.ts).
 */
function assertDatabaseWhole(db: TillDatabase, dataDir: string): void {
  const integrity = integrityOf(db);
  if (integrity === 'ok') return;
  const folder = path.join(dataDir, BACKUP_FOLDER);
  const newest = backupsIn(folder).at(-1);
  const restore = newest ? path.join(folder, newest.name) : null;
  throw new Error(
    `The till's database is damaged (${integrity}). ` +
      (restore ? `Restore the latest backup: npm run restore -- "${restore}" (${newest?.at}). ` : 'There is no backup to restore. ') +
      `/ База GetMeBack Till повреждена. ` +
      (restore ? `Восстановите последнюю резервную копию (${newest?.at}): npm run restore -- "${restore}".` : 'Резервных копий нет.'),
  );
}

/**
 * The one core both hosts run: the Electron main process and `npm run server` call this alike.
 * It returns services; each host builds its HTTP app from them (`server/create-app.ts`) and listens.
 */
export function createCore(options: CoreOptions): TillCore {
  const logger = options.logger ?? silentLogger();
  const clock = options.clock ?? systemClock;
  const settings = new SettingsService(options.settingsStore, options.overrides);
  const verifiedClose = takeVerifiedClose(options.dataDir);
  const db = openTillDatabase(options.dataDir);
  try {
    if (verifiedClose) logger.info(verifiedClose, 'the till closed cleanly with a checked backup: the full check at start is skipped');
    else assertDatabaseWhole(db, options.dataDir);
    const secret = loadTillKey(options.dataDir, db, options.keyWrapper, { allowNewKey: options.allowNewTillKey ?? process.env[NEW_KEY_VARIABLE] === '1' });
    const waiters = new WaiterIdentity(db, secret);
    const events = new EventBus(db, clock);
    const at = clock.now().toISOString();
    if (options.seedFile) importSeed(db, readSeedFile(options.seedFile), waiters, at);
    else if (options.demoBook !== false && isBookEmpty(db)) {
      importSeed(db, DEMO_BOOK, waiters, at);
      // The demo shows a bonus payment too: a demo Bonus payment type, marked as demo on the setup
      // screen. Only on this first load: once the manager clears or replaces it, it stays so.
      if (settings.getStored().bonusPaymentTypeId === '') settings.update({ bonusPaymentTypeId: DEMO_BONUS_PAYMENT_TYPE });
    }

    const providerDeps: ProviderDeps = { db, settings: () => settings.get(), logger, clock, events };
    const provider = options.provider ? options.provider(providerDeps) : createProvider(providerDeps);
    const keys = new IdempotencyKeys(db, secret);
    const groupCommit = new GroupCommit(db, options.deferCommit);
    const loyalty: LoyaltyContext = { db, groupCommit, provider, events, clock, waiters, settings: () => settings.get() };
    const storage = new StorageWatch({ events, clock, logger, dataDir: options.dataDir });
    whenLogWriteFails(logger, (error) => storage.report(error, 'log'));
    const retention = new Retention({ db, keys, settings: () => settings.get(), clock, logger, storage });
    retention.prune();
    retention.startDaily();
    const idleOrders = new IdleReservationSweep(loyalty, { logger, storage });
    idleOrders.sweep();
    idleOrders.startHourly();
    const backups = new TillBackups({ db, dataDir: options.dataDir, settings: () => settings.get(), events, clock, logger, storage });
    backups.startDaily();
    settings.onChange((change) => {
      events.record('settings.changed', { keys: change.changedKeys, restartNeeded: change.restartNeeded });
      if (change.changedKeys.some((key) => PROVIDER_REACH_KEYS.has(key))) provider.reachChanged?.();
    });

    const activity = new TillActivity(logger);
    const stopTimers = () => {
      activity.close();
      storage.stop();
      retention.stopDaily();
      idleOrders.stop();
      backups.stopDaily();
    };
    return {
      version: APP_VERSION,
      dataDir: options.dataDir,
      db,
      settings,
      events,
      provider,
      waiters,
      keys,
      backups,
      loyalty,
      logger,
      clock,
      activity,
      storage,
      retention,
      async close() {
        stopTimers();
        await provider.close();
        groupCommit.commitWaiting();
        // A clean shutdown leaves a fresh, verified copy (a failure is an event and a log line), and
        // with it the note that lets the next start skip its own full check.
        const verified = await backups.backUp('shutdown');
        db.close();
        if (!verified) return;
        try {
          noteVerifiedClose(options.dataDir, { at: verified.at, backup: path.basename(verified.file) });
        } catch (error) {
          // No note (a full disk, say): the next start checks the whole file, as after a crash.
          logger.warn({ err: error }, 'could not leave the note of a verified close');
        }
      },
      closeAtOnce() {
        let providerClosed: Promise<void> = Promise.resolve();
        const steps: [string, () => void][] = [
          ['stopping the timers', stopTimers],
          ['closing the provider', () => void (providerClosed = provider.close())],
          ['committing the waiting payments', () => groupCommit.commitWaiting()],
          ['closing the database', () => logger.info({ ...checkpointAndClose(db), closed: !db.open }, 'the session is ending: the database closed at once, without the shutdown backup')],
        ];
        // Each step whatever the one before did: a database left open is what this close is for.
        for (const [what, step] of steps) {
          try {
            step();
          } catch (error) {
            logger.error({ err: error }, `at the end of the session: ${what} failed`);
          }
        }
        return providerClosed;
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
