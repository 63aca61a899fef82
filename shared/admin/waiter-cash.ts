import { z } from 'zod';
import { MAX_WIRE_MONEY } from '../money.js';

/**
 * The waiter-cash part of the admin API (guide: «Оплата наличными подотчет»), as the core answers
 * it and the dashboard reads it. All sums are kopecks.
 */
export const WaiterMovementKind = z.enum(['cash_taken', 'hand_in', 'refund_reversal']);
export type WaiterMovementKind = z.infer<typeof WaiterMovementKind>;

export const KnownWaiter = z.object({ id: z.string(), name: z.string().nullable() });
export type KnownWaiter = z.infer<typeof KnownWaiter>;

/** One waiter's line on the cash screen. */
export const WaiterCashSummary = KnownWaiter.extend({
  debt: z.number().int(),
  takenToday: z.number().int(),
  handedInToday: z.number().int(),
  /** Cash of the waiter's orders refunded today, taken off the debt (the rest came from the till). */
  reversedToday: z.number().int(),
  lastMovementAt: z.string().nullable(),
});
export type WaiterCashSummary = z.infer<typeof WaiterCashSummary>;

/** GET /api/waiters */
export const WaitersResponse = z.object({ waiters: z.array(WaiterCashSummary) });
export type WaitersResponse = z.infer<typeof WaitersResponse>;

/** One line of a waiter's history; `amount` is signed from the waiter's view (+ raises the debt). */
export const WaiterMovement = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: WaiterMovementKind,
  amount: z.number().int(),
  orderId: z.string().nullable(),
  cashTypeId: z.string(),
  recordedBy: z.string(),
  note: z.string(),
  debtAfter: z.number().int(),
});
export type WaiterMovement = z.infer<typeof WaiterMovement>;

const PageNumber = z.string().regex(/^[1-9]\d{0,14}$/).transform(Number);

/** GET /api/waiters/:id/history?before=&limit= (query strings; newest first, `before` an entry id) */
export const WaiterHistoryQuery = z.object({ before: PageNumber.optional(), limit: PageNumber.pipe(z.number().max(500)).optional() });

/** GET /api/waiters/:id/history */
export const WaiterHistory = z.object({
  waiter: KnownWaiter.extend({ debt: z.number().int() }),
  entries: z.array(WaiterMovement),
});
export type WaiterHistory = z.infer<typeof WaiterHistory>;

/** POST /api/waiters/:id/hand-ins: kopecks above zero; one key per confirmation dialog. */
export const HandInRequest = z.object({
  amount: z.number().int().positive().max(MAX_WIRE_MONEY * 100),
  note: z.string().max(200).optional(),
  recordedBy: z.string().max(64).optional(),
  idempotencyKey: z.string().min(1).max(128).optional(),
});
export type HandInRequest = z.input<typeof HandInRequest>;

/** POST /api/waiters/:id/hand-ins */
export const HandInAnswer = z.object({
  handIn: z.object({ id: z.number().int(), amount: z.number().int(), at: z.string() }),
  debt: z.number().int(),
});
export type HandInAnswer = z.infer<typeof HandInAnswer>;

/** PUT /api/waiters/:id: the name the dashboard shows for a waiter. */
export const RenameRequest = z.object({ name: z.string().trim().min(1).max(64) });
export type RenameRequest = z.input<typeof RenameRequest>;

/** PUT /api/waiters/:id */
export const RenameAnswer = z.object({ waiter: KnownWaiter.extend({ name: z.string(), debt: z.number().int() }) });
export type RenameAnswer = z.infer<typeof RenameAnswer>;

/** A shift the report covers: a closed shift's number, or the one now open. */
export type ShiftChoice = number | 'current';

/**
 * GET /api/reports/shift?from=&to=&shift=&format= (a bare date is its business day's start; the
 * current business day by default; `shift` a closed shift's number or `current`, instead of dates)
 */
export const ShiftReportQuery = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  shift: z
    .string()
    .regex(/^(current|[1-9]\d{0,8})$/)
    .transform((text): ShiftChoice => (text === 'current' ? 'current' : Number(text)))
    .optional(),
  format: z.enum(['json', 'csv']).optional(),
});

/** One waiter's cash over a period. */
export const ShiftWaiterLine = z.object({
  id: z.string(),
  name: z.string().nullable(),
  openingDebt: z.number().int(),
  taken: z.number().int(),
  handedIn: z.number().int(),
  reversed: z.number().int(),
  closingDebt: z.number().int(),
});
export type ShiftWaiterLine = z.infer<typeof ShiftWaiterLine>;

export const ShiftTotals = ShiftWaiterLine.omit({ id: true, name: true });
export type ShiftTotals = z.infer<typeof ShiftTotals>;

/** GET /api/reports/shift */
export const ShiftReport = z.object({
  from: z.string(),
  to: z.string(),
  waiters: z.array(ShiftWaiterLine),
  totals: ShiftTotals,
  /** Cash paid straight into the till (waiter cash off, or no waiter identified), net of its refunds. */
  cashToTill: z.number().int(),
});
export type ShiftReport = z.infer<typeof ShiftReport>;
