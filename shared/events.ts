import type { ProviderTrouble } from './i18n/provider-messages.js';
import type { UpdateFailureStage } from './update-state.js';

/**
 * What happens at the till, as the dashboard's feed and the tray's notifications see it.
 * Sums are integer kopecks; the UI formats them.
 */
export interface TillEventPayloads {
  'guest.checked_in': { guestId: string; guestName: string; balance: number; available: number; voucherName: string | null };
  'guest.checked_out': { guestId: string | null; guestName: string | null };
  'gift.added': { guestId: string; guestName: string; giftId: string; giftName: string; points: number };
  'gift.removed': { guestId: string; giftId: string; giftName: string; points: number };
  'bonus.reserved': { guestId: string; guestName: string; sum: number; maxSum: number; orderSum: number };
  'payment.committed': {
    guestId: string | null;
    guestName: string | null;
    orderSum: number;
    bonusWrittenOff: number;
    giftPointsWrittenOff: number;
    accrued: number;
    cash: number;
    waiterDebt: number;
  };
  'order.refunded': {
    guestId: string | null;
    bonusReturned: number;
    giftPointsReturned: number;
    accrualReversed: number;
    /** The order's cash taken off its waiter's debt (as far as the waiter still owed it). */
    waiterDebtReversed: number;
    /** The rest of the order's cash, given back from the till's drawer (absent in events of older versions). */
    cashFromTill?: number;
  };
  /**
   * An open order let go of what it held: unasked, its bonus reservation after `idleHours` without
   * activity (`staleOrderHours`: closed in iikoFront without a check-out, most likely); or everything,
   * gifts too, when the manager released it (`idleHours` null).
   */
  'order.reservations_released': {
    guestId: string | null;
    guestName: string | null;
    bonus: number;
    gifts: { giftId: string; giftName: string; points: number }[];
    idleHours: number | null;
  };
  'cash.handed_in': { amount: number; debtAfter: number; recordedBy: string };
  /** The cashier closed shift `shift` ([from, to)); what the waiters still owe stays owed. */
  'shift.closed': { shift: number; from: string; to: string; closedBy: string; debtOutstanding: number };
  'request.refused': { route: string; message: string };
  'server.error': { route: string; message: string; requestId: string };
  'provider.status': {
    provider: 'local' | 'cloud';
    online: boolean;
    /** The provider's own words, kept for the journal; people read `trouble` (absent in events of older versions). */
    lastError: string | null;
    trouble?: ProviderTrouble | null;
    parked?: number;
    outbox: number;
  };
  'settings.changed': { keys: string[]; restartNeeded: boolean };
  /** A backup could not be written or failed its check (`folder` is where it was going). */
  'backup.failed': { reason: string; folder: string; message: string };
  /** The desktop app's update was not checked, not downloaded, or refused (sha512/signature); `message` is electron-updater's, for the journal. */
  'update.failed': { stage: UpdateFailureStage; version: string | null; message: string };
  /**
   * The disk under the data folder refused a write (full, read-only, failing): nothing is written
   * until it accepts writes again. Told once per episode; while the disk is full it reaches the
   * screen and the tray but cannot be kept in the feed (`code` is SQLite's or the system's).
   */
  'storage.failed': { kind: StorageTroubleKind; code: string; message: string };
  /** The disk accepts writes again: the episode that began at `since`, and how many requests it refused. */
  'storage.recovered': { kind: StorageTroubleKind; since: string; refused: number };
}

/** What the disk under the data folder did: no space left, refuses writes, or fails them. */
export type StorageTroubleKind = 'full' | 'readOnly' | 'ioError';

export type TillEventType = keyof TillEventPayloads;

/** How far the GetMeBack outbox has drained: `sent` of `sent + pending` since it was last empty. */
export interface OutboxProgress {
  /** Calls the cloud has yet to acknowledge, parked ones included (the header's count). */
  pending: number;
  /** Calls the cloud acknowledged since the outbox was last empty. */
  sent: number;
}

/**
 * What only an open dashboard hears, live, as it happens: never a line of the feed, never kept
 * (the server-sent-events stream names each by its type, the feed's events being `till`).
 */
export interface LiveSignals {
  'outbox.progress': OutboxProgress;
}
export type LiveSignalType = keyof LiveSignals;
export type LiveSignal = { [T in LiveSignalType]: { type: T; data: LiveSignals[T] } }[LiveSignalType];

export const TILL_EVENT_TYPES = [
  'guest.checked_in',
  'guest.checked_out',
  'gift.added',
  'gift.removed',
  'bonus.reserved',
  'payment.committed',
  'order.refunded',
  'order.reservations_released',
  'cash.handed_in',
  'shift.closed',
  'request.refused',
  'server.error',
  'provider.status',
  'settings.changed',
  'backup.failed',
  'update.failed',
  'storage.failed',
  'storage.recovered',
] as const satisfies readonly TillEventType[];

export type TillEvent = {
  [T in TillEventType]: {
    id: number;
    at: string;
    type: T;
    orderId: string | null;
    waiterId: string | null;
    waiterName: string | null;
    data: TillEventPayloads[T];
  };
}[TillEventType];
