import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

/**
 * The embedded loyalty book's tables: guests, their QR codes, gift vouchers and rules (points and
 * balances in kopecks, shares in basis points).
 */
export interface BookGuest {
  id: string;
  fullName: string;
  openingBalance: number;
}

export interface BookVoucher {
  id: string;
  guestId: string;
  name: string;
  productCode: string;
  points: number;
}

export interface BookRules {
  maxBonusShareBp: number;
  cashbackBp: number;
}

const GUEST = 'id, full_name AS fullName, opening_balance AS openingBalance';
const VOUCHER = 'id, guest_id AS guestId, name, product_code AS productCode, points';

// Each statement's text built once (not per call, which the statement cache would hash every time).
const GUEST_BY_ID = `SELECT ${GUEST} FROM book_guests WHERE id = ?`;
const GUEST_BY_CODE = `SELECT ${GUEST} FROM book_guests WHERE id = (SELECT guest_id FROM book_guest_codes WHERE code = ?)`;
const GUEST_BY_PHONE = `SELECT ${GUEST} FROM book_guests WHERE phone = ? ORDER BY id LIMIT 1`;
const GUEST_BY_CARD = `SELECT ${GUEST} FROM book_guests WHERE card = ? ORDER BY id LIMIT 1`;
const VOUCHER_BY_ID = `SELECT ${VOUCHER} FROM book_vouchers WHERE id = ?`;
const VOUCHER_BY_QR = `SELECT ${VOUCHER} FROM book_vouchers WHERE qr = ?`;

const guestOf = (row: unknown) => (row as BookGuest | undefined) ?? null;
const voucherOf = (row: unknown) => (row as BookVoucher | undefined) ?? null;

export const bookGuest = (db: TillDatabase, id: string) => guestOf(prepared(db, GUEST_BY_ID).get(id));

/**
 * A guest by one of their QR codes: the code's guest id looked up first, then the guest by that id.
 * The same answer as a join of the two tables, in well under half its time (a code is a primary key:
 * one guest at most), and it runs on every check-in (issue 19).
 */
export const bookGuestByCode = (db: TillDatabase, code: string) =>
  guestOf(prepared(db, GUEST_BY_CODE).get(code));

export const bookGuestByPhone = (db: TillDatabase, phone: string) =>
  guestOf(prepared(db, GUEST_BY_PHONE).get(phone));

export const bookGuestByCard = (db: TillDatabase, card: string) => guestOf(prepared(db, GUEST_BY_CARD).get(card));

export const bookVoucher = (db: TillDatabase, id: string) => voucherOf(prepared(db, VOUCHER_BY_ID).get(id));

export const bookVoucherByQr = (db: TillDatabase, qr: string) => voucherOf(prepared(db, VOUCHER_BY_QR).get(qr));

export function bookRules(db: TillDatabase): BookRules | null {
  const row = prepared(db, 'SELECT max_bonus_share_bp AS maxBonusShareBp, cashback_bp AS cashbackBp FROM book_rules WHERE id = 1').get();
  return (row as BookRules | undefined) ?? null;
}

/** Kopecks the till's own entries (write-offs, accruals, refunds) added to the guest's opening balance. */
export function guestEntriesTotal(db: TillDatabase, guestId: string): number {
  return (prepared(db, 'SELECT COALESCE(SUM(amount), 0) AS total FROM guest_entries WHERE guest_id = ?').get(guestId) as { total: number }).total;
}

export function isBookEmpty(db: TillDatabase): boolean {
  return (prepared(db, 'SELECT COUNT(*) AS n FROM book_guests').get() as { n: number }).n === 0;
}

export function saveBookRules(db: TillDatabase, rules: BookRules): void {
  prepared(
    db,
    `INSERT INTO book_rules (id, max_bonus_share_bp, cashback_bp) VALUES (1, @maxBonusShareBp, @cashbackBp)
     ON CONFLICT (id) DO UPDATE SET max_bonus_share_bp = excluded.max_bonus_share_bp, cashback_bp = excluded.cashback_bp`,
  ).run(rules);
}

/** Inserts or updates the guest by id, and points each of its codes at it. */
export function saveBookGuest(db: TillDatabase, guest: BookGuest & { phone: string | null; card: string | null; codes: readonly string[] }): void {
  prepared(
    db,
    `INSERT INTO book_guests (id, full_name, phone, card, opening_balance) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET full_name = excluded.full_name, phone = excluded.phone,
       card = excluded.card, opening_balance = excluded.opening_balance`,
  ).run(guest.id, guest.fullName, guest.phone, guest.card, guest.openingBalance);
  const code = prepared(db, 'INSERT INTO book_guest_codes (code, guest_id) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET guest_id = excluded.guest_id');
  for (const value of guest.codes) code.run(value, guest.id);
}

export function saveBookVoucher(db: TillDatabase, voucher: BookVoucher & { qr: string }): void {
  prepared(
    db,
    `INSERT INTO book_vouchers (id, guest_id, name, product_code, points, qr) VALUES (@id, @guestId, @name, @productCode, @points, @qr)
     ON CONFLICT (id) DO UPDATE SET guest_id = excluded.guest_id, name = excluded.name,
       product_code = excluded.product_code, points = excluded.points, qr = excluded.qr`,
  ).run(voucher);
}
