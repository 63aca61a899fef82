import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { basisPointsFromFraction, kopecksFromWire } from '../../../shared/money.js';
import type { TillDatabase } from '../ledger/database.js';
import { saveBookGuest, saveBookRules, saveBookVoucher } from '../ledger/loyalty-book.js';
import { atomically } from '../ledger/transaction.js';
import { normalisePhone } from './phone-number.js';
import type { WaiterIdentity } from '../waiters/waiter-identity.js';

const Points = z.number().refine((v) => kopecksFromWire(v) !== null, { error: 'a sum ≥ 0 with at most 2 decimals' });

/** The loyalty book's seed file (README, Loyalty providers). `card` is our addition: a plastic card's number. */
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
/** `Points` has refused every number kopecksFromWire cannot read. */
const kopecksOf = (points: number) => kopecksFromWire(points) as number;

export function importSeed(db: TillDatabase, seed: SeedFile, waiters: WaiterIdentity, at: string): void {
  atomically(db, () => {
    if (seed.rules) {
      saveBookRules(db, {
        maxBonusShareBp: basisPointsFromFraction(seed.rules.maxBonusShare),
        cashbackBp: basisPointsFromFraction(seed.rules.cashbackPercent / 100),
      });
    }
    for (const guest of seed.guests) {
      saveBookGuest(db, {
        id: guest.id,
        fullName: guest.fullName,
        phone: guest.phone ? normalisePhone(guest.phone) : null,
        card: guest.card ? guest.card.replace(/\D/g, '') || null : null,
        openingBalance: kopecksOf(guest.balance),
        codes: guest.qr,
      });
    }
    for (const voucher of seed.giftVouchers) {
      saveBookVoucher(db, {
        id: voucher.id,
        guestId: voucher.guestId,
        name: voucher.name,
        productCode: voucher.productCode,
        points: kopecksOf(voucher.points),
        qr: voucher.qr,
      });
    }
    for (const waiter of seed.waiters) {
      const id = waiters.idForPin(waiter.pin);
      waiters.remember(id, waiter.name, at);
      waiters.rename(id, waiter.name);
    }
  });
}
