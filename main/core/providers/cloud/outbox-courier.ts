import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { CloudCallRecord } from '../../ledger/cloud-journal.js';
import { CloudRefusedCall, CloudUnreachableError, type GetMeBackClient } from './cloud-client.js';
import type { CloudConnection } from './cloud-connection.js';
import type { Outbox, PendingCall } from '../../ledger/outbox.js';
import { operationRequest } from './getmeback-api.js';
import { cloudReason, type CloudReason } from '../../../../shared/i18n/cloud-messages.js';
import { storedReason } from './cloud-reason.js';

export interface CourierTiming {
  /** How long one delivery may take before it counts as failed (and is tried again later). */
  deliveryTimeoutMs: number;
  /** Pause after the first failure; it doubles with each failure in a row, up to `maxRetryMs`. */
  firstRetryMs: number;
  maxRetryMs: number;
  /** Refusals (`result: "error"`) of one call after which it is parked and the courier moves on. */
  refusalsBeforeParking: number;
  /** Calls in flight at once, never two of one guest (the setting `cloud.deliveriesInFlight`). */
  deliveriesInFlight: number;
  /**
   * How long an answer may wait for the others still out before the answers are committed: each
   * commit is an fsync that holds the event loop (and the waiters) for a few ms, so the answers
   * share one. Answers commit at once when every call out has answered or a waiter needs one.
   */
  answersShareCommitMs: number;
}

/**
 * How one send ended, as its guest's next send depends on it. `reason` is what the «Облако» screen
 * says of it in the manager's language; `text` the same in the till's technical English (the log).
 */
type Outcome =
  | { kind: 'delivered' }
  /** `byGetMeBack`: its own answer refusing the operation, not a call the till could not get through. */
  | { kind: 'refused'; reason: CloudReason; text: string; byGetMeBack: boolean }
  | { kind: 'failed'; reason: CloudReason; text: string; neverArrived: boolean }
  /** The till is closing: the send stays counted as unanswered, since the cloud may have got it. */
  | { kind: 'cancelled' };

/** A send the cloud has answered (or not), waiting for its outcome to be committed with the others'. */
interface Finished {
  call: PendingCall;
  outcome: Outcome;
  journal: CloudCallRecord | null;
  /** Sent while the cloud seemed away (one call at a time, to find out whether it is back). */
  probe: boolean;
}

/** One guest's run of failures: its next call waits until `until` (`performance.now()`). */
interface GuestBackoff {
  failures: number;
  until: number;
}

/**
 * Guests whose last delivery `touchedSince` remembers exactly. A balance read lasts seconds; in that
 * time a drain touches a few thousand guests at most, and one forgotten earlier only costs a read again.
 */
export const TOUCHES_KEPT = 10_000;

/** Where the courier was when a balance was asked for: see `touchedSince`. */
export interface DeliveryMark {
  seq: number;
  inFlightGuests: readonly string[];
}

/**
 * Delivers the outbox to the cloud, several guests at once and each guest's calls in order:
 * up to `deliveriesInFlight` calls are out together, never two of one guest, and a guest's next
 * call leaves only once the one before it is acknowledged (its `invoice_num` lets the cloud tell a
 * repeat) and marked delivered. A failed call holds back only its own guest, who waits longer after
 * each failure in a row and then sends the same call again; the other guests go on. When calls go
 * unanswered twice in a row the cloud itself seems away: the courier then sends one call at a time,
 * waiting longer each time, until the cloud answers. A call the cloud answers but refuses
 * `refusalsBeforeParking` times is parked; the same guest's later calls wait behind it (see
 * `Outbox.next`). A restarted till resumes from the table.
 *
 * Commits (each an fsync): the sends picked together are marked as sent in one, before they leave;
 * the outcomes, with their journal lines and the next sends' marks, in another, once every call out
 * has answered, or `answersShareCommitMs` after the first answer, or at once when a waiter waits for
 * a guest whose answer is in (see `settled`): a busy drain makes a few fsyncs a second, not hundreds.
 */
export class OutboxCourier {
  private seq = 0;
  /** The last `seq` at which each recently touched guest's delivery started or ended, oldest first; at most `TOUCHES_KEPT`. */
  private readonly lastTouch = new Map<string, number>();
  /** The newest `seq` among the guests forgotten from `lastTouch` (0: none forgotten). */
  private forgottenUpTo = 0;
  private readonly inFlight = new Map<string, { settled: Promise<void>; settle: () => void }>();
  private readonly backoff = new Map<string, GuestBackoff>();
  /** Sends in a row that got no answer (the cloud answering anything, a refusal too, resets it). */
  private unansweredInRow = 0;
  private pausedUntil = 0;
  /**
   * The `performance.now()` the last pick judged the waits by. The pause counts from it, not from
   * its own later now: a timer may fire a fraction of a millisecond before the wait it was set for
   * ends, and a wait that ran out between the pick and the pause must still wake the courier.
   */
  private pickedAt = 0;
  private finished: Finished[] = [];
  /** The commit of `finished` to come: at the next turn of the event loop, or after the wait for the others. */
  private commitSoon: NodeJS.Immediate | null = null;
  /** Guests whose next calls wait for a waiter's read (`hold`), with how many holds each. */
  private readonly held = new Map<string, number>();
  private commitLater: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly stop = new AbortController();
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly outbox: Outbox,
    private readonly client: GetMeBackClient,
    private readonly connection: CloudConnection,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly timing: CourierTiming,
    private readonly journal: (record: CloudCallRecord) => void,
    /** Told after outcomes are committed, with how many calls the cloud acknowledged. */
    private readonly moved: (delivered: number) => void = () => undefined,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** New calls were committed: deliver them now, unless the courier is waiting out the cloud. */
  callsAdded(): void {
    this.wake();
  }

  /** The cloud is back (another call reached it) or a person put a call back in line: stop waiting. */
  cloudIsBack(): void {
    this.pausedUntil = 0;
    for (const guest of this.backoff.values()) guest.until = 0;
    this.wake();
  }

  mark(): DeliveryMark {
    return { seq: this.seq, inFlightGuests: [...this.inFlight.keys()] };
  }

  /**
   * Whether a delivery changing this guest's balance overlapped the time since `mark`. A balance
   * the cloud reported in that time may or may not include it, so it must be asked for again.
   */
  touchedSince(mark: DeliveryMark, guestId: string): boolean {
    if (mark.inFlightGuests.includes(guestId)) return true;
    const touched = this.lastTouch.get(guestId);
    // A guest forgotten since the mark may have been touched after it: say so, and the balance is read again.
    return touched === undefined ? this.forgottenUpTo > mark.seq : touched > mark.seq;
  }

  /** Resolves when the guest's delivery under way (if any) is over: its answer committed, if it is in, without waiting for the others. */
  settled(guestId: string): Promise<void> {
    const delivery = this.inFlight.get(guestId);
    if (!delivery) return Promise.resolve();
    if (this.finished.some(({ call }) => call.guestId === guestId)) this.commitAtOnce();
    return delivery.settled;
  }

  /**
   * Keeps a guest's next calls from leaving until `release` is called (a waiter's read of that
   * guest, repeated because a delivery overlapped it: without the hold, each commit sends the
   * guest's next queued call and every repeat overlaps again). Holds of one guest add up.
   */
  hold(guestId: string): () => void {
    this.held.set(guestId, (this.held.get(guestId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(guestId) ?? 1) - 1;
      if (left > 0) this.held.set(guestId, left);
      else this.held.delete(guestId);
      this.wake();
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stop.abort();
    this.wake();
    await this.loop;
  }

  private wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      this.woken = false;
      try {
        this.sendWhatCanGo();
      } catch (error) {
        // The courier must outlive any surprise (a busy database, say): log it and try again later.
        this.log.error({ err: error }, 'GetMeBack courier failed');
        this.pausedUntil = performance.now() + this.timing.firstRetryMs;
      }
      await this.pause();
    }
    await Promise.all([...this.inFlight.values()].map((delivery) => delivery.settled));
  }

  /** Picks the oldest calls that may leave now, marks them as sent in one commit, and sends them. */
  private sendWhatCanGo(): void {
    const probing = this.unansweredInRow > 0;
    for (const call of this.pickAndMark()) this.send(call, probing);
  }

  /**
   * The oldest calls that may leave now (the guests' heads, none of a guest with a call out or
   * waiting after a failure), marked as sent: to be sent once the transaction this runs in commits.
   */
  private pickAndMark(): PendingCall[] {
    const now = performance.now();
    this.pickedAt = now;
    if (this.closed || now < this.pausedUntil) return [];
    const room = (this.unansweredInRow > 0 ? 1 : this.timing.deliveriesInFlight) - this.inFlight.size;
    if (room <= 0) return [];
    const busy = new Set(this.inFlight.keys());
    for (const [guestId, guest] of this.backoff) if (guest.until > now) busy.add(guestId);
    for (const guestId of this.held.keys()) busy.add(guestId);
    const calls: PendingCall[] = [];
    while (calls.length < room) {
      const call = this.outbox.next(busy);
      if (!call) break;
      calls.push(call);
      busy.add(call.guestId);
    }
    if (calls.length > 0) this.outbox.markSending(calls.map((call) => call.id));
    return calls;
  }

  private send(call: PendingCall, probe: boolean): void {
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    this.inFlight.set(call.guestId, { settled, settle });
    this.touch(call.guestId);
    let journal: CloudCallRecord | null = null;
    const finish = (outcome: Outcome) => {
      this.finished.push({ call, outcome, journal, probe });
      // Every call out has answered (`inFlight` keeps answered calls until their commit), or the till is closing.
      if (this.finished.length >= this.inFlight.size || this.closed) this.commitAtOnce();
      else this.commitLater ??= setTimeout(() => this.commitAtOnce(), this.timing.answersShareCommitMs);
    };
    this.client
      .ask(operationRequest(call.body), {
        deadline: performance.now() + this.timing.deliveryTimeoutMs,
        repeatable: false,
        retryDelayMs: 0,
        signal: this.stop.signal,
        journal: (record) => (journal = record),
      })
      .then(
        (answer) =>
          finish(
            answer.result === 'ok'
              ? { kind: 'delivered' }
              : {
                kind: 'refused',
                reason: cloudReason('refused', { message: answer.message ?? null }),
                text: `the cloud refused operation ${call.key}: ${answer.message ?? 'no reason given'}`,
                byGetMeBack: true,
              },
          ),
        (error: unknown) =>
          finish(
            this.closed
              ? { kind: 'cancelled' }
              : error instanceof CloudRefusedCall
                ? { kind: 'refused', reason: error.reason, text: error.message, byGetMeBack: false }
                : failure(error),
          ),
      );
  }

  /**
   * Commits the outcomes that arrived in this turn with their journal lines, lets their guests go
   * on, and in the same commit marks the calls that leave next: one fsync for the lot.
   */
  private commitAtOnce(): void {
    if (this.commitLater) clearTimeout(this.commitLater);
    this.commitLater = null;
    this.commitSoon ??= setImmediate(() => this.commitOutcomes());
  }

  private commitOutcomes(): void {
    this.commitSoon = null;
    if (this.commitLater) clearTimeout(this.commitLater);
    this.commitLater = null;
    const batch = this.finished;
    this.finished = [];
    if (batch.length === 0) return;
    const at = this.clock.now().toISOString();
    let next: PendingCall[] = [];
    try {
      next = this.outbox.together(() => {
        const parked = batch.map(({ call, outcome, journal }) => {
          if (journal) this.journal(journal);
          return this.record(call, outcome, at);
        });
        batch.forEach((finished, index) => this.learn(finished, parked[index] === true));
        for (const { call } of batch) this.inFlight.get(call.guestId)?.settle();
        for (const { call } of batch) this.inFlight.delete(call.guestId);
        return this.pickAndMark();
      });
    } catch (error) {
      // Nothing of the batch is written: each call is still pending (and counted as perhaps sent),
      // so it is sent again under the same key and the cloud takes it once; its guest waits a while.
      this.log.error({ err: error }, 'GetMeBack courier could not record what the cloud answered');
      for (const { call } of batch) {
        const failures = (this.backoff.get(call.guestId)?.failures ?? 0) + 1;
        this.backoff.set(call.guestId, { failures, until: performance.now() + this.retryDelay(failures) });
        this.inFlight.get(call.guestId)?.settle();
        this.inFlight.delete(call.guestId);
      }
    }
    // The calls marked in the commit leave first: nothing told after it may keep them from going.
    const probing = this.unansweredInRow > 0;
    for (const call of next) this.send(call, probing);
    for (const { call, outcome } of batch) {
      this.touch(call.guestId);
      // After the commit: the connection's change is an event of the feed, written in a commit of its own.
      // GetMeBack's own refusal of the operation; one the client read as a refused call (an HTTP
      // 4xx: the address or the key, most likely) it has told the connection itself.
      if (outcome.kind === 'refused' && outcome.byGetMeBack) this.tell(() => this.connection.refused(outcome.text, 'operation'), 'the cloud refusing an operation');
    }
    this.tell(() => this.moved(batch.filter(({ outcome }) => outcome.kind === 'delivered').length), 'how far the outbox has moved');
    this.wake();
  }

  /**
   * Tells the rest of the till about a committed outcome. What it writes (the feed's event of the
   * connection) can fail on a full or read-only disk: that is logged, never thrown out of the
   * courier's turn, which runs on its own (an uncaught error there would stop the till).
   */
  private tell(news: () => void, what: string): void {
    try {
      news();
    } catch (error) {
      this.log.error({ err: error }, `GetMeBack courier could not record ${what}`);
    }
  }

  /** Writes one outcome (inside the batch's transaction); says whether the call is now parked. */
  private record(call: PendingCall, outcome: Outcome, at: string): boolean {
    if (outcome.kind === 'delivered') this.outbox.markDelivered(call.id, at);
    if (outcome.kind === 'failed') {
      this.outbox.markFailed(call.id, storedReason(outcome.reason, outcome.text), this.nextAttemptAt(call.guestId), outcome.neverArrived);
    }
    if (outcome.kind === 'refused') {
      const stored = storedReason(outcome.reason, outcome.text);
      return this.outbox.markRefused(call.id, stored, this.nextAttemptAt(call.guestId), this.timing.refusalsBeforeParking, at);
    }
    return false;
  }

  /** What an outcome says about the guest and about the cloud: who waits, and for how long. */
  private learn({ call, outcome, probe }: Finished, parked: boolean): void {
    const details = { invoiceNum: call.key, kind: call.kind, attempts: call.attempts + 1 };
    if (outcome.kind === 'cancelled') return;
    if (outcome.kind === 'delivered') {
      this.unansweredInRow = 0;
      this.backoff.delete(call.guestId);
      this.log.info(details, 'GetMeBack received an operation');
      return;
    }
    if (outcome.kind === 'refused') {
      this.unansweredInRow = 0;
      const refusal = { ...details, guestId: call.guestId, error: outcome.text };
      if (parked) {
        this.backoff.delete(call.guestId);
        this.log.error(refusal, 'GetMeBack keeps refusing an operation: parked, not sent again until a person resolves it');
        return;
      }
      this.log.warn(refusal, 'GetMeBack refused an operation; will retry');
    } else {
      // The first unanswered send may be this call's own trouble; one more in a row, the cloud's.
      this.unansweredInRow = probe ? this.unansweredInRow + 1 : Math.max(this.unansweredInRow, 1);
      if (this.unansweredInRow > 1) this.pausedUntil = performance.now() + this.retryDelay(this.unansweredInRow - 1);
      this.log.warn({ ...details, error: outcome.text }, 'GetMeBack delivery failed; will retry');
    }
    const failures = (this.backoff.get(call.guestId)?.failures ?? 0) + 1;
    this.backoff.set(call.guestId, { failures, until: performance.now() + this.retryDelay(failures) });
  }

  private nextAttemptAt(guestId: string): string {
    const failures = (this.backoff.get(guestId)?.failures ?? 0) + 1;
    return new Date(this.clock.now().getTime() + this.retryDelay(failures)).toISOString();
  }

  private retryDelay(failuresInRow: number): number {
    const exponent = Math.max(0, failuresInRow - 1);
    return Math.min(this.timing.maxRetryMs, this.timing.firstRetryMs * 2 ** Math.min(exponent, 30));
  }

  private touch(guestId: string): void {
    this.seq += 1;
    // Deleted first, so that the map stays ordered from the oldest touch to the newest.
    this.lastTouch.delete(guestId);
    this.lastTouch.set(guestId, this.seq);
    if (this.lastTouch.size > TOUCHES_KEPT) {
      const [oldest, seq] = this.lastTouch.entries().next().value as [string, number];
      this.lastTouch.delete(oldest);
      this.forgottenUpTo = seq;
    }
  }

  /** How many guests' touches are remembered (for tests: the memory stays bounded). */
  get touchesKept(): number {
    return this.lastTouch.size;
  }

  /**
   * Waits until something may let a call leave: a delivery over, new calls, the cloud back, close,
   * or the end of the pause or of a guest's wait (the earliest of them).
   */
  private pause(): Promise<void> {
    if (this.closed || this.woken) return Promise.resolve();
    const judgedAt = this.pickedAt;
    const waits = [...this.backoff.values()].map((guest) => guest.until);
    if (this.pausedUntil > judgedAt) waits.push(this.pausedUntil);
    const until = Math.min(...waits.filter((at) => at > judgedAt));
    return new Promise<void>((resolve) => {
      const timer = Number.isFinite(until) ? setTimeout(done, Math.max(0, until - performance.now())) : null;
      this.wakeUp = done;
      function done(): void {
        if (timer) clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.wakeUp = null;
    });
  }
}

/** A send that got no usable answer: the client's reason (people's) beside its text (the log's). */
function failure(error: unknown): Outcome {
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof CloudUnreachableError) return { kind: 'failed', reason: error.reason, text, neverArrived: error.neverArrived };
  return { kind: 'failed', reason: cloudReason('other', { message: text }), text, neverArrived: false };
}
