import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { basisPointsFromFraction, kopecksFromWire } from '../../../shared/money.js';
import type { TillDatabase } from '../ledger/database.js';
import { normalisePhone } from '../loyalty/phone-number.js';
import type { WaiterIdentity } from '../waiters/waiter-identity.js';

const Points = z.number().refine((v) => kopecksFromWire(v) !== null, { error: 'a sum ≥ 0 with at most 2 decimals' });

/** The loyalty book's seed file (PROTOCOL.md §6). `card` is our addition: a plastic card's number. */
export const SeedFile = z.object({
  rules: z
    .object({ maxBonusShare: z.number().min(0).max(1), cashbackPercent: z.number().min(0).max(100) })
    .optional(),
  guests: z
    .array(
      z.object({
        id: z.string().min(1),
        fullName: z.string().min(1),
        phone: z.string().optional(),
        card: z.string().optional(),
        qr: z.array(z.string().min(1)).default([]),
        balance: Points,
      }),
    )
    .default([]),
  giftVouchers: z
    .array(
      z.object({
        id: z.string().min(1),
        guestId: z.string().min(1),
        name: z.string().min(1),
        productCode: z.string().min(1),
        points: Points,
        qr: z.string().min(1),
      }),
    )
    .default([]),
  waiters: z.array(z.object({ name: z.string().min(1), pin: z.string().min(1) })).default([]),
});
export type SeedFile = z.infer<typeof SeedFile>;

export class SeedFileError extends Error {}

export function readSeedFile(file: string): SeedFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SeedFileError(`Cannot read the seed file ${file}: ${(error as Error).message}`);
  }
  const parsed = SeedFile.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new SeedFileError(`The seed file ${file} is not valid: ${where}`);
  }
  return parsed.data;
}

/**
 * Upserts the seed into the loyalty book, by id. A guest's `balance` is its opening balance: points
 * spent and earned at the till are ledger entries on top of it, so importing the same file again
 * (at every start, say) changes nothing.
 */
export function importSeed(db: TillDatabase, seed: SeedFile, waiters: WaiterIdentity, at: string): void {
  db.transaction(() => {
    if (seed.rules) {
      db.prepare(
        `INSERT INTO book_rules (id, max_bonus_share_bp, cashback_bp) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET max_bonus_share_bp = excluded.max_bonus_share_bp, cashback_bp = excluded.cashback_bp`,
      ).run(basisPointsFromFraction(seed.rules.maxBonusShare), basisPointsFromFraction(seed.rules.cashbackPercent / 100));
    }
    const upsertGuest = db.prepare(
      `INSERT INTO book_guests (id, full_name, phone, card, opening_balance) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET full_name = excluded.full_name, phone = excluded.phone,
         card = excluded.card, opening_balance = excluded.opening_balance`,
    );
    const upsertCode = db.prepare(
      'INSERT INTO book_guest_codes (code, guest_id) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET guest_id = excluded.guest_id',
    );
    for (const guest of seed.guests) {
      const phone = guest.phone ? normalisePhone(guest.phone) : null;
      const card = guest.card ? guest.card.replace(/\D/g, '') || null : null;
      upsertGuest.run(guest.id, guest.fullName, phone, card, kopecksFromWire(guest.balance));
      for (const code of guest.qr) upsertCode.run(code, guest.id);
    }
    const upsertVoucher = db.prepare(
      `INSERT INTO book_vouchers (id, guest_id, name, product_code, points, qr) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET guest_id = excluded.guest_id, name = excluded.name,
         product_code = excluded.product_code, points = excluded.points, qr = excluded.qr`,
    );
    for (const voucher of seed.giftVouchers) {
      upsertVoucher.run(voucher.id, voucher.guestId, voucher.name, voucher.productCode, kopecksFromWire(voucher.points), voucher.qr);
    }
    for (const waiter of seed.waiters) {
      const id = waiters.idForPin(waiter.pin);
      waiters.remember(id, waiter.name, at);
      waiters.rename(id, waiter.name);
    }
  })();
}
