import { setTimeout as sleep } from 'node:timers/promises';
import type { Settings } from '../../../../shared/settings/schema.js';
import { basisPointsFromFraction } from '../../../../shared/money.js';
import type { Clock } from '../../clock.js';
import type { EventBus } from '../../events/event-bus.js';
import type { TillDatabase } from '../../ledger/database.js';
import type { Logger } from '../../logger.js';
import {
  ProviderUnavailableError,
  type GuestProfile,
  type LoyaltyProvider,
  type LoyaltyRules,
  type ProviderOperation,
  type ProviderStatus,
  type ProviderTrouble,
  type ScanLookup,
  type VoucherProfile,
} from '../loyalty-provider.js';
import { GetMeBackClient } from './cloud-client.js';
import { CloudConnection } from './cloud-connection.js';
import { clientBody, cloudCallsOf, giftBody, lookupRequests, readLookup, type CloudRequest, type CloudVoucher } from './getmeback-api.js';
import { recordCloudCall, type CloudCallRecord } from '../../ledger/cloud-journal.js';
import { cloudMemory, rememberInCloudMemory } from '../../ledger/cloud-guests.js';
import { GuestCache } from './guest-cache.js';
import { lastCloudGuest, rememberCloudGuest, type StoredCloudGuest } from '../../ledger/cloud-guests.js';
import { Outbox, REFUND_OF_FIELD } from '../../ledger/outbox.js';
import { OutboxCourier, type CourierTiming } from './outbox-courier.js';
import { readStoredReason } from './cloud-reason.js';
import { inTransaction } from '../../ledger/transaction.js';
import { unparkAll } from '../../ledger/outbox-desk.js';

export interface CloudProviderDeps {
  db: TillDatabase;
  settings: () => Settings;
  logger: Logger;
  clock: Clock;
  events: EventBus;
}

export interface CloudTiming extends Omit<CourierTiming, 'deliveriesInFlight'> {
  /** The most a waiter waits for one answer (lookup, guest, voucher), repeats included. */
  callTimeoutMs: number;
  /** First pause before repeating a failed lookup; doubles each time, within `callTimeoutMs`. */
  lookupRetryDelayMs: number;
  /** How long a scanned value's answer is reused for a check-in without asking the cloud. */
  identityTtlMs: number;
}

export const DEFAULT_CLOUD_TIMING: CloudTiming = {
  callTimeoutMs: 4_000,
  lookupRetryDelayMs: 200,
  identityTtlMs: 30_000,
  deliveryTimeoutMs: 10_000,
  firstRetryMs: 2_000,
  maxRetryMs: 60_000,
  refusalsBeforeParking: 5,
  answersShareCommitMs: 20,
};

/** The dashboard hears how the outbox drains at most this often (a count moving, not 200 redraws a second). */
const PROGRESS_EVERY_MS = 200;

/** A lookup's answer with the guest's balance already split (see `CloudProvider`). */
type GuestRead = { kind: 'unknown' } | { kind: 'found'; guest: GuestProfile; voucher: CloudVoucher | null };

const UNCONFIRMED = 'GetMeBack: an operation of this guest was sent without an answer; the balance is uncertain until the cloud confirms it';

/** Where the phone form the account answers is remembered. */
const PHONE_FORM_MEMORY = 'phone-form';

/** Reads of a balance that a delivery overlapped are repeated at most this many times. */
const BALANCE_READS = 3;

/**
 * The GetMeBack cloud as the loyalty provider. The till's ledger stays the truth for orders, holds
 * and payments; the cloud says who a guest is and what the guest has, and receives, through the
 * outbox, what the till spent and accrued.
 *
 * The balance the waiter sees is the cloud's balance plus what the till recorded that the cloud had
 * not yet received when it was asked. A profile carries that split in itself: `baseBalance` is the
 * cloud's balance less the entries it had already acknowledged at that moment, and
 * `ledgerAdjustment` adds every entry the till recorded for the cloud. So a delivery completing
 * between the read and the payment's transaction changes neither term, and two requests holding
 * profiles read at different times each get a consistent sum. A read that a delivery of the same
 * guest overlapped is ambiguous (the cloud may have counted it or not) and is repeated.
 *
 * So is every read while a call of the guest was sent but never answered (a timeout): the cloud
 * may already count it, and until it is acknowledged no read can tell. Such a profile is `stale`,
 * its balance counting each unconfirmed call at most once and never in the guest's favour (see
 * `Outbox.unconfirmedFor`): enough to accept a payment that spends nothing, never to spend bonuses,
 * reserve them or hold a gift, so `guest()` without `allowStale` refuses as if the cloud were down.
 */
export class CloudProvider implements LoyaltyProvider {
  readonly kind = 'cloud' as const;
  private readonly outbox: Outbox;
  private readonly connection: CloudConnection;
  private readonly client: GetMeBackClient;
  private readonly courier: OutboxCourier;
  private readonly cache: GuestCache;
  private readonly timing: CloudTiming;
  private readonly log: Logger;
  private closed = false;
  /** Calls the cloud acknowledged since the outbox was last empty (the dashboard's «N of M»). */
  private sent = 0;
  private progressTold = 0;
  private progressTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly deps: CloudProviderDeps,
    timing: Partial<CloudTiming> = {},
  ) {
    this.timing = { ...DEFAULT_CLOUD_TIMING, ...timing };
    const log = deps.logger.child({ component: 'getmeback-cloud' });
    this.log = log;
    this.outbox = new Outbox(deps.db);
    this.connection = new CloudConnection(() => this.connectionChanged());
    const journal = (record: CloudCallRecord) => recordCloudCall(deps.db, record);
    this.client = new GetMeBackClient(() => deps.settings().cloud, this.connection, log, journal);
    const courierTiming: CourierTiming = {
      ...this.timing,
      // The setting, read at each pick.
      get deliveriesInFlight() {
        return deps.settings().cloud.deliveriesInFlight;
      },
    };
    this.courier = new OutboxCourier(this.outbox, this.client, this.connection, deps.clock, log, courierTiming, journal, (delivered) => {
      this.sent += delivered;
      this.tellProgress();
    });
    this.cache = new GuestCache(this.timing.identityTtlMs, () => deps.clock.now().getTime(), {
      save: (guest) => rememberCloudGuest(deps.db, shelved(guest), deps.clock.now().toISOString()),
      load: (guestId) => unshelved(lastCloudGuest(deps.db, guestId)),
    });
    this.courier.start();
  }

  async lookup(value: string): Promise<ScanLookup> {
    const recent = this.cache.recentScan(value);
    if (recent) return recent;
    try {
      const found = await this.lookUp(value);
      const scan = toScan(found);
      if (found.kind === 'unknown' || !found.guest.stale) this.cache.rememberScan(value, scan);
      return scan;
    } catch (error) {
      const last = error instanceof ProviderUnavailableError ? this.cache.lastScan(value) : null;
      if (last) return last;
      throw error;
    }
  }

  async guest(guestId: string, options: { allowStale?: boolean } = {}): Promise<GuestProfile | null> {
    try {
      const found = await this.readGuest({ path: '', body: clientBody(guestId) });
      if (found.kind === 'unknown') return null;
      if (!found.guest.stale) this.cache.rememberGuest(found.guest);
      else if (!options.allowStale) throw new ProviderUnavailableError(UNCONFIRMED);
      return found.guest;
    } catch (error) {
      const last = options.allowStale && error instanceof ProviderUnavailableError ? this.cache.lastGuest(guestId) : null;
      if (last) return last;
      throw error;
    }
  }

  async voucher(voucherId: string): Promise<VoucherProfile | null> {
    const known = this.cache.voucher(voucherId);
    if (known) return known;
    const found = toScan(await this.readGuest({ path: '', body: giftBody(voucherId) }));
    if (found.kind !== 'voucher') return null;
    this.cache.rememberVoucher(found.voucher);
    return found.voucher;
  }

  /** The guest's rules from the cloud (`k_bonus`, `maxPayBonusK`) win over the till's settings. */
  rules(guest?: GuestProfile | null): LoyaltyRules {
    const { maxBonusShare, cashbackPercent } = this.deps.settings().rules;
    const till = { maxBonusShareBp: basisPointsFromFraction(maxBonusShare), cashbackBp: basisPointsFromFraction(cashbackPercent / 100) };
    return { ...till, ...guest?.rules };
  }

  ledgerAdjustment(guestId: string): number {
    return this.outbox.recordedFor(guestId);
  }

  record(operation: ProviderOperation): void {
    const { branchId, branchName, refunds } = this.deps.settings().cloud;
    const at = this.deps.clock.now().toISOString();
    // Refunds are listed for reconciliation by hand unless the settings say to send them.
    const manual = operation.kind === 'order_refunded' && refunds === 'manual';
    for (const call of cloudCallsOf(operation, { branchId, branchName })) {
      // A refund's call of a payment's (or gift's) call a person dropped is recorded dropped too: the cloud never had it.
      if (this.outbox.add(call, at, manual) === 'droppedWithPayment') {
        this.log.info({ invoiceNum: call.key, kind: call.kind, refunds: call.body[REFUND_OF_FIELD] }, 'GetMeBack refund not sent: the cloud never got what it refunds (dropped by hand)');
      }
    }
    // Called inside the payment's transaction: the courier looks once it has committed.
    setImmediate(() => {
      this.courier.callsAdded();
      this.tellProgress();
    });
  }

  /** `outbox` counts parked calls too (they are not delivered); `lastError` names them until they are resolved. */
  status(): ProviderStatus {
    const parked = this.outbox.parked();
    const errors = [this.connection.lastError];
    if (parked.count > 0) {
      // The technical text: the stored reason is for the «Облако» screen, which says it in the manager's language.
      const last = parked.lastError === null ? null : readStoredReason(parked.lastError).text;
      if (errors[0] === last) errors.pop();
      errors.push(`${parked.count} operation(s) parked after repeated refusals, not sent again until resolved; last: ${last ?? 'no reason given'}`);
    }
    const lastError = errors.filter((error) => error !== null).join('; ') || null;
    const { accountUrl, apiKey } = this.deps.settings().cloud;
    const trouble: ProviderTrouble | null =
      accountUrl === '' || apiKey === ''
        ? 'notConfigured'
        : !this.connection.online
          ? 'unreachable'
          : this.connection.lastError === null
            ? null
            : this.connection.refusedAnOperation
              ? 'operationRefused'
              : 'refused';
    return { provider: 'cloud', online: this.connection.online, lastError, trouble, parked: parked.count, outbox: this.outbox.pendingCount() };
  }

  /**
   * The manager changed the cloud's address, key or API version: the operations parked after the
   * cloud refused them may have been refused for those (a 4xx answer of no shape the till reads from
   * a wrong address), so each goes back in line, and is parked again only if refused again.
   */
  reachChanged(): void {
    if (this.closed) return;
    const back = inTransaction(this.deps.db, this.deps.events, () => unparkAll(this.deps.db));
    if (back > 0) this.log.info({ operations: back }, 'the cloud settings changed: parked operations back in line');
    this.outboxChanged();
  }

  /** A person changed the outbox (a parked operation back in line): deliver now. */
  outboxChanged(): void {
    // The last refusal named an operation a person has now dealt with; the cloud itself answers.
    if (this.connection.online) this.connection.lastError = null;
    this.courier.cloudIsBack();
    this.deps.events.record('provider.status', this.status());
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.progressTimer) clearTimeout(this.progressTimer);
    await this.courier.close();
  }

  /** Tells an open dashboard how far the outbox has drained: now, or once `PROGRESS_EVERY_MS` has passed since the last time. */
  private tellProgress(): void {
    if (this.progressTimer || this.closed) return;
    const wait = this.progressTold + PROGRESS_EVERY_MS - performance.now();
    if (wait > 0) {
      this.progressTimer = setTimeout(() => {
        this.progressTimer = null;
        this.tellProgress();
      }, wait);
      this.progressTimer.unref();
      return;
    }
    this.progressTold = performance.now();
    const pending = this.outbox.pendingCount();
    if (this.deps.events.signalsHeard()) this.deps.events.signal({ type: 'outbox.progress', data: { pending, sent: this.sent } });
    if (pending === 0) this.sent = 0;
  }

  /**
   * A scanned or typed value: a phone is tried in each form the account may answer (the one it
   * answered last first), and the form that found the guest is remembered.
   */
  private async lookUp(value: string): Promise<GuestRead> {
    const remembered = cloudMemory(this.deps.db, PHONE_FORM_MEMORY);
    for (const { form, request } of lookupRequests(value, remembered)) {
      const found = await this.readGuest(request);
      if (found.kind === 'unknown') continue;
      if (form && form !== remembered) rememberInCloudMemory(this.deps.db, PHONE_FORM_MEMORY, form);
      return found;
    }
    return { kind: 'unknown' };
  }

  /**
   * Asks the cloud who a guest is and what the guest has, and splits the balance (see the class
   * comment). A read that a delivery for the same guest overlapped is repeated once it is over,
   * with the guest's next calls held back meanwhile (else each repeat would overlap the next one).
   */
  private async readGuest(request: CloudRequest): Promise<GuestRead> {
    const deadline = performance.now() + this.timing.callTimeoutMs;
    // Once a delivery has overlapped a read, the guest's next calls wait until the read is done.
    let release: (() => void) | undefined;
    try {
      for (let read = 1; ; read += 1) {
        const mark = this.courier.mark();
        // Known to be down: one quick attempt, so that an offline cash payment does not keep the waiter waiting.
        const repeatable = this.connection.online;
        const answer = await this.client.ask(request, { deadline, repeatable, retryDelayMs: this.timing.lookupRetryDelayMs });
        const found = readLookup(answer);
        if (found.kind === 'unreadable') {
          const reason = answer.result === 'error' ? found.problem : `the cloud’s answer could not be read: ${found.field} (${found.problem})`;
          this.connection.refused(reason);
          throw new ProviderUnavailableError(`GetMeBack: ${reason}`);
        }
        if (found.kind === 'unknown') return found;
        const { guest } = found;
        if (!this.courier.touchedSince(mark, guest.id)) {
          const baseBalance = guest.balance - this.outbox.acknowledgedFor(guest.id);
          const unconfirmed = this.outbox.unconfirmedFor(guest.id);
          const known = { id: guest.id, fullName: guest.fullName, ...(guest.rules ? { rules: guest.rules } : {}) };
          const profile: GuestProfile = unconfirmed ? { ...known, baseBalance: baseBalance - unconfirmed.gains, stale: true } : { ...known, baseBalance };
          return { kind: 'found', guest: profile, voucher: found.voucher };
        }
        if (read === BALANCE_READS || performance.now() >= deadline) {
          throw new ProviderUnavailableError('GetMeBack: the balance changed while it was read; try again');
        }
        release ??= this.courier.hold(guest.id);
        await Promise.race([this.courier.settled(guest.id), sleep(Math.max(0, deadline - performance.now()))]);
      }
    } finally {
      release?.();
    }
  }

  private connectionChanged(): void {
    if (this.closed) return;
    this.deps.events.record('provider.status', this.status());
    if (this.connection.online) this.courier.cloudIsBack();
  }
}

function toScan(found: GuestRead): ScanLookup {
  if (found.kind === 'unknown') return found;
  if (!found.voucher) return { kind: 'guest', guest: found.guest };
  const { used, ...voucher } = found.voucher;
  return { kind: 'voucher', guest: found.guest, voucher: { ...voucher, usedElsewhere: used } };
}

function shelved(guest: GuestProfile): StoredCloudGuest {
  const { id, fullName, baseBalance, rules } = guest;
  return { id, fullName, baseBalance, cashbackBp: rules?.cashbackBp ?? null, maxBonusShareBp: rules?.maxBonusShareBp ?? null };
}

function unshelved(stored: StoredCloudGuest | null): GuestProfile | null {
  if (!stored) return null;
  const rules: Partial<LoyaltyRules> = {};
  if (stored.cashbackBp !== null) rules.cashbackBp = stored.cashbackBp;
  if (stored.maxBonusShareBp !== null) rules.maxBonusShareBp = stored.maxBonusShareBp;
  return { id: stored.id, fullName: stored.fullName, baseBalance: stored.baseBalance, ...(Object.keys(rules).length ? { rules } : {}) };
}
