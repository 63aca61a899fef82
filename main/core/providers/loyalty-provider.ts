import type { ProviderStatus } from '../../../shared/admin/status.js';
import type { ProviderTrouble } from '../../../shared/i18n/provider-messages.js';

export type { ProviderTrouble };

/**
 * Where guests, balances and gift vouchers live: the embedded loyalty book (SQLite, the default) or
 * the GetMeBack cloud. Orders, holds, payments and the cash book are always the till's own ledger;
 * a provider answers "who is this" and "what does this guest have", and receives what was spent.
 */

export interface GuestProfile {
  id: string;
  fullName: string;
  /** Kopecks of the guest's balance without the till's own ledger entries (`ledgerAdjustment` adds them). */
  baseBalance: number;
  /** The provider could not be reached: this is the last profile it gave, not a fresh balance. */
  stale?: boolean;
  /** The guest's own rules, when the provider keeps them per guest (GetMeBack's `k_bonus`, `maxPayBonusK`): they win over the till's. */
  rules?: Partial<LoyaltyRules>;
}

export interface VoucherProfile {
  id: string;
  guestId: string;
  name: string;
  productCode: string;
  points: number;
  /** The provider says this voucher was used elsewhere (another till, another restaurant). */
  usedElsewhere?: boolean;
}

/** What a scanned value is. Read-only: the embedded book hands out the answers it keeps (frozen) for later scans of the same code. */
export type ScanLookup =
  | { kind: 'guest'; guest: GuestProfile }
  | { kind: 'voucher'; guest: GuestProfile; voucher: Readonly<VoucherProfile> }
  | { kind: 'unknown' };

export interface LoyaltyRules {
  /** Most of an order payable with bonuses, in basis points (5000 = half). */
  maxBonusShareBp: number;
  /** Cashback on the part paid with money, in basis points (500 = 5 %). */
  cashbackBp: number;
}

/** What a provider must be told once a payment or refund is committed. */
export type ProviderOperation =
  | {
      kind: 'order_paid';
      operationId: string;
      orderId: string;
      guestId: string | null;
      orderSum: number;
      bonusWrittenOff: number;
      accrued: number;
      gifts: { voucherId: string; guestId: string; points: number }[];
      waiterId: string | null;
      waiterName: string | null;
    }
  | {
      kind: 'order_refunded';
      operationId: string;
      paymentOperationId: string;
      orderId: string;
      guestId: string | null;
      orderSum: number;
      bonusReturned: number;
      accrualReversed: number;
      gifts: { voucherId: string; guestId: string; points: number }[];
    };

/** How the provider is doing, as the dashboard shows it (shared/admin/status.ts). */
export type { ProviderStatus };

export interface LoyaltyProvider {
  readonly kind: 'local' | 'cloud';
  /**
   * Recognises a scanned or typed value: guest QR, gift-voucher QR, phone or card number. A provider
   * that keeps its guests in the till's own file (the embedded book) answers at once, not with a
   * promise: nothing can change the order meanwhile, so the check-in reads it only once.
   */
  lookup(value: string): ScanLookup | Promise<ScanLookup>;
  /**
   * The guest with a fresh balance. With `allowStale`, an unreachable provider may answer with the
   * last profile it gave, marked `stale` (good enough to accrue, never to spend).
   */
  guest(guestId: string, options?: { allowStale?: boolean }): Promise<GuestProfile | null>;
  voucher(voucherId: string): Promise<VoucherProfile | null>;
  /** The till's rules, or the guest's own where the provider gave them. */
  rules(guest?: GuestProfile | null): LoyaltyRules;
  /**
   * Kopecks the till's ledger adds to `baseBalance`. Synchronous, read inside the money transaction:
   * the embedded book counts every entry; the cloud provider counts every entry it recorded and takes
   * the ones the cloud had already received out of `baseBalance` when it reads the cloud's balance.
   */
  ledgerAdjustment(guestId: string): number;
  /** Called inside the money transaction: remember what the provider must receive. */
  record(operation: ProviderOperation): void;
  status(): ProviderStatus;
  /** The manager changed how the provider is reached (the cloud's address, key, API version). */
  reachChanged?(): void;
  close(): Promise<void>;
}

/** The provider could not answer (network, timeout, the cloud said error). Changes nothing. */
export class ProviderUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderUnavailableError';
  }
}
