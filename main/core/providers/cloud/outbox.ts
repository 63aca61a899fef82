import type { TillDatabase } from '../../ledger/database.js';

/**
 * One call the GetMeBack cloud must receive, written in the same transaction as the payment or
 * refund that caused it. Its key is the cloud's `invoice_num`, so the cloud can tell a repeat.
 */
export interface CloudCall {
  key: string;
  kind: string;
  /** The guest whose balance the call changes. */
  guestId: string;
  /** The call's body in the cloud's own field names, without the API key (added when sending). */
  body: Record<string, unknown>;
}

export interface PendingCall extends CloudCall {
  id: number;
  attempts: number;
}

/**
 * The key of the call that carries a guest entry to the cloud. A payment's or refund's bonus and
 * accrual entries travel in one call keyed by the operation id; each gift in its own call.
 * `ENTRY_CALL_KEY_SQL` must say the same thing in SQL.
 */
export function bonusCallKey(operationId: string): string {
  return operationId;
}

export function giftCallKey(operationId: string, voucherId: string): string {
  return `${operationId}:gift:${voucherId}`;
}

const ENTRY_CALL_KEY_SQL = `CASE WHEN e.kind IN ('gift_writeoff', 'gift_return')
  THEN e.operation_id || ':gift:' || e.voucher_id ELSE e.operation_id END`;

/**
 * The `outbox` table: calls to deliver in order (by id), each marked delivered exactly once when
 * the cloud acknowledges it. A restarted till just reads what is still pending.
 */
export class Outbox {
  private readonly statements;

  constructor(db: TillDatabase) {
    this.statements = {
      add: db.prepare(
        `INSERT INTO outbox (operation_id, kind, guest_id, payload, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (operation_id) DO NOTHING`,
      ),
      next: db.prepare(
        'SELECT id, operation_id, kind, guest_id, payload, attempts FROM outbox WHERE delivered_at IS NULL ORDER BY id LIMIT 1',
      ),
      delivered: db.prepare('UPDATE outbox SET delivered_at = ?, last_error = NULL WHERE id = ? AND delivered_at IS NULL'),
      failed: db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?'),
      pending: db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL'),
      recorded: db.prepare(
        `SELECT COALESCE(SUM(e.amount), 0) AS total FROM guest_entries e
         JOIN outbox o ON o.operation_id = ${ENTRY_CALL_KEY_SQL} WHERE e.guest_id = ?`,
      ),
      acknowledged: db.prepare(
        `SELECT COALESCE(SUM(e.amount), 0) AS total FROM guest_entries e
         JOIN outbox o ON o.operation_id = ${ENTRY_CALL_KEY_SQL} WHERE e.guest_id = ? AND o.delivered_at IS NOT NULL`,
      ),
    };
  }

  add(call: CloudCall, createdAt: string): void {
    this.statements.add.run(call.key, call.kind, call.guestId, JSON.stringify(call.body), createdAt);
  }

  next(): PendingCall | null {
    const row = this.statements.next.get() as
      | { id: number; operation_id: string; kind: string; guest_id: string; payload: string; attempts: number }
      | undefined;
    if (!row) return null;
    return {
      id: row.id,
      key: row.operation_id,
      kind: row.kind,
      guestId: row.guest_id,
      body: JSON.parse(row.payload) as Record<string, unknown>,
      attempts: row.attempts,
    };
  }

  markDelivered(id: number, at: string): void {
    this.statements.delivered.run(at, id);
  }

  markFailed(id: number, error: string, nextAttemptAt: string): void {
    this.statements.failed.run(error, nextAttemptAt, id);
  }

  pendingCount(): number {
    return (this.statements.pending.get() as { n: number }).n;
  }

  /** Kopecks of every guest entry the till has recorded for the cloud, delivered or not. */
  recordedFor(guestId: string): number {
    return (this.statements.recorded.get(guestId) as { total: number }).total;
  }

  /** Kopecks of the guest entries the cloud has acknowledged: its balance already counts them. */
  acknowledgedFor(guestId: string): number {
    return (this.statements.acknowledged.get(guestId) as { total: number }).total;
  }
}
