import { z } from 'zod';
import { LANGUAGES } from '../i18n/language.js';
import { PROVIDER_TROUBLES } from '../i18n/provider-messages.js';

/** GET /api/status and GET /api/setup: the till's state for the dashboard's header and the setup assistant. */
export const ProviderStatus = z.object({
  provider: z.enum(['local', 'cloud']),
  online: z.boolean(),
  /** The provider's own words (often English), for the log and the cloud journal; people read `trouble`. */
  lastError: z.string().nullable(),
  /** What is wrong, as the dashboard, tray and notifications say it in the till's language. */
  trouble: z.enum(PROVIDER_TROUBLES).nullable(),
  /** Operations the cloud kept refusing, set aside until a person resolves them. */
  parked: z.number().int(),
  /** Operations recorded but not yet delivered (always 0 for the embedded book). */
  outbox: z.number().int(),
});
export type ProviderStatus = z.infer<typeof ProviderStatus>;

export const StatusResponse = z.object({
  version: z.string(),
  language: z.enum(LANGUAGES),
  provider: ProviderStatus,
  cashToWaiter: z.boolean(),
  lastWaiterRequestAt: z.string().nullable(),
  listening: z.object({ host: z.string(), port: z.number().int() }).nullable(),
  dataDir: z.string(),
  now: z.string(),
});
export type StatusResponse = z.infer<typeof StatusResponse>;

export const CHECKLIST_IDS = ['serverAddress', 'lanReachable', 'bonusPaymentType', 'payInOutTypes', 'cashToWaiterInOffice', 'waiterPermissions', 'provider'] as const;
export type ChecklistId = (typeof CHECKLIST_IDS)[number];

export const SetupResponse = z.object({
  serverAddresses: z.array(z.object({ address: z.string(), url: z.string(), loopback: z.boolean() })),
  /** `demo`: set by the demo book (its demo Bonus payment type), not yet by the manager. */
  checklist: z.array(z.object({ id: z.enum(CHECKLIST_IDS), done: z.boolean(), optional: z.boolean(), demo: z.boolean() })),
  permissions: z.array(z.object({ code: z.string(), ru: z.string(), en: z.string() })).readonly(),
  lastWaiterRequestAt: z.string().nullable(),
  provider: ProviderStatus,
  /** A port the till could not take because another program holds it. */
  portInUse: z.number().int().nullable(),
  /** settings.server.allowedRanges: the iikoWaiter terminals allowed besides this machine. */
  allowedCallers: z.array(z.string()),
  /** Hosts the waiter API refused lately, newest first. */
  refusedCallers: z.array(z.object({ address: z.string(), count: z.number().int(), firstAt: z.string(), lastAt: z.string() })),
  /** The newest verified backup (its time, size and file), and when a backup last failed (null: not since the till started). */
  backup: z.object({
    last: z.object({ at: z.string(), sizeBytes: z.number().int(), file: z.string() }).nullable(),
    failedAt: z.string().nullable(),
  }),
});
export type SetupResponse = z.infer<typeof SetupResponse>;
