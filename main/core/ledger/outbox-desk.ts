import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';
import { atomically } from './transaction.js';
import { REFUND_OF_FIELD, droppedWithPaymentNote } from './outbox.js';

/** How a person settled an operation: the cloud has it (applied there, or by hand), or it is dropped for good. */
export type SettledOutcome = 'applied' | 'dropped';

/** One outbox operation as the outbox screen shows it. */
export interface OutboxLine {
  id: number;
  invoiceNum: string;
  kind: string;
  guestId: string | null;
  createdAt: string;
  attempts: number;
  /** What the cloud (or the network) last said about it, as stored (the courier's encoded reason, or an older till's text). */
  lastError: string | null;
  /** `pending`: being delivered; `parked`: refused repeatedly, waits for a person; `manual`: to reconcile by hand; `delivered`/`settled`: done. */
  state: 'pending' | 'parked' | 'manual' | 'delivered' | 'settled';
  /** Sent at least once without an answer: the cloud may have applied it, so the guest's balance is uncertain. */
  uncertain: boolean;
  parkedAt: string | null;
  deliveredAt: string | null;
  /** `withPayment`: dropped because the cloud never got the payment it refunds (see `REFUND_OF_FIELD`); `by` empty when the till did it at once. */
  settled: { at: string; by: string; note: string; outcome: SettledOutcome; withPayment: string | null } | null;
  /** The call's body as it would be sent (the key is never in it). */
  body: Record<string, unknown>;
}

interface OutboxRow {
  id: number;
  operation_id: string;
  kind: string;
  guest_id: string | null;
  created_at: string;
  attempts: number;
  last_error: string | null;
  unanswered: number;
  parked_at: string | null;
  delivered_at: string | null;
  manual: number;
  settled_at: string | null;
  settled_by: string | null;
  settled_note: string | null;
  settled_outcome: SettledOutcome | null;
  payload: string;
}

const COLUMNS = `id, operation_id, kind, guest_id, created_at, attempts, last_error, unanswered, parked_at, delivered_at, manual,
  settled_at, settled_by, settled_note, settled_outcome, payload`;

function toLine(row: OutboxRow): OutboxLine {
  const open = row.delivered_at === null && row.settled_at === null;
  const state: OutboxLine['state'] = row.settled_at
    ? 'settled'
    : row.delivered_at
      ? 'delivered'
      : row.manual
        ? 'manual'
        : row.parked_at
          ? 'parked'
          : 'pending';
  return {
    id: row.id,
    invoiceNum: row.operation_id,
    kind: row.kind,
    guestId: row.guest_id,
    createdAt: row.created_at,
    attempts: row.attempts,
    lastError: row.last_error,
    state,
    uncertain: open && row.unanswered > 0,
    parkedAt: row.parked_at,
    deliveredAt: row.delivered_at,
    settled: row.settled_at
      ? { at: row.settled_at, by: row.settled_by ?? '', outcome: row.settled_outcome ?? 'applied', ...readSettledNote(row) }
      : null,
    body: JSON.parse(row.payload) as Record<string, unknown>,
  };
}

/**
 * A person's note as typed, or the note `droppedWithPaymentNote` wrote (JSON) read back — only on a
 * refund's call dropped, naming the very call it refunds: a note a person typed in that shape on
 * another row is shown as typed, never as a refund dropped with its payment.
 */
function readSettledNote(row: OutboxRow): { note: string; withPayment: string | null } {
  const stored = row.settled_note ?? '';
  const refundDropped = row.settled_outcome === 'dropped' && (row.kind === 'refund' || row.kind === 'gift_refund');
  if (refundDropped && stored.startsWith('{"droppedWithPayment":')) {
    try {
      const parsed = JSON.parse(stored) as { droppedWithPayment?: unknown; note?: unknown };
      const refunds = (JSON.parse(row.payload) as Record<string, unknown>)[REFUND_OF_FIELD];
      if (typeof parsed.droppedWithPayment === 'string' && parsed.droppedWithPayment === refunds) {
        return { note: typeof parsed.note === 'string' ? parsed.note : '', withPayment: parsed.droppedWithPayment };
      }
    } catch {
      // A person's note that only looks like one of ours: shown as typed.
    }
  }
  return { note: stored, withPayment: null };
}

/** The operations the outbox screen lists: a backlog of thousands is shown by its oldest `openShown`. */
export interface OutboxListing {
  lines: OutboxLine[];
  /** Pending and parked operations in all (the screen lists the first `openShown`). */
  openTotal: number;
  /** Guests whose balance is uncertain, and the operations (sent without an answer) that make it so. */
  uncertainGuests: { guestId: string; invoiceNums: string[] }[];
}

/**
 * The oldest `openShown` operations pending or parked, every one to reconcile by hand, then the
 * last `settledShown` settled by a person.
 */
export function outboxLines(db: TillDatabase, settledShown = 100, openShown = 200): OutboxListing {
  const open = prepared(db, `SELECT ${COLUMNS} FROM outbox WHERE delivered_at IS NULL AND settled_at IS NULL AND manual = 0 ORDER BY id LIMIT +?`).all(
    openShown,
  ) as OutboxRow[];
  const manual = prepared(db, `SELECT ${COLUMNS} FROM outbox WHERE delivered_at IS NULL AND settled_at IS NULL AND manual = 1 ORDER BY id`).all() as OutboxRow[];
  const settled = prepared(db, `SELECT ${COLUMNS} FROM outbox WHERE settled_at IS NOT NULL ORDER BY settled_at DESC, id DESC LIMIT +?`).all(
    settledShown,
  ) as OutboxRow[];
  const { openTotal } = prepared(db, 'SELECT COUNT(*) AS openTotal FROM outbox WHERE delivered_at IS NULL AND settled_at IS NULL AND manual = 0').get() as {
    openTotal: number;
  };
  const uncertain = new Map<string, string[]>();
  const unanswered = prepared(
    db,
    `SELECT guest_id, operation_id FROM outbox WHERE delivered_at IS NULL AND settled_at IS NULL AND unanswered > 0 AND guest_id IS NOT NULL ORDER BY id`,
  ).all() as { guest_id: string; operation_id: string }[];
  for (const row of unanswered) uncertain.set(row.guest_id, [...(uncertain.get(row.guest_id) ?? []), row.operation_id]);
  return {
    lines: [...open, ...manual, ...settled].map(toLine),
    openTotal,
    uncertainGuests: [...uncertain].map(([guestId, invoiceNums]) => ({ guestId, invoiceNums })),
  };
}

export function outboxLine(db: TillDatabase, id: number): OutboxLine | null {
  const row = prepared(db, `SELECT ${COLUMNS} FROM outbox WHERE id = ?`).get(id) as OutboxRow | undefined;
  return row ? toLine(row) : null;
}

/** A parked operation goes back in line, its refusals forgotten. False when it is not parked (any more). */
export function unparkOperation(db: TillDatabase, id: number): boolean {
  return (
    prepared(
      db,
      `UPDATE outbox SET parked_at = NULL, refusals = 0, next_attempt_at = NULL
       WHERE id = ? AND parked_at IS NOT NULL AND delivered_at IS NULL AND settled_at IS NULL AND manual = 0`,
    ).run(id).changes === 1
  );
}

/**
 * Every parked operation back in line (the manager changed the cloud's address, key or API version:
 * what was refused may have been refused for those). How many.
 */
export function unparkAll(db: TillDatabase): number {
  return prepared(
    db,
    `UPDATE outbox SET parked_at = NULL, refusals = 0, next_attempt_at = NULL
     WHERE parked_at IS NOT NULL AND delivered_at IS NULL AND settled_at IS NULL AND manual = 0`,
  ).run().changes;
}

/**
 * A person settles a parked operation or one listed for manual reconciliation: who, when, why and
 * how, kept for good. `applied` counts it as acknowledged by the cloud; `dropped` takes its entries
 * out of what the till adds to the cloud's balance, and in the same transaction drops every open
 * refund's call of it (`REFUND_OF_FIELD`): the cloud cannot refund what it never got, and what that
 * refund took off the guest (the accrual reversed) must not count either. Null when it is not open
 * for settling; else the refunds' calls dropped with it.
 */
export function settleOperation(
  db: TillDatabase,
  id: number,
  settlement: { at: string; by: string; note: string; outcome: SettledOutcome },
): { refundsDropped: string[] } | null {
  return atomically(db, () => {
    const settled = prepared(
      db,
      `UPDATE outbox SET settled_at = @at, settled_by = @by, settled_note = @note, settled_outcome = @outcome,
         delivered_at = CASE WHEN @outcome = 'applied' THEN @at END
       WHERE id = @id AND delivered_at IS NULL AND settled_at IS NULL AND (parked_at IS NOT NULL OR manual = 1)
       RETURNING operation_id, guest_id`,
    ).get({ ...settlement, id }) as { operation_id: string; guest_id: string | null } | undefined;
    if (!settled) return null;
    if (settlement.outcome !== 'dropped' || settled.guest_id === null) return { refundsDropped: [] };
    const refunds = prepared(
      db,
      `UPDATE outbox INDEXED BY outbox_refunds SET settled_at = @at, settled_by = @by, settled_note = @note, settled_outcome = 'dropped', delivered_at = NULL
       WHERE guest_id = +@guest AND kind IN ('refund', 'gift_refund') AND json_extract(payload, '$.${REFUND_OF_FIELD}') = +@payment
         AND delivered_at IS NULL AND settled_at IS NULL
       RETURNING operation_id`,
    ).all({
      at: settlement.at,
      by: settlement.by,
      note: droppedWithPaymentNote(settled.operation_id, settlement.note),
      guest: settled.guest_id,
      payment: settled.operation_id,
    }) as { operation_id: string }[];
    return { refundsDropped: refunds.map((refund) => refund.operation_id) };
  });
}
