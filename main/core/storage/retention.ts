import type { RetentionSettings } from '../../../shared/settings/schema.js';
import type { Clock } from '../clock.js';
import type { TillDatabase } from '../ledger/database.js';
import type { IdempotencyKeys } from '../ledger/idempotency-keys.js';
import { pruneFeedEvents } from '../ledger/retention.js';
import type { Logger } from '../logger.js';
import type { StorageWatch } from './storage-watch.js';

export interface RetentionDeps {
  db: TillDatabase;
  keys: IdempotencyKeys;
  settings: () => { retention: RetentionSettings };
  clock: Clock;
  logger: Logger;
  storage?: StorageWatch;
}

const DAY_MS = 86_400_000;

/**
 * What the till forgets, and when: at start and once a day (an unref'd timer), idempotency keys past
 * their 30 days and feed events past `settings.retention.feedDays`. Money records — orders, payments,
 * refunds, holds, guests' entries, the cash book — are never pruned: balances and debts are their sums.
 */
export class Retention {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: RetentionDeps) {}

  /** Prunes now; how many rows went. A disk that refuses the delete is told to the storage watch, never thrown. */
  prune(): { keys: number; events: number } {
    const now = this.deps.clock.now();
    const feedCutoff = new Date(now.getTime() - this.deps.settings().retention.feedDays * DAY_MS).toISOString();
    try {
      const pruned = { keys: this.deps.keys.prune(now), events: pruneFeedEvents(this.deps.db, feedCutoff) };
      if (pruned.keys + pruned.events > 0) this.deps.logger.info(pruned, 'pruned past their retention');
      return pruned;
    } catch (error) {
      if (this.deps.storage?.report(error, 'work') == null) throw error;
      return { keys: 0, events: 0 };
    }
  }

  startDaily(everyMs = DAY_MS): void {
    this.stopDaily();
    this.timer = setInterval(() => this.prune(), everyMs);
    this.timer.unref();
  }

  stopDaily(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
