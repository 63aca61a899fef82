/**
 * A hand-in whose confirmation went unanswered: the till may have recorded it. Kept per waiter (in
 * this tab's sessionStorage, so a reload keeps it too) until the till answers it, so that the dialog
 * opened again for that waiter repeats the same hand-in under the same key — recorded once — instead
 * of starting a new one with a fresh key, which the till would record a second time.
 */
export interface UnansweredHandIn {
  idempotencyKey: string;
  amount: number;
  note: string;
  recordedBy: string;
}

/** Where they are kept: sessionStorage in the browser; a Map where there is none (tests). */
export interface KeptValues {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'gmb.unanswered-hand-in.';

function memory(): KeptValues {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value), removeItem: (key) => void values.delete(key) };
}

const kept: KeptValues = typeof sessionStorage === 'undefined' ? memory() : sessionStorage;

export function unansweredHandIn(waiterId: string, store: KeptValues = kept): UnansweredHandIn | null {
  const text = store.getItem(PREFIX + waiterId);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<UnansweredHandIn>;
    if (typeof value.idempotencyKey !== 'string' || !Number.isSafeInteger(value.amount)) return null;
    return { idempotencyKey: value.idempotencyKey, amount: value.amount as number, note: value.note ?? '', recordedBy: value.recordedBy ?? '' };
  } catch {
    return null;
  }
}

export function keepUnansweredHandIn(waiterId: string, handIn: UnansweredHandIn, store: KeptValues = kept): void {
  store.setItem(PREFIX + waiterId, JSON.stringify(handIn));
}

/** The till answered it (recorded, or refused with what it had recorded): nothing left to repeat. */
export function forgetUnansweredHandIn(waiterId: string, store: KeptValues = kept): void {
  store.removeItem(PREFIX + waiterId);
}
