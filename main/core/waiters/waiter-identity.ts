import { createHmac, randomBytes } from 'node:crypto';
import type { TillDatabase } from '../ledger/database.js';

/**
 * A waiter is known by a keyed hash of the PIN, never the PIN: the key is a per-install secret kept
 * in the till's database, so the same PIN on another till gives another id and a stolen data file
 * does not reveal PINs by a dictionary of 10 000 hashes without the key (which is in the same file —
 * the hash keeps PINs out of logs, exports and the UI, not away from someone holding the whole file).
 */
export class WaiterIdentity {
  private readonly secret: Buffer;
  /** Waiters already in the table: a known waiter costs no write (and no fsync) per request. */
  private readonly known = new Map<string, string | null>();

  constructor(private readonly db: TillDatabase) {
    this.secret = loadOrCreateSecret(db);
  }

  idForPin(pin: string): string {
    return `pin:${createHmac('sha256', this.secret).update(pin, 'utf8').digest('hex').slice(0, 20)}`;
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
    this.db
      .prepare(
        `INSERT INTO waiters (id, name, first_seen_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = COALESCE(waiters.name, excluded.name)`,
      )
      .run(id, name, at);
    this.known.set(id, this.nameOf(id));
  }

  rename(id: string, name: string): boolean {
    const renamed = this.db.prepare('UPDATE waiters SET name = ? WHERE id = ?').run(name, id).changes === 1;
    if (renamed) this.known.set(id, name);
    return renamed;
  }

  nameOf(id: string | null): string | null {
    if (!id) return null;
    const row = this.db.prepare('SELECT name FROM waiters WHERE id = ?').get(id) as { name: string | null } | undefined;
    return row?.name ?? null;
  }
}

function loadOrCreateSecret(db: TillDatabase): Buffer {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'waiter_pin_key'").get() as { value: string } | undefined;
  if (row) return Buffer.from(row.value, 'hex');
  const secret = randomBytes(32);
  db.prepare("INSERT INTO meta (key, value) VALUES ('waiter_pin_key', ?)").run(secret.toString('hex'));
  return secret;
}
