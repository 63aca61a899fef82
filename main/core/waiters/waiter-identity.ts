import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { TillDatabase } from '../ledger/database.js';
import { anyWaiterByPin, rememberWaiter, renameWaiter, storedWaiterName, waiterName } from '../ledger/waiters.js';

/** PINs whose ids are remembered at most: a restaurant has tens of waiters; a flood of guesses only empties the memo. */
export const PIN_MEMO_SIZE = 256;

/**
 * A waiter is known by a keyed hash of the PIN, never the PIN: the key is a per-install secret kept
 * outside the database (`till.key`, see till-key.ts), so the same PIN on another till gives another
 * id, and a copy of till.db or a backup does not give PINs to a dictionary of 10 000 guesses.
 */
export class WaiterIdentity {
  private readonly secret: KeyObject;
  /**
   * PIN → id, so the HMAC (a twentieth of a check-in's cost, by --cpu-prof) runs once per waiter,
   * not once per request. Only in this process's memory, where each request's PIN already passes.
   */
  private readonly idsByPin = new Map<string, string>();
  /**
   * Waiters already in the table, as committed: a known waiter costs no write per request. Filled
   * only outside a transaction (one that rolls back would leave a waiter here who is not in the table).
   */
  private readonly known = new Map<string, string | null>();

  constructor(
    private readonly db: TillDatabase,
    secret: Buffer,
  ) {
    this.secret = createSecretKey(secret);
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

  /**
   * Whether a PIN's waiter is on the till's list (the embedded book's waiters, or one recorded with
   * a payment). With the embedded book a PIN that is not is refused: see the waiter API.
   */
  isKnown(id: string): boolean {
    if (this.known.has(id)) return true;
    const name = storedWaiterName(this.db, id);
    if (name === undefined) return false;
    // Asked on every check-in by PIN: a waiter found outside a transaction is committed, and the
    // till never deletes a waiter, so the answer is kept (one read per waiter, not per request).
    if (!this.db.inTransaction) this.known.set(id, name);
    return true;
  }

  /** Whether the till knows any waiter by PIN (a book with waiters was loaded). */
  knowsPins(): boolean {
    return anyWaiterByPin(this.db);
  }

  /**
   * Records a waiter the till has not seen; a name is kept only if none was given before. Inside a
   * payment's transaction the table is asked (a read), and only a commit makes the waiter known here.
   */
  remember(id: string, name: string | null, at: string): void {
    const nameKnown = (known: string | null | undefined) => known !== undefined && (name === null || known !== null);
    if (nameKnown(this.known.get(id))) return;
    if (this.db.inTransaction) {
      if (!nameKnown(storedWaiterName(this.db, id))) rememberWaiter(this.db, id, name, at);
      return;
    }
    rememberWaiter(this.db, id, name, at);
    this.known.set(id, this.nameOf(id));
  }

  rename(id: string, name: string): boolean {
    const renamed = renameWaiter(this.db, id, name);
    if (renamed && !this.db.inTransaction) this.known.set(id, name);
    return renamed;
  }

  nameOf(id: string | null): string | null {
    if (!id) return null;
    return waiterName(this.db, id);
  }
}
