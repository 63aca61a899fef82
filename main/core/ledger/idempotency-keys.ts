import { createHmac, createSecretKey, hash, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

export interface StoredAnswer {
  requestHash: string;
  statusCode: number;
  body: string;
}

/** JSON with keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A keyed hash of the request as the till acts on it (its validated body): written since 2026-12-03. */
const ACTED = 'k3:';
/** A keyed hash of the body as sent: written by earlier versions. */
const KEYED = 'k2:';
const WRAPPED = 'k1:';
/** The `meta` row that says every stored request hash of this file is keyed. */
export const HASHES_KEYED = 'idempotency.hashes_keyed';

/** The hash older versions stored (unkeyed): kept only to recognise their answers. */
export function unkeyedRequestHash(method: string, path: string, body: unknown): string {
  return hash('sha256', `${method} ${path}\n${canonicalJson(body ?? null)}`);
}

/** Whether any answer is stored (each was keyed with the till's key). */
export function anyStoredAnswer(db: TillDatabase): boolean {
  return prepared(db, 'SELECT 1 FROM idempotency_keys LIMIT 1').get() !== undefined;
}

/** Keys are kept at least this long (the starting contract asked for 7 days; a month costs a few KB: docs/protocol.md#idempotency). */
export const KEY_RETENTION_DAYS = 30;

/**
 * Exactly-once payments and refunds. An answer is stored in the same transaction as the money it
 * moved, so after a crash a key either has its answer or nothing happened. While a request runs,
 * its key is held in memory: a second request with it gets 409 rather than waiting.
 */
export class IdempotencyKeys {
  private readonly running = new Set<string>();
  /**
   * A key object, made once: HMAC with a key given as bytes builds one at every call (18–20 µs against
   * 2–3, a twentieth of a payment's CPU; issue 19).
   */
  private readonly hashKey: KeyObject;

  /**
   * `secret` is the till's key (outside the database): a stored request hash is keyed with it, so
   * the PIN inside a request body cannot be guessed back from a copy of the database.
   */
  constructor(
    private readonly db: TillDatabase,
    secret: Buffer,
  ) {
    this.hashKey = createSecretKey(createHmac('sha256', secret).update('idempotency request hash').digest());
    this.protectLegacyHashes();
  }

  /**
   * A keyed hash of the request as the till acts on it (`k3:` + HMAC-SHA256; server/routes/exactly-once.ts
   * gives its validated form): the same request, whatever the order of its JSON keys or its white
   * space, hashes the same.
   */
  hashRequest(method: string, path: string, acted: unknown): string {
    return `${ACTED}${this.keyed(unkeyedRequestHash(method, path, acted))}`;
  }

  /** Whether the stored hash is of the request as sent (written by an earlier version: `k1:`, `k2:`). */
  static ofRequestAsSent(stored: StoredAnswer): boolean {
    return !stored.requestHash.startsWith(ACTED);
  }

  /**
   * Whether a stored answer was given to this request: `request` is the form its hash was taken of
   * (the validated body for `k3:`, the body as sent for the older `k2:` and `k1:`).
   */
  matches(stored: StoredAnswer, method: string, path: string, request: unknown): boolean {
    const plain = unkeyedRequestHash(method, path, request);
    const prefix = [ACTED, KEYED, WRAPPED].find((known) => stored.requestHash.startsWith(known)) ?? ACTED;
    const expected = `${prefix}${this.keyed(plain)}`;
    const a = Buffer.from(stored.requestHash);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /**
   * Older versions stored an unkeyed SHA-256 of the body (PIN included). Each such hash is replaced
   * by a keyed hash of itself (`k1:`), so an answer stored before the upgrade still replays for the
   * same request while its key is kept, and the database no longer holds a guessable hash. The old
   * bytes are overwritten (secure_delete) and the WAL emptied.
   */
  private protectLegacyHashes(): void {
    // Once per file: the scan reads the whole table (94 ms of every start on a year's database), and
    // no version that opens this schema writes an unkeyed hash again (older ones refuse a newer schema).
    if (prepared(this.db, 'SELECT 1 FROM meta WHERE key = ?').get(HASHES_KEYED) !== undefined) return;
    const rows = prepared(this.db, `SELECT key, request_hash FROM idempotency_keys WHERE request_hash NOT LIKE 'k_:%'`).all() as {
      key: string;
      request_hash: string;
    }[];
    const markDone = () => prepared(this.db, "INSERT INTO meta (key, value) VALUES (?, 'yes') ON CONFLICT (key) DO NOTHING").run(HASHES_KEYED);
    if (rows.length === 0) {
      markDone();
      return;
    }
    const secure = this.db.pragma('secure_delete', { simple: true }) as number;
    this.db.pragma('secure_delete = ON');
    try {
      const update = prepared(this.db, 'UPDATE idempotency_keys SET request_hash = ? WHERE key = ?');
      this.db.transaction(() => {
        for (const row of rows) update.run(`${WRAPPED}${this.keyed(row.request_hash)}`, row.key);
        markDone();
      })();
    } finally {
      this.db.pragma(`secure_delete = ${secure ? 'ON' : 'OFF'}`);
    }
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  private keyed(text: string): string {
    return createHmac('sha256', this.hashKey).update(text).digest('hex');
  }

  /** Whether a request with this key is running now. */
  isRunning(key: string): boolean {
    return this.running.has(key);
  }

  /** false when a request with this key is already running. */
  begin(key: string): boolean {
    if (this.running.has(key)) return false;
    this.running.add(key);
    return true;
  }

  end(key: string): void {
    this.running.delete(key);
  }

  find(key: string): StoredAnswer | null {
    const row = prepared(this.db, 'SELECT request_hash, status_code, response_body FROM idempotency_keys WHERE key = ?')
      .get(key) as { request_hash: string; status_code: number; response_body: string } | undefined;
    return row ? { requestHash: row.request_hash, statusCode: row.status_code, body: row.response_body } : null;
  }

  /** Inside the money transaction. */
  save(key: string, answer: StoredAnswer, at: string): void {
    prepared(this.db, 'INSERT INTO idempotency_keys (key, request_hash, status_code, response_body, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(key, answer.requestHash, answer.statusCode, answer.body, at);
  }

  prune(now: Date): number {
    const cutoff = new Date(now.getTime() - KEY_RETENTION_DAYS * 86_400_000).toISOString();
    return prepared(this.db, 'DELETE FROM idempotency_keys WHERE created_at < ?').run(cutoff).changes;
  }
}
