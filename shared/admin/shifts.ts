import { z } from 'zod';
import { ShiftReport } from './waiter-cash.js';

/**
 * Shifts the cashier closes explicitly (issue 17): the shift report then covers shift to shift.
 * A shift is known by its number; the open one is the last closed one's number plus one.
 */
export const ClosedShiftView = z.object({ number: z.number().int(), from: z.string(), to: z.string(), closedBy: z.string() });
export type ClosedShiftView = z.infer<typeof ClosedShiftView>;

/** GET /api/shifts: the open shift and the closed ones, newest first. */
export const ShiftsResponse = z.object({
  open: z.object({ number: z.number().int(), from: z.string() }),
  closed: z.array(ClosedShiftView),
});
export type ShiftsResponse = z.infer<typeof ShiftsResponse>;

/** POST /api/shifts/close: the number of the shift the cashier saw open; one key per confirmation dialog. */
export const CloseShiftRequest = z.object({
  shift: z.number().int().positive().max(999_999_999),
  closedBy: z.string().trim().max(64).optional(),
  idempotencyKey: z.string().min(1).max(128).optional(),
});
export type CloseShiftRequest = z.input<typeof CloseShiftRequest>;

/** POST /api/shifts/close: the shift closed and its report. */
export const CloseShiftAnswer = z.object({ shift: ClosedShiftView, report: ShiftReport });
export type CloseShiftAnswer = z.infer<typeof CloseShiftAnswer>;
