import type { Texts } from '../i18n/texts.js';

/** A waiter's display name, or a stand-in the manager can replace (waiters are known by a PIN hash). */
export function waiterName(waiter: { id: string; name: string | null }, t: Texts): string {
  return waiter.name?.trim() ? waiter.name : t.cash.unnamed(waiter.id);
}
