import type { Settings } from '../../../shared/settings/schema.js';
import type { Clock } from '../clock.js';
import type { TillDatabase } from '../ledger/database.js';
import type { Logger } from '../logger.js';
import { EmbeddedLoyaltyBook } from './embedded-book.js';
import type { LoyaltyProvider } from './loyalty-provider.js';

export interface ProviderDeps {
  db: TillDatabase;
  settings: () => Settings;
  logger: Logger;
  clock: Clock;
}

/** The provider the settings choose. Switching provider takes effect at the next start. */
export function createProvider(deps: ProviderDeps): LoyaltyProvider {
  const settings = deps.settings();
  if (settings.provider === 'cloud') {
    throw new Error('The GetMeBack cloud provider is not available in this build; choose the embedded loyalty book.');
  }
  return new EmbeddedLoyaltyBook(deps.db);
}
