import type { LiveSignal, TillEvent, TillEventPayloads, TillEventType } from '../../../shared/events.js';
import type { Clock } from '../clock.js';
import type { TillDatabase } from '../ledger/database.js';
import { eventHistory, insertEvent, newestEventId } from '../ledger/events.js';
import { storageTroubleOf } from '../ledger/storage-trouble.js';
import type { AfterCommit } from '../ledger/transaction.js';

export type TillEventListener = (event: TillEvent) => void;
export type LiveSignalListener = (signal: LiveSignal) => void;

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
export class EventBus implements AfterCommit {
  private readonly listeners = new Set<TillEventListener>();
  private readonly signalListeners = new Set<LiveSignalListener>();
  private pending: TillEvent[] = [];

  constructor(
    private readonly db: TillDatabase,
    private readonly clock: Clock,
  ) {}

  /** Records an event. Inside a transaction it is announced by `flush` after the commit. */
  record<T extends TillEventType>(type: T, data: TillEventPayloads[T], context: EventContext = {}): TillEvent {
    const unsaved = this.eventOf(0, type, data, context);
    const event = { ...unsaved, id: insertEvent(this.db, unsaved) } as TillEvent;
    this.pending.push(event);
    if (!this.db.inTransaction) this.flush();
    return event;
  }

  /**
   * Records an event outside any transaction, and when the disk refuses it (full, read-only) still
   * tells the listeners (the dashboard, the tray): the cashier must hear of a full disk although the
   * feed cannot keep it. Such an event lives only on screen; its id sits just after the newest
   * stored one (a half), so it never takes the id of an event stored later.
   */
  tell<T extends TillEventType>(type: T, data: TillEventPayloads[T], context: EventContext = {}): TillEvent {
    try {
      return this.record(type, data, context);
    } catch (error) {
      if (storageTroubleOf(error) === null) throw error;
      const event = this.eventOf(newestEventId(this.db) + 0.5, type, data, context);
      this.announce([event]);
      return event;
    }
  }

  /** Announces what the last committed transaction recorded. */
  flush(): void {
    const events = this.pending;
    this.pending = [];
    this.announce(events);
  }

  private announce(events: readonly TillEvent[]): void {
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

  private eventOf<T extends TillEventType>(id: number, type: T, data: TillEventPayloads[T], context: EventContext): TillEvent {
    return {
      id,
      at: this.clock.now().toISOString(),
      type,
      orderId: context.orderId ?? null,
      waiterId: context.waiterId ?? null,
      waiterName: context.waiterName ?? null,
      data,
    } as TillEvent;
  }

  /** Forgets what a rolled-back transaction recorded. */
  discard(): void {
    this.pending = [];
  }

  /** How many events wait for the commit. */
  waiting(): number {
    return this.pending.length;
  }

  /** Forgets the events recorded after `mark` (a payment of a group commit rolled back to its savepoint). */
  discardAfter(mark: number): void {
    this.pending.length = Math.min(mark, this.pending.length);
  }

  /** Tells the open dashboards a live signal (nothing is stored). */
  signal(signal: LiveSignal): void {
    for (const listener of this.signalListeners) {
      try {
        listener(signal);
      } catch {
        // A closed SSE socket must not stop the courier that signals.
      }
    }
  }

  /** Whether anyone hears live signals: with no dashboard open, nothing needs to be counted for them. */
  signalsHeard(): boolean {
    return this.signalListeners.size > 0;
  }

  onSignal(listener: LiveSignalListener): () => void {
    this.signalListeners.add(listener);
    return () => this.signalListeners.delete(listener);
  }

  subscribe(listener: TillEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Newest first, `limit` events older than `beforeId` (or, with `afterId`, the `limit` events just
   * newer than it), optionally of some types only.
   */
  history(options: { beforeId?: number; afterId?: number; limit?: number; types?: readonly TillEventType[] } = {}): TillEvent[] {
    return eventHistory(this.db, {
      beforeId: options.beforeId ?? Number.MAX_SAFE_INTEGER,
      afterId: options.afterId ?? 0,
      limit: Math.min(Math.max(options.limit ?? 100, 1), 500),
      types: options.types ?? [],
    });
  }
}
