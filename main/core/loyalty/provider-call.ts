import { ProviderUnavailableError } from '../providers/loyalty-provider.js';
import { Refusal } from './refusal.js';

/** A provider that cannot answer becomes a popup for the waiter, never a 500. */
export async function askProvider<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ProviderUnavailableError) throw new Refusal('providerUnavailable');
    throw error;
  }
}
