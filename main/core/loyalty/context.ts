import type { Settings } from '../../../shared/settings/schema.js';
import type { Clock } from '../clock.js';
import type { EventBus } from '../events/event-bus.js';
import type { TillDatabase } from '../ledger/database.js';
import type { GroupCommit } from '../ledger/group-commit.js';
import type { LoyaltyProvider } from '../providers/loyalty-provider.js';
import type { WaiterIdentity } from '../waiters/waiter-identity.js';

/** What every loyalty operation works with. */
export interface LoyaltyContext {
  db: TillDatabase;
  /** Payments that arrive together are committed together: one fsync (ledger/group-commit.ts). */
  groupCommit: GroupCommit;
  provider: LoyaltyProvider;
  events: EventBus;
  clock: Clock;
  waiters: WaiterIdentity;
  settings: () => Settings;
}

/** Who is asking: the waiter (if the request named one) and the language of the answer. */
export interface WaiterRequest {
  waiterId: string | null;
}
