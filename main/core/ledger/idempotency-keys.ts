import { createHash } from 'node:crypto';
import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

export interface StoredAnswer {
  requestHash: string;
  statusCode: number;
  body: string;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
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

  constructor(private readonly db: TillDatabase) {}

  /** The same request, whatever the order of its JSON keys or its white space, hashes the same. */
  static hashRequest(method: string, path: string, body: unknown): string {
    return createHash('sha256').update(`${method} ${path}\n${canonicalJson(body ?? null)}`).digest('hex');
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
