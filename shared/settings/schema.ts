import { z } from 'zod';
import { LANGUAGES } from '../i18n/language.js';
import { checkAccountUrl } from './cloud-account-url.js';

/**
 * The one settings schema: the desktop app (electron-store), the headless host (conf), the settings
 * window and the web settings page all read and write this shape. Defaults live here too.
 */
// iiko's ids are .NET GUIDs: its built-in payment types' ids are not RFC 4122 UUIDs (no version or
// variant bits), so any 8-4-4-4-12 hex id is accepted.
const Uuid = z.guid();
const OptionalUuid = z.union([z.literal(''), Uuid]);

export const ServerSettings = z.object({
  host: z.string().min(1).default('0.0.0.0'),
  port: z.number().int().min(0).max(65_535).default(3000),
  /**
   * The waiter API's path. Not under the dashboard's own (/api, /assets, /index.html, in any case):
   * the waiter API is matched first, and the dashboard would lose its API or its files.
   */
  path: z
    .string()
    .regex(/^\/(?!(?:[Aa][Pp][Ii]|[Aa][Ss][Ss][Ee][Tt][Ss]|[Ii][Nn][Dd][Ee][Xx]\.[Hh][Tt][Mm][Ll])(?:\/|$))[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/)
    .default('/GetMeBack'),
  /**
   * The iikoWaiter terminals allowed to call the waiter API, as addresses or CIDR ranges, besides this
   * machine (always allowed). Since settings version 3 the till's own subnets are not trusted.
   */
  allowedRanges: z.array(z.string().max(64)).max(100).default([]),
});

const CloudFields = z.object({
  accountUrl: z.union([z.literal(''), z.url()]).default(''),
  /** Allows an https account address outside getmeback.ru (a reseller's own domain). */
  anyHost: z.boolean().default(false),
  apiKey: z.string().default(''),
  apiVersion: z.string().regex(/^v\d+$/).default('v33'),
  branchId: z.string().default(''),
  branchName: z.string().default(''),
  /**
   * Refunds: `manual` lists them on the outbox screen to be reconciled in the cloud by hand (no
   * refund call is public: `type: "refund"` is the till's own guess); `send` sends that call.
   */
  refunds: z.enum(['manual', 'send']).default('manual'),
  /**
   * Operations sent to the cloud at once, each of a different guest (each guest's in order). 8
   * drains a backlog several times faster than 1 (README, *Benchmark*); lower it for a cloud that
   * limits how fast one account may call it. Not on the settings screen: settings.json or the API.
   */
  deliveriesInFlight: z.number().int().min(1).max(16).default(8),
});

export const CloudSettings = CloudFields.superRefine((cloud, issues) => {
  const verdict = checkAccountUrl(cloud.accountUrl, { anyHost: cloud.anyHost });
  if (verdict !== 'ok') issues.addIssue({ code: 'custom', path: ['accountUrl'], params: { accountUrl: verdict } });
});

/**
 * Sanity caps on money from the waiter API, in kopecks: far above any real bill, so they only stop
 * a forged or mistyped request (an order of 100 000 000 ₽ that would accrue millions of points).
 */
export const LimitSettings = z.object({
  /** An order's OrderSum above this is refused (default 1 000 000 ₽). */
  maxOrderSum: z.number().int().positive().default(100_000_000),
  /** One payment's cashback above this is refused (default 50 000 ₽). */
  maxCashback: z.number().int().positive().default(5_000_000),
});

export const NotificationSettings = z.object({
  enabled: z.boolean().default(true),
  checkIn: z.boolean().default(true),
  giftAdded: z.boolean().default(true),
  bonusRequested: z.boolean().default(true),
  paymentCommitted: z.boolean().default(true),
  providerOffline: z.boolean().default(true),
  serverError: z.boolean().default(true),
  /** A waiter's debt at or above this many kopecks notifies the cashier; 0 turns that off. */
  debtThreshold: z.number().int().nonnegative().default(500_000),
});

export const LoyaltyRulesSettings = z.object({
  /** Used by the cloud provider; the embedded book takes its rules from its seed. */
  maxBonusShare: z.number().min(0).max(1).default(0.5),
  cashbackPercent: z.number().min(0).max(100).default(5),
});

/** How the dashboard looks on the till's screen. */
export const DisplaySettings = z.object({
  /** Everything on the dashboard larger, for a till screen read at arm's length. */
  largeText: z.boolean().default(false),
});

export const BackupSettings = z.object({
  /** How many backups the till keeps in each backup folder (the newest). */
  keep: z.number().int().min(1).max(365).default(14),
  /** A second folder (another disk, a network share) that receives a copy of each backup; "" = none. */
  secondFolder: z.string().max(1024).default(''),
});

export type BackupSettings = z.infer<typeof BackupSettings>;

// No words of its own: the manager's language is the validation messages' (shared/i18n), «Не больше 23».
const BusinessDayStartHour = z.number().int().min(0).max(23);
const UpdateFields = z.object({
  /**
   * The folder the installed desktop app takes its updates from (electron-updater's generic provider
   * reads `latest.yml` there); "" = updates off. https only (http for this machine alone), no credentials.
   */
  url: z.string().trim().max(1024).default(''),
});

/** The update folder is checked as the cloud's account address is, on any host: the same verdicts and messages. */
export const UpdateSettings = UpdateFields.superRefine((updates, issues) => {
  const verdict = checkAccountUrl(updates.url, { anyHost: true });
  if (verdict !== 'ok') issues.addIssue({ code: 'custom', path: ['url'], params: { accountUrl: verdict } });
});

/**
 * How long the till keeps what is not a money record (README, *What is kept how long*). Orders,
 * payments, refunds, guests' entries and the cash book are never pruned: balances and debts are
 * their sums.
 */
export const RetentionSettings = z.object({
  /** Feed events older than this many days are deleted, daily and at start. */
  feedDays: z.number().int().min(7).max(3650).default(90),
});

export type RetentionSettings = z.infer<typeof RetentionSettings>;

export const Settings = z.object({
  schemaVersion: z.literal(4).default(4),
  language: z.enum(LANGUAGES).default('ru'),
  server: ServerSettings.prefault({}),
  bonusPaymentTypeId: OptionalUuid.default(''),
  /** Money To Be Accounted For By Waiter: on by default, as the guide says. */
  cashToWaiter: z.boolean().default(true),
  payInTypeId: z.string().max(128).default(''),
  payOutTypeId: z.string().max(128).default(''),
  provider: z.enum(['local', 'cloud']).default('local'),
  cloud: CloudSettings.prefault({}),
  rules: LoyaltyRulesSettings.prefault({}),
  limits: LimitSettings.prefault({}),
  /** An open order nobody touched for this many hours leaves the orders screen (kept in the database). */
  staleOrderHours: z.number().int().min(1).max(720).default(12),
  notifications: NotificationSettings.prefault({}),
  display: DisplaySettings.prefault({}),
  backups: BackupSettings.prefault({}),
  retention: RetentionSettings.prefault({}),
  /** scrypt hash of the admin password ("" = LAN access to the dashboard is off). */
  adminPasswordHash: z.string().default(''),
  autostart: z.boolean().default(false),
  /** The hour (till's local time) the business day starts: "today", the shift report and the tiles follow it. */
  businessDayStartHour: BusinessDayStartHour.default(6),
  /** Optional with its default (no schema version of its own): settings of older versions have none. */
  updates: UpdateSettings.prefault({}),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/**
 * The shortest admin password: it is all that stands between the restaurant's Wi-Fi and the
 * dashboard's API (the lockout slows guessing, it does not stop it).
 */
export const ADMIN_PASSWORD_MIN = 8;

/** What the manager may send to change settings: any part of them, plus a plain new password. */
export const SettingsPatch = z
  .object({
    language: Settings.shape.language.unwrap().optional(),
    server: ServerSettings.partial().optional(),
    bonusPaymentTypeId: OptionalUuid.optional(),
    cashToWaiter: z.boolean().optional(),
    payInTypeId: z.string().max(128).optional(),
    payOutTypeId: z.string().max(128).optional(),
    provider: z.enum(['local', 'cloud']).optional(),
    cloud: CloudFields.partial().optional(),
    rules: LoyaltyRulesSettings.partial().optional(),
    limits: LimitSettings.partial().optional(),
    staleOrderHours: z.number().int().min(1).max(720).optional(),
    notifications: NotificationSettings.partial().optional(),
    display: DisplaySettings.partial().optional(),
    backups: BackupSettings.partial().optional(),
    retention: RetentionSettings.partial().optional(),
    /** '' removes the password (LAN access off); a new one has at least ADMIN_PASSWORD_MIN characters. */
    adminPassword: z
      .string()
      .max(256)
      .refine((password) => password === '' || password.length >= ADMIN_PASSWORD_MIN, { params: { passwordMin: ADMIN_PASSWORD_MIN } })
      .optional(),
    autostart: z.boolean().optional(),
    businessDayStartHour: BusinessDayStartHour.optional(),
    updates: UpdateFields.partial().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
