import type { TillDatabase } from '../ledger/database.js';
import {
  bookGuest,
  bookGuestByCard,
  bookGuestByPhone,
  bookRules,
  bookScan,
  bookVoucher,
  guestEntriesTotal,
  type BookGuest,
} from '../ledger/loyalty-book.js';
import { normalisePhone } from './phone-number.js';
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

/**
 * The embedded loyalty book: guests, their QR codes, gift vouchers and rules in the till's own
 * SQLite file. Works offline and out of the box. A guest's balance is the opening balance plus every
 * ledger entry of the till (write-offs, accruals, refunds).
 */
export class EmbeddedLoyaltyBook implements LoyaltyProvider {
  readonly kind = 'local' as const;
  constructor(private readonly db: TillDatabase) {}

  /** At once (no promise): the book is the till's own file, and the check-in reads its order only once then. */
  lookup(value: string): ScanLookup {
    const code = value.trim();
    const scanned = bookScan(this.db, code);
    if (scanned.voucher) {
      const guest = this.guestNow(scanned.voucher.guestId);
      if (guest) return { kind: 'voucher', guest, voucher: scanned.voucher };
    }
    if (scanned.guest) return { kind: 'guest', guest: toGuest(scanned.guest) };
    const phone = normalisePhone(code);
    if (phone) {
      const byPhone = bookGuestByPhone(this.db, phone);
      if (byPhone) return { kind: 'guest', guest: toGuest(byPhone) };
    }
    const digits = code.replace(/[\s-]/g, '');
    if (/^\d{4,32}$/.test(digits)) {
      const byCard = bookGuestByCard(this.db, digits);
      if (byCard) return { kind: 'guest', guest: toGuest(byCard) };
    }
    return { kind: 'unknown' };
  }

  async guest(guestId: string): Promise<GuestProfile | null> {
    return this.guestNow(guestId);
  }

  private guestNow(guestId: string): GuestProfile | null {
    const row = bookGuest(this.db, guestId);
    return row ? toGuest(row) : null;
  }

  async voucher(voucherId: string): Promise<VoucherProfile | null> {
    return bookVoucher(this.db, voucherId);
  }

  rules(): LoyaltyRules {
    return bookRules(this.db) ?? DEFAULT_BOOK_RULES;
  }

  ledgerAdjustment(guestId: string): number {
    return guestEntriesTotal(this.db, guestId);
  }

  record(): void {
    // The book is the ledger itself: the entries written with the payment are all it needs.
  }

  status(): ProviderStatus {
    return { provider: 'local', online: true, lastError: null, trouble: null, parked: 0, outbox: 0 };
  }

  async close(): Promise<void> {}
}

function toGuest(row: BookGuest): GuestProfile {
  return { id: row.id, fullName: row.fullName, baseBalance: row.openingBalance };
}
