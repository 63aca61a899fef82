import { z } from 'zod';
import { CLOUD_REASON_KINDS } from '../i18n/cloud-messages.js';

/**
 * The GetMeBack cloud's part of the admin API: the outbox screen, the journal of calls and the
 * connection check, as the core answers them and the dashboard reads them. Sums are kopecks.
 */

export const SettledOutcome = z.enum(['applied', 'dropped']);

/** Why the cloud has not taken an operation, as the screen says it in the manager's language (shared/i18n/cloud-messages.ts). */
export const CloudReason = z.object({
  kind: z.enum(CLOUD_REASON_KINDS),
  /** The cloud's own words, verbatim; for `other`, the till's text as it was stored (an older till's rows). */
  message: z.string().nullable(),
  status: z.number().int().nullable(),
  waitedMs: z.number().int().nullable(),
});

/** One operation the cloud must receive (or that a person settled). */
export const OutboxLine = z.object({
  id: z.number().int(),
  invoiceNum: z.string(),
  kind: z.string(),
  guestId: z.string().nullable(),
  createdAt: z.string(),
  attempts: z.number().int(),
  /** What the cloud or the network last said about it: the till's technical text (English), as in the log and the journal. */
  lastError: z.string().nullable(),
  /** The same, for people: the screen says it in the manager's language (`cloudReasonText`). */
  reason: CloudReason.nullable(),
  state: z.enum(['pending', 'parked', 'manual', 'delivered', 'settled']),
  /** Sent without an answer: the guest's balance is uncertain until it is acknowledged or settled. */
  uncertain: z.boolean(),
  parkedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  /**
   * Who settled it, when, why and how. `withPayment`: a refund's call dropped because the cloud never
   * got the payment it refunds (that payment's call, named here, was dropped by hand) — when the
   * refund was recorded (`by` empty: never sent), or in the same settling as the payment (`by` and
   * `note` that person's).
   */
  settled: z.object({ at: z.string(), by: z.string(), note: z.string(), outcome: SettledOutcome, withPayment: z.string().nullable() }).nullable(),
  body: z.record(z.string(), z.unknown()),
});
export type OutboxLine = z.infer<typeof OutboxLine>;

/** GET /api/cloud/outbox */
export const OutboxResponse = z.object({
  /** The oldest 200 pending and parked, then the refunds to reconcile by hand, then the last settled. */
  operations: z.array(OutboxLine),
  /** Pending and parked in all: a long backlog is shown by its oldest. */
  openTotal: z.number().int().nonnegative(),
  /** Guests whose balance is uncertain and the operations that make it so. */
  uncertainGuests: z.array(z.object({ guestId: z.string(), invoiceNums: z.array(z.string()) })),
  refunds: z.enum(['manual', 'send']),
});
export type OutboxResponse = z.infer<typeof OutboxResponse>;

/** POST /api/cloud/outbox/:id/settle: who settled it and why, and whether the cloud has it. */
export const SettleRequest = z.object({
  outcome: SettledOutcome,
  by: z.string().trim().min(1).max(64),
  note: z.string().trim().min(1).max(500),
});
export type SettleRequest = z.infer<typeof SettleRequest>;

/** POST /api/cloud/outbox/:id/retry and /settle answer the operation as it now is. */
export const OutboxActionAnswer = z.object({ operation: OutboxLine });
export type OutboxActionAnswer = z.infer<typeof OutboxActionAnswer>;

/** One call to the cloud as the journal keeps it (the key masked). */
export const JournalLine = z.object({
  id: z.number().int(),
  at: z.string(),
  call: z.string(),
  url: z.string(),
  request: z.string(),
  status: z.number().int().nullable(),
  answer: z.string().nullable(),
  error: z.string().nullable(),
  ms: z.number().int(),
});
export type JournalLine = z.infer<typeof JournalLine>;

/** GET /api/cloud/journal?text=&limit= (newest first); ?format=download gives the same as one JSON file. */
export const JournalResponse = z.object({ calls: z.array(JournalLine) });
export type JournalResponse = z.infer<typeof JournalResponse>;

/** POST /api/cloud/check: the account to try (the key may be the masked one: the saved key is used) and a test phone or QR. */
export const ConnectionCheckRequest = z.object({
  accountUrl: z.url(),
  apiKey: z.string().optional(),
  apiVersion: z.string().regex(/^v\d+$/).optional(),
  value: z.string().trim().min(1).max(64),
});
export type ConnectionCheckRequest = z.infer<typeof ConnectionCheckRequest>;

/** Each call the check made: what was sent (key masked) beside what came back. */
export const CheckExchange = z.object({
  url: z.string(),
  sent: z.string(),
  status: z.number().int().nullable(),
  answered: z.string().nullable(),
  error: z.string().nullable(),
  dialect: z.string().nullable(),
});

export const ConnectionCheckAnswer = z.object({
  /** `found`: read in full; `unknown`: the cloud does not know the value; `unreadable`: see `field`; `failed`: no usable answer. */
  outcome: z.enum(['found', 'unknown', 'unreadable', 'failed']),
  exchanges: z.array(CheckExchange),
  understood: z
    .object({
      id: z.string(),
      name: z.string(),
      balance: z.number().int(),
      rules: z.object({ cashbackBp: z.number().int().optional(), maxBonusShareBp: z.number().int().optional() }),
      gifts: z.array(z.object({ id: z.string().nullable(), name: z.string(), points: z.number().int().nullable(), canUse: z.boolean() })),
      phoneForm: z.string().nullable(),
      /** The call that found the phone, as the exchanges show it: `…/validator/client/ {"phone"}`. */
      phoneRequest: z.string().nullable(),
    })
    .nullable(),
  /** The field the till could not read, as the cloud sent it, and what was wrong with it. */
  field: z.string().nullable(),
  problem: z.string().nullable(),
});
export type ConnectionCheckAnswer = z.infer<typeof ConnectionCheckAnswer>;
