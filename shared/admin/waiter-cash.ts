/**
 * The waiter-cash part of the admin API, as the core answers it and the dashboard reads it.
 * All sums are kopecks.
 */
export type WaiterMovementKind = 'cash_taken' | 'hand_in' | 'refund_reversal';

export interface KnownWaiter {
  id: string;
  name: string | null;
}

/** GET /api/waiters → { waiters: WaiterCashSummary[] } */
export interface WaiterCashSummary extends KnownWaiter {
  debt: number;
  takenToday: number;
  handedInToday: number;
  lastMovementAt: string | null;
}

/** One line of a waiter's history; `amount` is signed from the waiter's view (+ raises the debt). */
export interface WaiterMovement {
  id: number;
  at: string;
  kind: WaiterMovementKind;
  amount: number;
  orderId: string | null;
  cashTypeId: string;
  recordedBy: string;
  note: string;
  debtAfter: number;
}

/** GET /api/waiters/:id/history */
export interface WaiterHistory {
  waiter: KnownWaiter & { debt: number };
  entries: WaiterMovement[];
}

/** POST /api/waiters/:id/hand-ins */
export interface HandInAnswer {
  handIn: { id: number; amount: number; at: string };
  debt: number;
}

/** One waiter's cash over a period. */
export interface ShiftWaiterLine {
  id: string;
  name: string | null;
  openingDebt: number;
  taken: number;
  handedIn: number;
  reversed: number;
  closingDebt: number;
}

export type ShiftTotals = Omit<ShiftWaiterLine, 'id' | 'name'>;

/** GET /api/reports/shift */
export interface ShiftReport {
  from: string;
  to: string;
  waiters: ShiftWaiterLine[];
  totals: ShiftTotals;
  /** Cash paid straight into the till (waiter cash off, or no waiter identified), net of its refunds. */
  cashToTill: number;
}
