import type { TillDatabase } from './database.js';
import { atomically } from './transaction.js';

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

/**
 * The field of a refund's call body that names the call it refunds (getmeback-api.ts writes it):
 * a refund of a call that was dropped is dropped too, never sent (`Outbox.add`, `settleOperation`).
 */
export const REFUND_OF_FIELD = 'refund_invoice_num';

/** The call a refund's call refunds (null for any other call). */
function refundOfCall(call: CloudCall): string | null {
  const refundOf = call.body[REFUND_OF_FIELD];
  return (call.kind === 'refund' || call.kind === 'gift_refund') && typeof refundOf === 'string' ? refundOf : null;
}

/**
 * The note of a refund's call dropped with the payment it refunds: the payment's call and the note
 * of the person who dropped it (null when the till dropped the refund's call as it was recorded).
 * Kept as JSON in `settled_note`, where a person's note is plain text (read back by outbox-desk.ts).
 */
export function droppedWithPaymentNote(paymentKey: string, note: string | null): string {
  return JSON.stringify({ droppedWithPayment: paymentKey, note });
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
 * What a refund gives back is not added by the till to a cloud guest's balance. That reaches the
 * cloud only by the refund's own call (or a person in the GetMeBack cabinet, for one listed by hand),
 * which is ours alone and may be refused; so the guest sees it when the cloud's own balance has it —
 * never before, never twice — and it is left out of what the till recorded, of what the cloud
 * acknowledged and of an unanswered call's gains alike (counted in one and not another, a profile
 * read before the refund and used after it would count it). What a refund takes off (the accrual
 * reversed) counts as any other call's entries. A guest's refund calls are few: they are found by
 * their own index and their returns taken off the sums, rather than every entry tested.
 */
const REFUND_RETURNS_SQL = (outboxCondition: string) => `(SELECT COALESCE(SUM(e.amount), 0) FROM outbox o INDEXED BY outbox_refunds
    JOIN guest_entries e ON e.guest_id = o.guest_id AND ${ENTRY_CALL_KEY_SQL} = o.operation_id
    WHERE o.guest_id = +@guest AND o.kind IN ('refund', 'gift_refund') AND e.amount > 0 AND ${outboxCondition})`;

/**
 * A guest's calls that may have reached the cloud unacknowledged, and the gains they carry. Asked at
 * every read of a guest from the cloud (each check-in). `manual = 0` adds nothing (a call listed for
 * manual reconciliation is never sent, so never unanswered) but lets SQLite take the guest's open
 * calls from their partial index (`outbox_open_by_guest`) instead of walking every undelivered call
 * of every guest: during a backlog of 10 000 calls that walk was the check-in's largest cost.
 */
export const UNCONFIRMED_SQL = `SELECT COUNT(*) AS calls, COALESCE(SUM(MAX(0, amount)), 0) AS gains FROM (
    SELECT o.id, COALESCE(SUM(e.amount), 0) AS amount FROM outbox o
    LEFT JOIN guest_entries e ON o.operation_id = ${ENTRY_CALL_KEY_SQL} AND e.guest_id = o.guest_id
      AND NOT (o.kind IN ('refund', 'gift_refund') AND e.amount > 0)
    WHERE o.guest_id = +? AND o.delivered_at IS NULL AND o.settled_at IS NULL AND o.manual = 0 AND o.unanswered > 0 GROUP BY o.id)`;

/**
 * The till's status reads these two at every ask (the dashboard, the tray, /health), also while a
 * backlog waits: each names its index. The open calls are counted from their partial index (no row
 * read per call: 0.3 ms for 10 000 against 1.2); the parked ones from theirs (2 µs against 2.9 ms,
 * when the planner walked every undelivered call).
 */
export const PENDING_SQL =
  'SELECT COUNT(*) AS n FROM outbox INDEXED BY outbox_open_by_guest WHERE delivered_at IS NULL AND settled_at IS NULL AND manual = 0';
export const PARKED_SQL = `SELECT COUNT(*) AS count, (SELECT last_error FROM outbox INDEXED BY outbox_parked
    WHERE parked_at IS NOT NULL AND delivered_at IS NULL AND settled_at IS NULL ORDER BY id DESC LIMIT 1) AS lastError
  FROM outbox INDEXED BY outbox_parked WHERE parked_at IS NOT NULL AND delivered_at IS NULL AND settled_at IS NULL`;

/** Operations parked after repeated refusals, and why the last of them was refused. */
export interface ParkedCalls {
  count: number;
  lastError: string | null;
}

/**
 * The `outbox` table: calls to deliver in order (by id), each marked delivered exactly once when
 * the cloud acknowledges it. A restarted till just reads what is still pending.
 *
 * `unanswered` counts sends of a call whose answer never came (a timeout, a dropped connection, a
 * till closed mid-call): the cloud may have applied it, so its guest's cloud balance is uncertain
 * until the call is acknowledged. It is raised before each send and lowered only when the cloud
 * answers with a refusal or certainly never got the request. A call the cloud keeps refusing is
 * parked: never sent again automatically, and every later call of the same guest waits behind it.
 */
export class Outbox {
  private readonly statements;

  constructor(private readonly db: TillDatabase) {
    this.statements = {
      add: db.prepare(
        `INSERT INTO outbox (operation_id, kind, guest_id, payload, created_at, manual) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (operation_id) DO NOTHING`,
      ),
      // A refund's call of a dropped call: recorded settled as dropped, never sent (see `add`).
      addDropped: db.prepare(
        `INSERT INTO outbox (operation_id, kind, guest_id, payload, created_at, manual, settled_at, settled_note, settled_outcome)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'dropped')
         ON CONFLICT (operation_id) DO NOTHING`,
      ),
      dropped: db.prepare(`SELECT 1 AS dropped FROM outbox WHERE operation_id = +? AND settled_outcome = 'dropped'`),
      // The oldest open call of a guest not named in the JSON array ?, and only if it is that guest's
      // oldest open call (so a guest's calls leave in order, and a parked one holds back the rest).
      next: db.prepare(
        `SELECT id, operation_id, kind, guest_id, payload, attempts FROM outbox o
         WHERE delivered_at IS NULL AND parked_at IS NULL AND settled_at IS NULL AND manual = 0
           AND IFNULL(o.guest_id, '') NOT IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.guest_id = o.guest_id AND p.id < o.id
                           AND p.delivered_at IS NULL AND p.settled_at IS NULL AND p.manual = 0)
         ORDER BY id LIMIT 1`,
      ),
      sending: db.prepare('UPDATE outbox SET unanswered = unanswered + 1 WHERE id = ?'),
      delivered: db.prepare('UPDATE outbox SET delivered_at = ?, last_error = NULL WHERE id = ? AND delivered_at IS NULL'),
      failed: db.prepare(
        'UPDATE outbox SET attempts = attempts + 1, unanswered = unanswered - ?, last_error = ?, next_attempt_at = ? WHERE id = ?',
      ),
      refused: db.prepare(
        `UPDATE outbox SET attempts = attempts + 1, unanswered = unanswered - 1, refusals = refusals + 1,
           last_error = ?, next_attempt_at = ?, parked_at = CASE WHEN refusals + 1 >= ? THEN ? END
         WHERE id = ? RETURNING parked_at`,
      ),
      pending: db.prepare(PENDING_SQL),
      parked: db.prepare(PARKED_SQL),
      recorded: db.prepare(
        `SELECT (SELECT COALESCE(SUM(e.amount), 0) FROM guest_entries e
           JOIN outbox o ON o.operation_id = ${ENTRY_CALL_KEY_SQL} WHERE e.guest_id = +@guest AND o.settled_outcome IS NOT 'dropped')
         - ${REFUND_RETURNS_SQL("o.settled_outcome IS NOT 'dropped'")} AS total`,
      ),
      acknowledged: db.prepare(
        `SELECT (SELECT COALESCE(SUM(e.amount), 0) FROM guest_entries e
           JOIN outbox o ON o.operation_id = ${ENTRY_CALL_KEY_SQL} WHERE e.guest_id = +@guest AND o.delivered_at IS NOT NULL)
         - ${REFUND_RETURNS_SQL('o.delivered_at IS NOT NULL')} AS total`,
      ),
      unconfirmed: db.prepare(UNCONFIRMED_SQL),
    };
  }

  /**
   * `manual`: listed for a person to reconcile with the cloud by hand, never sent (refunds, by the setting).
   * A refund's call of a call a person dropped (the cloud never got that payment or gift, so it cannot
   * refund it) is recorded already settled as dropped, with a note naming that call: never sent, and
   * its entries (the accrual reversed) not counted in the guest's balance (`recordedFor`). Says which.
   */
  add(call: CloudCall, createdAt: string, manual = false): 'queued' | 'droppedWithPayment' {
    const refundOf = refundOfCall(call);
    const payload = JSON.stringify(call.body);
    if (refundOf !== null && this.statements.dropped.get(refundOf) !== undefined) {
      this.statements.addDropped.run(call.key, call.kind, call.guestId, payload, createdAt, manual ? 1 : 0, createdAt, droppedWithPaymentNote(refundOf, null));
      return 'droppedWithPayment';
    }
    this.statements.add.run(call.key, call.kind, call.guestId, payload, createdAt, manual ? 1 : 0);
    return 'queued';
  }

  /**
   * The oldest call to send of a guest not in `busyGuests`: its guest's oldest open call, not
   * parked (a parked call holds back its guest's later ones, and so does one still being sent).
   */
  next(busyGuests: Iterable<string> = []): PendingCall | null {
    const row = this.statements.next.get(JSON.stringify([...busyGuests])) as
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

  /** Written (one commit for all) before the calls leave, so that a till stopped mid-call still knows they may have arrived. */
  markSending(ids: readonly number[]): void {
    this.together(() => {
      for (const id of ids) this.statements.sending.run(id);
    });
  }

  /** Runs `work` (marks of this outbox, journal lines) as one commit: each commit is an fsync. */
  together<T>(work: () => T): T {
    return atomically(this.db, work);
  }

  markDelivered(id: number, at: string): void {
    this.statements.delivered.run(at, id);
  }

  /** No answer came; `neverArrived` when the request certainly did not reach the cloud (connection refused, name not found). */
  markFailed(id: number, error: string, nextAttemptAt: string, neverArrived: boolean): void {
    this.statements.failed.run(neverArrived ? 1 : 0, error, nextAttemptAt, id);
  }

  /** The cloud answered and refused the call. Parks it on refusal number `parkAfter`; says whether it did. */
  markRefused(id: number, error: string, nextAttemptAt: string, parkAfter: number, at: string): boolean {
    const row = this.statements.refused.get(error, nextAttemptAt, parkAfter, at, id) as { parked_at: string | null } | undefined;
    return row?.parked_at != null;
  }

  /** Calls not yet acknowledged, parked ones included (not those settled by hand or listed for manual reconciliation). */
  pendingCount(): number {
    return (this.statements.pending.get() as { n: number }).n;
  }

  parked(): ParkedCalls {
    return this.statements.parked.get() as ParkedCalls;
  }

  /** Kopecks of every guest entry the till has recorded for the cloud, delivered or not (REFUND_RETURNS_SQL). */
  recordedFor(guestId: string): number {
    return (this.statements.recorded.get({ guest: guestId }) as { total: number }).total;
  }

  /** Kopecks of the guest entries the cloud has acknowledged: its balance already counts them (REFUND_RETURNS_SQL). */
  acknowledgedFor(guestId: string): number {
    return (this.statements.acknowledged.get({ guest: guestId }) as { total: number }).total;
  }

  /**
   * The guest's calls that may have reached the cloud unacknowledged (null: none). `gains` is what
   * they would add to the guest's balance, each counted only if it adds: taking it out of the
   * cloud's balance can never leave the guest more than the guest has, applied or not.
   */
  unconfirmedFor(guestId: string): { gains: number } | null {
    const row = this.statements.unconfirmed.get(guestId) as { calls: number; gains: number };
    return row.calls > 0 ? { gains: row.gains } : null;
  }
}
