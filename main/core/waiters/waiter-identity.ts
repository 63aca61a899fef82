import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { TillDatabase } from '../ledger/database.js';
import { metaValue, rememberWaiter, renameWaiter, saveMetaValue, waiterName } from '../ledger/waiters.js';

/**
 * A waiter is known by a keyed hash of the PIN, never the PIN: the key is a per-install secret kept
 * in the till's database, so the same PIN on another till gives another id and a stolen data file
 * does not reveal PINs by a dictionary of 10 000 hashes without the key (which is in the same file —
 * the hash keeps PINs out of logs, exports and the UI, not away from someone holding the whole file).
 */
/** PINs whose ids are remembered at most: a restaurant has tens of waiters; a flood of guesses only empties the memo. */
export const PIN_MEMO_SIZE = 256;

export class WaiterIdentity {
  private readonly secret: KeyObject;
  /**
   * PIN → id, so the HMAC (a twentieth of a check-in's cost, by --cpu-prof) runs once per waiter,
   * not once per request. Only in this process's memory, where each request's PIN already passes.
   */
  private readonly idsByPin = new Map<string, string>();
  /** Waiters already in the table: a known waiter costs no write (and no fsync) per request. */
  private readonly known = new Map<string, string | null>();

  constructor(private readonly db: TillDatabase) {
    this.secret = createSecretKey(loadOrCreateSecret(db));
  }

  idForPin(pin: string): string {
    const known = this.idsByPin.get(pin);
    if (known !== undefined) return known;
    const id = `pin:${createHmac('sha256', this.secret).update(pin, 'utf8').digest('hex').slice(0, 20)}`;
    if (this.idsByPin.size >= PIN_MEMO_SIZE) this.idsByPin.clear();
    this.idsByPin.set(pin, id);
    return id;
  }

  /**
   * The waiter behind a request: the PIN if given, else iiko's employee id, else nobody. Writes
   * nothing: a waiter is recorded (`remember`) only with a payment that commits, so a refused or
   * malformed request leaves no waiter behind.
   */
  identify(input: { pin?: string | undefined; iikoId?: string | undefined }): string | null {
    return input.pin ? this.idForPin(input.pin) : input.iikoId ? `iiko:${input.iikoId}` : null;
  }

  /** Records a waiter the till has not seen; a name is kept only if none was given before. */
  remember(id: string, name: string | null, at: string): void {
    if (this.known.has(id) && (name === null || this.known.get(id) !== null)) return;
    rememberWaiter(this.db, id, name, at);
    this.known.set(id, this.nameOf(id));
  }

  rename(id: string, name: string): boolean {
    const renamed = renameWaiter(this.db, id, name);
    if (renamed) this.known.set(id, name);
    return renamed;
  }

  nameOf(id: string | null): string | null {
    if (!id) return null;
    return waiterName(this.db, id);
  }
}

const PIN_KEY = 'waiter_pin_key';

function loadOrCreateSecret(db: TillDatabase): Buffer {
  const stored = metaValue(db, PIN_KEY);
  if (stored) return Buffer.from(stored, 'hex');
  const secret = randomBytes(32);
  saveMetaValue(db, PIN_KEY, secret.toString('hex'));
  return secret;
}
