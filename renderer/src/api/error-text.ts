import type { Texts } from '../i18n/texts.js';
import { ApiError } from './client.js';

/**
 * What a person reads when a request to the till failed: for a refusal, the till's own `Message`
 * (already in the manager's language); for anything else — the browser's `TypeError("Failed to
 * fetch")`, a connection dropped mid-answer — the catalogue's "the till did not answer", never the
 * browser's English words.
 */
export function errorText(caught: unknown, texts: Pick<Texts, 'error'>): string {
  return caught instanceof ApiError ? caught.message : texts.error.noAnswer;
}
