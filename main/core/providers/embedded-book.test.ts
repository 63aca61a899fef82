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

  it('finds a guest by QR in one read of the book, a voucher in two (its owner): the check-in asks every time', () => {
    const reads = countStatementReads(db);
    try {
      expect(book.lookup('79990000002')).toEqual({ kind: 'guest', guest: { id: 'qr-guest', fullName: 'Гость По QR', baseBalance: 10_00 } });
      expect(reads).toHaveBeenCalledTimes(1);
      reads.mockClear();
      expect(book.lookup('CLASH-1')).toEqual({
        kind: 'voucher',
        guest: { id: 'voucher-owner', fullName: 'Владелец Подарка', baseBalance: 500_00 },
        voucher: { id: 'v-clash', guestId: 'voucher-owner', name: 'Капучино', productCode: '1001', points: 200_00 },
      });
      expect(reads).toHaveBeenCalledTimes(2);
    } finally {
      reads.mockRestore();
    }
  });
});
