import type { TillEvent, TillEventPayloads, TillEventType } from '../../../shared/events.js';
import type { Clock } from '../clock.js';
import type { TillDatabase } from '../ledger/database.js';

export type TillEventListener = (event: TillEvent) => void;

interface EventContext {
  orderId?: string | null;
  waiterId?: string | null;
  waiterName?: string | null;
}

/**
 * The feed of what happens at the till. An event is written in the same transaction as the change
 * it describes, so the feed never shows a payment that was rolled back; listeners (the dashboard's
 * SSE stream, the tray) hear it only once that transaction has committed.
 */
export class EventBus {
  private readonly listeners = new Set<TillEventListener>();
  private pending: TillEvent[] = [];
  private readonly insert;

  constructor(
    private readonly db: TillDatabase,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare(
      'INSERT INTO events (at, type, order_id, waiter_id, payload) VALUES (?, ?, ?, ?, ?) RETURNING id',
    );
  }

  /** Records an event. Inside a transaction it is announced by `flush` after the commit. */
  record<T extends TillEventType>(type: T, data: TillEventPayloads[T], context: EventContext = {}): TillEvent {
    const at = this.clock.now().toISOString();
    const row = this.insert.get(at, type, context.orderId ?? null, context.waiterId ?? null, JSON.stringify({
      data,
      waiterName: context.waiterName ?? null,
    })) as { id: number };
    const event = {
      id: row.id,
      at,
      type,
      orderId: context.orderId ?? null,
      waiterId: context.waiterId ?? null,
      waiterName: context.waiterName ?? null,
      data,
    } as TillEvent;
    this.pending.push(event);
    if (!this.db.inTransaction) this.flush();
    return event;
  }

  /** Announces what the last committed transaction recorded. */
  flush(): void {
    const events = this.pending;
    this.pending = [];
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch {
          // A broken listener (a closed SSE socket) must not undo or block a committed payment.
        }
      }
    }
  }

  /** Forgets what a rolled-back transaction recorded. */
  discard(): void {
    this.pending = [];
  }

  subscribe(listener: TillEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Newest first, `limit` events older than `beforeId`, optionally of some types only. */
  history(options: { beforeId?: number; limit?: number; types?: readonly TillEventType[] } = {}): TillEvent[] {
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
    const params: (string | number)[] = [options.beforeId ?? Number.MAX_SAFE_INTEGER];
    let typeFilter = '';
    if (options.types && options.types.length > 0) {
      typeFilter = ` AND type IN (${options.types.map(() => '?').join(',')})`;
      params.push(...options.types);
    }
    params.push(limit);
    const rows = this.db
      .prepare(
        `SELECT id, at, type, order_id, waiter_id, payload FROM events WHERE id < ?${typeFilter} ORDER BY id DESC LIMIT ?`,
      )
      .all(...params) as { id: number; at: string; type: TillEventType; order_id: string | null; waiter_id: string | null; payload: string }[];
    return rows.map((row) => {
      const payload = JSON.parse(row.payload) as { data: unknown; waiterName: string | null };
      return {
        id: row.id,
        at: row.at,
        type: row.type,
        orderId: row.order_id,
        waiterId: row.waiter_id,
        waiterName: payload.waiterName,
        data: payload.data,
      } as TillEvent;
    });
  }
}

/** Runs `work` in one SQLite transaction; events it records are announced only if it commits. */
export function inTransaction<T>(db: TillDatabase, events: EventBus, work: () => T): T {
  try {
    const result = db.transaction(work)();
    events.flush();
    return result;
  } catch (error) {
    events.discard();
    throw error;
  }
}
