import type { TillEvent } from '../../../shared/events.js';
import type { Language } from '../../../shared/i18n/language.js';
import type { Settings } from '../../../shared/settings/schema.js';
import type { OrderView } from '../../../shared/wire/order-view.js';

/** The shapes of the core's admin API, as the dashboard reads them (sums in kopecks unless noted). */
export interface ProviderStatus {
  provider: 'local' | 'cloud';
  online: boolean;
  lastError: string | null;
  outbox: number;
}

export interface StatusResponse {
  version: string;
  language: Language;
  provider: ProviderStatus;
  cashToWaiter: boolean;
  lastWaiterRequestAt: string | null;
  listening: { host: string; port: number } | null;
  dataDir: string;
  now: string;
}

export type ChecklistId = 'serverAddress' | 'bonusPaymentType' | 'payInOutTypes' | 'waiterPermissions' | 'provider';

export interface SetupResponse {
  serverAddresses: { address: string; url: string; loopback: boolean }[];
  checklist: { id: ChecklistId; done: boolean; optional: boolean }[];
  permissions: { code: string; ru: string; en: string }[];
  lastWaiterRequestAt: string | null;
  provider: ProviderStatus;
  /** A port the till could not take because another program holds it. */
  portInUse: number | null;
}

export type PublicSettings = Omit<Settings, 'adminPasswordHash'> & { adminPasswordSet: boolean };

export interface SettingsResponse {
  settings: PublicSettings;
  overridden: string[];
  location: string;
}

export interface SettingsSaved {
  settings: PublicSettings;
  changedKeys: string[];
  restartNeeded: boolean;
}

export interface EventsResponse {
  events: TillEvent[];
}

/** Wire decimals (roubles) inside, as the waiter app sees the order. */
export type OpenOrder = OrderView & { UpdatedAt: string };

export interface OrdersResponse {
  orders: OpenOrder[];
}

export interface WaiterSummary {
  id: string;
  name: string | null;
  debt: number;
  takenToday: number;
  handedInToday: number;
  lastMovementAt: string | null;
}

export type WaiterEntryKind = 'cash_taken' | 'hand_in' | 'refund_reversal';

export interface WaiterEntry {
  id: number;
  at: string;
  kind: WaiterEntryKind;
  /** Signed: a positive amount raises the debt. */
  amount: number;
  orderId: string | null;
  cashTypeId: string;
  recordedBy: string;
  note: string;
  debtAfter: number;
}

export interface WaiterHistoryResponse {
  waiter: { id: string; name: string | null; debt: number };
  entries: WaiterEntry[];
}

export interface HandInResponse {
  handIn: { id: number; amount: number; at: string };
  debt: number;
}

export interface ShiftReportRow {
  id: string;
  name: string | null;
  openingDebt: number;
  taken: number;
  handedIn: number;
  reversed: number;
  closingDebt: number;
}

export interface ShiftReport {
  from: string;
  to: string;
  waiters: ShiftReportRow[];
  totals: Omit<ShiftReportRow, 'id' | 'name'>;
  cashToTill: number;
}
