import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { CloudUnreachableError, type GetMeBackClient } from './cloud-client.js';
import type { CloudConnection } from './cloud-connection.js';
import type { Outbox, PendingCall } from '../../ledger/outbox.js';
import { operationRequest } from './getmeback-api.js';

export interface CourierTiming {
  /** How long one delivery may take before it counts as failed (and is tried again later). */
  deliveryTimeoutMs: number;
  /** Pause after the first failure; it doubles with each failure in a row, up to `maxRetryMs`. */
  firstRetryMs: number;
  maxRetryMs: number;
  /** Refusals (`result: "error"`) of one call after which it is parked and the courier moves on. */
  refusalsBeforeParking: number;
}

/** How one send ended: acknowledged, to be tried again, or parked for a person to look at. */
type Delivery = 'delivered' | 'failed' | 'parked';

/** Where the courier was when a balance was asked for: see `touchedSince`. */
export interface DeliveryMark {
  seq: number;
  inFlightGuest: string | null;
}

/**
 * Delivers the outbox to the cloud one call at a time, in order: a call is sent again only until
 * the cloud acknowledges it (its `invoice_num` lets the cloud tell a repeat), then marked delivered
 * and never sent again. After a failure it waits, longer each time, and tries the same call again,
 * so nothing overtakes it while the cloud is unreachable. A call the cloud answers but refuses
 * `refusalsBeforeParking` times is parked, so that one bad call does not hold up every guest; the
 * same guest's later calls wait behind it (see `Outbox.next`). A restarted till resumes from the table.
 */
export class OutboxCourier {
  private seq = 0;
  private readonly lastTouch = new Map<string, number>();
  private inFlight: { guestId: string; settled: Promise<void> } | null = null;
  private failuresInRow = 0;
  private closed = false;
  private readonly stop = new AbortController();
  private wakeUp: (() => void) | null = null;
  private wakeOnNewCalls = true;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly outbox: Outbox,
    private readonly client: GetMeBackClient,
    private readonly connection: CloudConnection,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly timing: CourierTiming,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** New calls were committed: deliver them now, unless the courier is waiting out a failure. */
  callsAdded(): void {
    if (this.wakeOnNewCalls) this.wakeUp?.();
  }

  /** The cloud is back (another call reached it): stop waiting out the last failure. */
  cloudIsBack(): void {
    this.wakeUp?.();
  }

  mark(): DeliveryMark {
    return { seq: this.seq, inFlightGuest: this.inFlight?.guestId ?? null };
  }

  /**
   * Whether a delivery changing this guest's balance overlapped the time since `mark`. A balance
   * the cloud reported in that time may or may not include it, so it must be asked for again.
   */
  touchedSince(mark: DeliveryMark, guestId: string): boolean {
    return mark.inFlightGuest === guestId || (this.lastTouch.get(guestId) ?? -1) > mark.seq;
  }

  /** Resolves when the delivery under way (if any) is over. */
  settled(): Promise<void> {
    return this.inFlight?.settled ?? Promise.resolve();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stop.abort();
    this.wakeUp?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      try {
        const call = this.outbox.next();
        if (!call) {
          await this.pause(null);
          continue;
        }
        if ((await this.deliver(call)) !== 'failed') {
          this.failuresInRow = 0;
          continue;
        }
      } catch (error) {
        // The courier must outlive any surprise (a busy database, say): log it and try again later.
        this.log.error({ err: error }, 'GetMeBack courier failed');
      }
      if (this.closed) break;
      this.failuresInRow += 1;
      await this.pause(this.retryDelay(this.failuresInRow));
    }
  }

  private async deliver(call: PendingCall): Promise<Delivery> {
    let settle!: () => void;
    this.touch(call.guestId);
    this.inFlight = { guestId: call.guestId, settled: new Promise((resolve) => (settle = resolve)) };
    try {
      this.outbox.markSending(call.id);
      const answer = await this.client.ask(operationRequest(call.body), {
        deadline: performance.now() + this.timing.deliveryTimeoutMs,
        repeatable: false,
        retryDelayMs: 0,
        signal: this.stop.signal,
      });
      const at = this.clock.now().toISOString();
      if (answer.result === 'ok') {
        this.outbox.markDelivered(call.id, at);
        this.log.info({ invoiceNum: call.key, kind: call.kind, attempts: call.attempts + 1 }, 'GetMeBack received an operation');
        return 'delivered';
      }
      return this.refused(call, `the cloud refused operation ${call.key}: ${answer.message ?? 'no reason given'}`);
    } catch (error) {
      // Closing mid-call: the send stays counted as unanswered, since the cloud may have got it.
      if (!this.closed) this.failed(call, error instanceof Error ? error.message : String(error), error instanceof CloudUnreachableError && error.neverArrived);
      return 'failed';
    } finally {
      this.touch(call.guestId);
      this.inFlight = null;
      settle();
    }
  }

  private failed(call: PendingCall, reason: string, neverArrived: boolean): void {
    this.outbox.markFailed(call.id, reason, this.nextAttemptAt(), neverArrived);
    this.log.warn({ invoiceNum: call.key, kind: call.kind, attempts: call.attempts + 1, error: reason }, 'GetMeBack delivery failed; will retry');
  }

  private refused(call: PendingCall, reason: string): Delivery {
    this.connection.refused(reason);
    const at = this.clock.now().toISOString();
    const parked = this.outbox.markRefused(call.id, reason, this.nextAttemptAt(), this.timing.refusalsBeforeParking, at);
    const details = { invoiceNum: call.key, kind: call.kind, guestId: call.guestId, attempts: call.attempts + 1, error: reason };
    if (!parked) {
      this.log.warn(details, 'GetMeBack refused an operation; will retry');
      return 'failed';
    }
    this.log.error(details, 'GetMeBack keeps refusing an operation: parked, not sent again until a person resolves it');
    return 'parked';
  }

  private nextAttemptAt(): string {
    return new Date(this.clock.now().getTime() + this.retryDelay(this.failuresInRow + 1)).toISOString();
  }

  private retryDelay(failuresInRow: number): number {
    const exponent = Math.max(0, failuresInRow - 1);
    return Math.min(this.timing.maxRetryMs, this.timing.firstRetryMs * 2 ** Math.min(exponent, 30));
  }

  private touch(guestId: string): void {
    this.seq += 1;
    this.lastTouch.set(guestId, this.seq);
  }

  /** Waits for `ms` (null: until new calls arrive), for the cloud to answer another call, or for close. */
  private pause(ms: number | null): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = ms === null ? null : setTimeout(done, ms);
      this.wakeOnNewCalls = ms === null;
      this.wakeUp = done;
      function done(): void {
        if (timer) clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.wakeUp = null;
      this.wakeOnNewCalls = true;
    });
  }
}
