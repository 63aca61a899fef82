import type { Settings } from '../../../shared/settings/schema.js';
import type { Clock } from '../clock.js';
import type { EventBus } from '../events/event-bus.js';
import type { TillDatabase } from '../ledger/database.js';
import type { Logger } from '../logger.js';
import { CloudProvider } from './cloud/cloud-provider.js';
import { EmbeddedLoyaltyBook } from './embedded-book.js';
import type { LoyaltyProvider } from './loyalty-provider.js';

export interface ProviderDeps {
  db: TillDatabase;
  settings: () => Settings;
  logger: Logger;
  clock: Clock;
  /** Where a provider announces going offline and back (`provider.status`). */
  events: EventBus;
}

/** The provider the settings choose. Switching provider takes effect at the next start. */
export function createProvider(deps: ProviderDeps): LoyaltyProvider {
  const settings = deps.settings();
  if (settings.provider === 'cloud') return new CloudProvider(deps);
  return new EmbeddedLoyaltyBook(deps.db);
}
