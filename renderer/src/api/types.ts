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
  /** The changed settings that take effect only after a restart. */
  restartKeys: string[];
}

export interface EventsResponse {
  events: TillEvent[];
}

/** Wire decimals (roubles) inside, as the waiter app sees the order. */
export type OpenOrder = OrderView & { UpdatedAt: string };

export interface OrdersResponse {
  orders: OpenOrder[];
}

export type {
  HandInAnswer as HandInResponse,
  ShiftReport,
  ShiftWaiterLine as ShiftReportRow,
  WaiterCashSummary as WaiterSummary,
  WaiterHistory as WaiterHistoryResponse,
  WaiterMovement as WaiterEntry,
  WaiterMovementKind as WaiterEntryKind,
} from '../../../shared/admin/waiter-cash.js';
