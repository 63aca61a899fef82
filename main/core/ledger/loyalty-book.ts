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
const GUEST_BY_PHONE = `SELECT ${GUEST} FROM book_guests WHERE phone = +? ORDER BY id LIMIT 1`;
const GUEST_BY_CARD = `SELECT ${GUEST} FROM book_guests WHERE card = +? ORDER BY id LIMIT 1`;
const VOUCHER_BY_ID = `SELECT ${VOUCHER} FROM book_vouchers WHERE id = ?`;
// The scanned value as a voucher's QR and as a guest's code at once: one row always, its halves null
// where the value is not one. Column names prefixed where the two tables share them.
const SCAN_BY_CODE = `SELECT v.id AS voucherId, v.guest_id AS voucherGuestId, v.name AS voucherName,
    v.product_code AS voucherProductCode, v.points AS voucherPoints,
    g.id AS guestId, g.full_name AS guestFullName, g.opening_balance AS guestOpeningBalance
  FROM (SELECT ? AS code) AS scanned
  LEFT JOIN book_vouchers AS v ON v.qr = scanned.code
  LEFT JOIN book_guest_codes AS c ON c.code = scanned.code
  LEFT JOIN book_guests AS g ON g.id = c.guest_id`;

const guestOf = (row: unknown) => (row as BookGuest | undefined) ?? null;
const voucherOf = (row: unknown) => (row as BookVoucher | undefined) ?? null;

export const bookGuest = (db: TillDatabase, id: string) => guestOf(prepared(db, GUEST_BY_ID).get(id));

export const bookGuestByPhone = (db: TillDatabase, phone: string) =>
  guestOf(prepared(db, GUEST_BY_PHONE).get(phone));

export const bookGuestByCard = (db: TillDatabase, card: string) => guestOf(prepared(db, GUEST_BY_CARD).get(card));

export const bookVoucher = (db: TillDatabase, id: string) => voucherOf(prepared(db, VOUCHER_BY_ID).get(id));

interface ScanRow {
  voucherId: string | null;
  voucherGuestId: string;
  voucherName: string;
  voucherProductCode: string;
  voucherPoints: number;
  guestId: string | null;
  guestFullName: string;
  guestOpeningBalance: number;
}

/** What a scanned value is in the book: the voucher whose QR it is and the guest whose code it is (either, both or neither). */
export interface BookScan {
  readonly voucher: Readonly<BookVoucher> | null;
  readonly guest: Readonly<BookGuest> | null;
}

/** Codes a database's book answers are kept for, at most: past this the kept ones are let go. */
export const SCANS_KEPT = 1_000;

/**
 * What each code was found to be, per database. The book changes only through `saveBookGuest` and
 * `saveBookVoucher` (the seed at start-up, an import), and each of them lets these go; most scans are
 * of a code scanned before (a waiter opening a guest's order again), so the check-in reads only its
 * order (issue 19: the book's statement was about a twentieth of a check-in's CPU). A code that is
 * nothing is not kept, nor one read inside a transaction (it may roll back): a flood of made-up codes
 * keeps nothing, and the kept ones never outnumber `SCANS_KEPT`.
 */
const scansKept = new WeakMap<TillDatabase, Map<string, BookScan>>();

/** How many codes the database's book answers are kept for now (tests). */
export function keptScans(db: TillDatabase): number {
  return scansKept.get(db)?.size ?? 0;
}

function forgetScans(db: TillDatabase): void {
  scansKept.delete(db);
}

/**
 * What a scanned value is in the book, in one statement (two, voucher then guest, cost a read
 * transaction more each time; issue 19), or as it was found before (`scansKept`).
 */
export function bookScan(db: TillDatabase, code: string): BookScan {
  const known = scansKept.get(db)?.get(code);
  if (known) return known;
  const row = prepared(db, SCAN_BY_CODE).get(code) as ScanRow;
  const scan: BookScan = Object.freeze({
    voucher:
      row.voucherId === null
        ? null
        : Object.freeze({ id: row.voucherId, guestId: row.voucherGuestId, name: row.voucherName, productCode: row.voucherProductCode, points: row.voucherPoints }),
    guest: row.guestId === null ? null : Object.freeze({ id: row.guestId, fullName: row.guestFullName, openingBalance: row.guestOpeningBalance }),
  });
  if ((scan.voucher || scan.guest) && !db.inTransaction) keepScan(db, code, scan);
  return scan;
}

function keepScan(db: TillDatabase, code: string, scan: BookScan): void {
  let kept = scansKept.get(db);
  if (!kept) {
    kept = new Map();
    scansKept.set(db, kept);
  }
  if (kept.size >= SCANS_KEPT) kept.clear();
  kept.set(code, scan);
}

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
  forgetScans(db);
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
  forgetScans(db);
  prepared(
    db,
    `INSERT INTO book_vouchers (id, guest_id, name, product_code, points, qr) VALUES (@id, @guestId, @name, @productCode, @points, @qr)
     ON CONFLICT (id) DO UPDATE SET guest_id = excluded.guest_id, name = excluded.name,
       product_code = excluded.product_code, points = excluded.points, qr = excluded.qr`,
  ).run(voucher);
}
