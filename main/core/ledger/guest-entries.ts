import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

export type GuestEntryKind = 'bonus_writeoff' | 'gift_writeoff' | 'accrual' | 'bonus_return' | 'gift_return' | 'accrual_reversal';

export interface GuestEntry {
  guestId: string;
  orderId: string;
  operationId: string;
  kind: GuestEntryKind;
  /** Kopecks: positive when the guest gains points, negative when the guest spends them. */
  amount: number;
  holdId: number | null;
  voucherId: string | null;
  createdAt: string;
}

/** The entry that undoes each kind, for refunds: mistakes are corrected by new entries, never edits. */
export const REVERSAL_OF: Partial<Record<GuestEntryKind, GuestEntryKind>> = {
  bonus_writeoff: 'bonus_return',
  gift_writeoff: 'gift_return',
  accrual: 'accrual_reversal',
};

export function recordGuestEntry(db: TillDatabase, entry: GuestEntry): void {
  if (entry.amount === 0) return;
  prepared(db, `INSERT INTO guest_entries (guest_id, order_id, operation_id, kind, amount, hold_id, voucher_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(entry.guestId, entry.orderId, entry.operationId, entry.kind, entry.amount, entry.holdId, entry.voucherId, entry.createdAt);
}

export function guestEntriesOfOperation(db: TillDatabase, operationId: string): GuestEntry[] {
  const rows = prepared(db, `SELECT guest_id, order_id, operation_id, kind, amount, hold_id, voucher_id, created_at
       FROM guest_entries WHERE operation_id = +? ORDER BY id`,
    )
    .all(operationId) as {
    guest_id: string;
    order_id: string;
    operation_id: string;
    kind: GuestEntryKind;
    amount: number;
    hold_id: number | null;
    voucher_id: string | null;
    created_at: string;
  }[];
  return rows.map((row) => ({
    guestId: row.guest_id,
    orderId: row.order_id,
    operationId: row.operation_id,
    kind: row.kind,
    amount: row.amount,
    holdId: row.hold_id,
    voucherId: row.voucher_id,
    createdAt: row.created_at,
  }));
}
