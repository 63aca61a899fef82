import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatementReads } from '../testing/statement-reads.js';
import { openTillDatabase, type TillDatabase } from '../ledger/database.js';
import { WaiterIdentity } from '../waiters/waiter-identity.js';
import { EmbeddedLoyaltyBook } from './embedded-book.js';
import { importSeed } from './seed-file.js';
import { bookScan, keptScans, saveBookGuest, saveBookVoucher, SCANS_KEPT } from '../ledger/loyalty-book.js';

let dir: string;
let db: TillDatabase;
let book: EmbeddedLoyaltyBook;

/**
 * Codes that clash on purpose: a guest QR equal to a voucher QR, a guest QR that reads as another
 * guest's phone, a card number that reads as a phone.
 */
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gmb-book-'));
  db = openTillDatabase(dir);
  importSeed(
    db,
    {
      guests: [
        { id: 'qr-guest', fullName: 'Гость По QR', qr: ['CLASH-1', '79990000002'], balance: 10 },
        { id: 'phone-guest', fullName: 'Гость По Телефону', phone: '+7 999 000-00-02', qr: [], balance: 20 },
        { id: 'card-guest', fullName: 'Гость По Карте', card: '8999 0000 0002', qr: [], balance: 30 },
        { id: 'phone-3', fullName: 'Третий', phone: '89990000003', card: '4276 0000 0000 0003', qr: [], balance: 0 },
        { id: 'voucher-owner', fullName: 'Владелец Подарка', qr: [], balance: 500 },
      ],
      giftVouchers: [{ id: 'v-clash', guestId: 'voucher-owner', name: 'Капучино', productCode: '1001', points: 200, qr: 'CLASH-1' }],
      waiters: [],
    },
    new WaiterIdentity(db, randomBytes(32)),
    '2025-01-01T00:00:00.000Z',
  );
  book = new EmbeddedLoyaltyBook(db);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('EmbeddedLoyaltyBook.lookup precedence: voucher QR, guest QR, phone, card', () => {
  it('a voucher QR wins over a guest QR with the same text', async () => {
    expect(await book.lookup('CLASH-1')).toMatchObject({ kind: 'voucher', guest: { id: 'voucher-owner' }, voucher: { id: 'v-clash', points: 200_00 } });
  });

  it('a guest QR wins over the phone number it reads as', async () => {
    expect(await book.lookup('79990000002')).toMatchObject({ kind: 'guest', guest: { id: 'qr-guest' } });
  });

  it('a phone number in any format finds its guest when no QR matches', async () => {
    for (const phone of ['+7 999 000-00-02', '8 (999) 000-00-02', '89990000002']) {
      expect(await book.lookup(phone)).toMatchObject({ kind: 'guest', guest: { id: 'phone-guest' } });
    }
    expect(await book.lookup('+7 999 000-00-03')).toMatchObject({ kind: 'guest', guest: { id: 'phone-3' } });
  });

  it('a card number is looked up last, with or without spaces', async () => {
    expect(await book.lookup('8999 0000 0002')).toMatchObject({ kind: 'guest', guest: { id: 'card-guest' } });
    expect(await book.lookup('4276000000000003')).toMatchObject({ kind: 'guest', guest: { id: 'phone-3' } });
  });

  it('trims what the scanner sends and knows nothing else', async () => {
    expect(await book.lookup('  CLASH-1 \n')).toMatchObject({ kind: 'voucher' });
    expect(await book.lookup('GMB-G-0000')).toEqual({ kind: 'unknown' });
    expect(await book.lookup('79990000009')).toEqual({ kind: 'unknown' });
  });

  it('finds a guest by QR in one read of the book, a voucher in two (its owner); a code scanned before in none, its owner in one', () => {
    const reads = countStatementReads(db);
    try {
      saveBookGuest(db, { id: 'scan-guest', fullName: 'Гость Сканов', openingBalance: 10_00, phone: null, card: null, codes: ['SCAN-1'] });
      saveBookVoucher(db, { id: 'v-scan', guestId: 'voucher-owner', name: 'Латте', productCode: '1002', points: 100_00, qr: 'SCAN-V' });
      reads.mockClear();
      const guest = { kind: 'guest', guest: { id: 'scan-guest', fullName: 'Гость Сканов', baseBalance: 10_00 } };
      expect(book.lookup('SCAN-1')).toEqual(guest);
      expect(reads).toHaveBeenCalledTimes(1);
      reads.mockClear();
      const voucher = {
        kind: 'voucher',
        guest: { id: 'voucher-owner', fullName: 'Владелец Подарка', baseBalance: 500_00 },
        voucher: { id: 'v-scan', guestId: 'voucher-owner', name: 'Латте', productCode: '1002', points: 100_00 },
      };
      expect(book.lookup('SCAN-V')).toEqual(voucher);
      expect(reads).toHaveBeenCalledTimes(2);
      // Scanned again (a waiter opening the guest's order again): the book's answer is kept.
      reads.mockClear();
      expect(book.lookup('SCAN-1')).toEqual(guest);
      expect(reads).toHaveBeenCalledTimes(0);
      expect(book.lookup('SCAN-V')).toEqual(voucher);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });
});

describe('the book answers kept for codes scanned before (issue 19)', () => {
  it('are let go when the book changes: a code given to another guest, a voucher renamed', () => {
    saveBookGuest(db, { id: 'first-owner', fullName: 'Первый Владелец', openingBalance: 0, phone: null, card: null, codes: ['MOVED-1'] });
    saveBookVoucher(db, { id: 'v-moved', guestId: 'first-owner', name: 'Чай', productCode: '1003', points: 50_00, qr: 'MOVED-V' });
    expect(book.lookup('MOVED-1')).toMatchObject({ guest: { id: 'first-owner' } });
    expect(book.lookup('MOVED-V')).toMatchObject({ voucher: { name: 'Чай' } });
    saveBookGuest(db, { id: 'second-owner', fullName: 'Второй Владелец', openingBalance: 0, phone: null, card: null, codes: ['MOVED-1'] });
    expect(book.lookup('MOVED-1')).toMatchObject({ guest: { id: 'second-owner', fullName: 'Второй Владелец' } });
    saveBookVoucher(db, { id: 'v-moved', guestId: 'first-owner', name: 'Чай с мёдом', productCode: '1003', points: 50_00, qr: 'MOVED-V' });
    expect(book.lookup('MOVED-V')).toMatchObject({ voucher: { name: 'Чай с мёдом' } });
  });

  it('are not kept from inside a transaction that rolls back', () => {
    saveBookGuest(db, { id: 'kept-owner', fullName: 'Хозяин Кода', openingBalance: 0, phone: null, card: null, codes: ['ROLLED-1'] });
    expect(() =>
      db.transaction(() => {
        saveBookGuest(db, { id: 'rolled-owner', fullName: 'Откатанный', openingBalance: 0, phone: null, card: null, codes: ['ROLLED-1'] });
        expect(bookScan(db, 'ROLLED-1').guest?.id).toBe('rolled-owner');
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(book.lookup('ROLLED-1')).toMatchObject({ guest: { id: 'kept-owner' } });
  });

  it('keep nothing for codes that are nothing, and never more than SCANS_KEPT codes', () => {
    saveBookGuest(db, { id: 'many-codes', fullName: 'Много Кодов', openingBalance: 0, phone: null, card: null, codes: Array.from({ length: SCANS_KEPT + 10 }, (_, n) => `MANY-${n}`) });
    for (let n = 0; n < 5_000; n += 1) expect(book.lookup(`MADE-UP-${n}`)).toEqual({ kind: 'unknown' });
    expect(keptScans(db)).toBe(0);
    for (let n = 0; n < SCANS_KEPT + 10; n += 1) expect(book.lookup(`MANY-${n}`)).toMatchObject({ guest: { id: 'many-codes' } });
    expect(keptScans(db)).toBeGreaterThan(0);
    expect(keptScans(db)).toBeLessThanOrEqual(SCANS_KEPT);
  });

  it('are read-only to the check-in, by type and at run time', () => {
    const found = book.lookup('CLASH-1');
    if (found instanceof Promise || found.kind !== 'voucher') throw new Error('CLASH-1 is a voucher');
    expect(() => {
      // @ts-expect-error: a scanned voucher is read-only (the book's kept answers are shared).
      found.voucher.name = 'Другой подарок';
    }).toThrow(TypeError);
  });

  it('cannot be changed by whoever is given one', () => {
    saveBookGuest(db, { id: 'frozen-guest', fullName: 'Неизменный', openingBalance: 1_00, phone: null, card: null, codes: ['FROZEN-1'] });
    const scan = bookScan(db, 'FROZEN-1');
    expect(() => {
      (scan.guest as { fullName: string }).fullName = 'Другой';
    }).toThrow(TypeError);
    expect(bookScan(db, 'FROZEN-1').guest?.fullName).toBe('Неизменный');
  });
});
