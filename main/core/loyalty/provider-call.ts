import { ProviderUnavailableError } from '../providers/loyalty-provider.js';
import { Refusal } from './refusal.js';

/** A provider that cannot answer becomes a popup for the waiter, never a 500. */
export async function askProvider<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asRefusal(error);
  }
}

/**
 * `askProvider` for a call a provider may answer at once (`LoyaltyProvider.lookup`): an answer given
 * at once is returned as it is, with no promise, so the caller goes on without yielding.
 */
export function askProviderAtOnce<T>(call: () => T | Promise<T>): T | Promise<T> {
  let answer: T | Promise<T>;
  try {
    answer = call();
  } catch (error) {
    throw asRefusal(error);
  }
  return answer instanceof Promise ? askProvider(() => answer) : answer;
}

function asRefusal(error: unknown): unknown {
  return error instanceof ProviderUnavailableError ? new Refusal('providerUnavailable') : error;
}
