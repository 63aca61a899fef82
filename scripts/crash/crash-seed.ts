import { writeFileSync } from 'node:fs';
import type { SeedFile } from '../../main/core/providers/seed-file.js';

export interface CrashGuest {
  id: string;
  qr: string;
  /** Kopecks. */
  opening: number;
  vouchers: { id: string; qr: string; points: number }[];
}

export const CRASH_WAITER_PINS = ['1111', '2222', '3333'] as const;

/**
 * A loyalty book big enough that a minute of payments rarely runs out of points or gifts: guests
 * with 5 000 points each and a dozen gift vouchers apiece.
 */
export function writeCrashSeed(file: string, guestCount = 30, vouchersPerGuest = 12): CrashGuest[] {
  const guests: CrashGuest[] = Array.from({ length: guestCount }, (_, g) => ({
    id: `crash-g-${g + 1}`,
    qr: `CRASH-G-${1000 + g + 1}`,
    opening: 500_000,
    vouchers: Array.from({ length: vouchersPerGuest }, (_, v) => ({
      id: `crash-v-${g + 1}-${v + 1}`,
      qr: `CRASH-V-${g + 1}-${v + 1}`,
      points: 10_000 + 2_500 * (v % 4),
    })),
  }));
  const seed: SeedFile = {
    rules: { maxBonusShare: 0.5, cashbackPercent: 5 },
    guests: guests.map((guest) => ({ id: guest.id, fullName: `Гость ${guest.id}`, qr: [guest.qr], balance: guest.opening / 100 })),
    giftVouchers: guests.flatMap((guest) =>
      guest.vouchers.map((voucher) => ({ id: voucher.id, guestId: guest.id, name: 'Капучино', productCode: '1001', points: voucher.points / 100, qr: voucher.qr })),
    ),
    waiters: CRASH_WAITER_PINS.map((pin, i) => ({ name: ['Анна', 'Борис', 'Вера'][i] as string, pin })),
  };
  writeFileSync(file, JSON.stringify(seed, null, 2));
  return guests;
}
