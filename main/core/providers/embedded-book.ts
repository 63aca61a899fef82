import type { TillDatabase } from '../ledger/database.js';
import { normalisePhone } from '../loyalty/phone-number.js';
import type {
  GuestProfile,
  LoyaltyProvider,
  LoyaltyRules,
  ProviderStatus,
  ScanLookup,
  VoucherProfile,
} from './loyalty-provider.js';

/** Rules when the seed gave none: half the order payable with bonuses, 5 % cashback. */
export const DEFAULT_BOOK_RULES: LoyaltyRules = { maxBonusShareBp: 5_000, cashbackBp: 500 };

interface GuestRow {
  id: string;
  full_name: string;
  opening_balance: number;
}

interface VoucherRow {
  id: string;
  guest_id: string;
  name: string;
  product_code: string;
  points: number;
}

/**
 * The embedded loyalty book: guests, their QR codes, gift vouchers and rules in the till's own
 * SQLite file. Works offline and out of the box. A guest's balance is the opening balance plus every
 * ledger entry of the till (write-offs, accruals, refunds).
 */
export class EmbeddedLoyaltyBook implements LoyaltyProvider {
  readonly kind = 'local' as const;
  private readonly statements;

  constructor(db: TillDatabase) {
    this.statements = {
      guestById: db.prepare('SELECT id, full_name, opening_balance FROM book_guests WHERE id = ?'),
      guestByCode: db.prepare(
        'SELECT g.id, g.full_name, g.opening_balance FROM book_guest_codes c JOIN book_guests g ON g.id = c.guest_id WHERE c.code = ?',
      ),
      guestByPhone: db.prepare('SELECT id, full_name, opening_balance FROM book_guests WHERE phone = ? ORDER BY id LIMIT 1'),
      guestByCard: db.prepare('SELECT id, full_name, opening_balance FROM book_guests WHERE card = ? ORDER BY id LIMIT 1'),
      voucherById: db.prepare('SELECT id, guest_id, name, product_code, points FROM book_vouchers WHERE id = ?'),
      voucherByQr: db.prepare('SELECT id, guest_id, name, product_code, points FROM book_vouchers WHERE qr = ?'),
      rules: db.prepare('SELECT max_bonus_share_bp, cashback_bp FROM book_rules WHERE id = 1'),
      entries: db.prepare('SELECT COALESCE(SUM(amount), 0) AS total FROM guest_entries WHERE guest_id = ?'),
    };
  }

  async lookup(value: string): Promise<ScanLookup> {
    return this.lookupNow(value);
  }

  lookupNow(value: string): ScanLookup {
    const code = value.trim();
    const voucherRow = this.statements.voucherByQr.get(code) as VoucherRow | undefined;
    if (voucherRow) {
      const guest = this.guestNow(voucherRow.guest_id);
      if (guest) return { kind: 'voucher', guest, voucher: toVoucher(voucherRow) };
    }
    const byCode = this.statements.guestByCode.get(code) as GuestRow | undefined;
    if (byCode) return { kind: 'guest', guest: toGuest(byCode) };
    const phone = normalisePhone(code);
    if (phone) {
      const byPhone = this.statements.guestByPhone.get(phone) as GuestRow | undefined;
      if (byPhone) return { kind: 'guest', guest: toGuest(byPhone) };
    }
    const digits = code.replace(/[\s-]/g, '');
    if (/^\d{4,32}$/.test(digits)) {
      const byCard = this.statements.guestByCard.get(digits) as GuestRow | undefined;
      if (byCard) return { kind: 'guest', guest: toGuest(byCard) };
    }
    return { kind: 'unknown' };
  }

  async guest(guestId: string): Promise<GuestProfile | null> {
    return this.guestNow(guestId);
  }

  private guestNow(guestId: string): GuestProfile | null {
    const row = this.statements.guestById.get(guestId) as GuestRow | undefined;
    return row ? toGuest(row) : null;
  }

  async voucher(voucherId: string): Promise<VoucherProfile | null> {
    const row = this.statements.voucherById.get(voucherId) as VoucherRow | undefined;
    return row ? toVoucher(row) : null;
  }

  rules(): LoyaltyRules {
    const row = this.statements.rules.get() as { max_bonus_share_bp: number; cashback_bp: number } | undefined;
    return row ? { maxBonusShareBp: row.max_bonus_share_bp, cashbackBp: row.cashback_bp } : DEFAULT_BOOK_RULES;
  }

  ledgerAdjustment(guestId: string): number {
    return (this.statements.entries.get(guestId) as { total: number }).total;
  }

  record(): void {
    // The book is the ledger itself: the entries written with the payment are all it needs.
  }

  status(): ProviderStatus {
    return { provider: 'local', online: true, lastError: null, outbox: 0 };
  }

  async close(): Promise<void> {}
}

function toGuest(row: GuestRow): GuestProfile {
  return { id: row.id, fullName: row.full_name, baseBalance: row.opening_balance };
}

function toVoucher(row: VoucherRow): VoucherProfile {
  return { id: row.id, guestId: row.guest_id, name: row.name, productCode: row.product_code, points: row.points };
}
