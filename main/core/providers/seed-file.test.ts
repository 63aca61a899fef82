import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTillDatabase, type TillDatabase } from '../ledger/database.js';
import { recordGuestEntry } from '../ledger/guest-entries.js';
import { WaiterIdentity } from '../waiters/waiter-identity.js';
import { DEMO_BOOK } from './demo-book.js';
import { EmbeddedLoyaltyBook } from './embedded-book.js';
import { temporaryFolders } from '../testing/temporary-folders.js';
import { importSeed, readSeedFile, SeedFileError, type SeedFile } from './seed-file.js';

const AT = '2025-01-01T00:00:00.000Z';
const folder = temporaryFolders('seed');
let db: TillDatabase;

function openBook(): { dir: string; db: TillDatabase; waiters: WaiterIdentity; book: EmbeddedLoyaltyBook } {
  const dir = folder();
  db = openTillDatabase(dir);
  return { dir, db, waiters: new WaiterIdentity(db, randomBytes(32)), book: new EmbeddedLoyaltyBook(db) };
}

afterEach(() => {
  db.close();
});

const BOOK_TABLES = ['book_rules', 'book_guests', 'book_guest_codes', 'book_vouchers', 'waiters'];
const dump = (database: TillDatabase) =>
  Object.fromEntries(BOOK_TABLES.map((table) => [table, database.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()]));

describe('importing the seed file', () => {
  it('is idempotent: the same file twice leaves identical tables and balances, after spending too', async () => {
    const { db, waiters, book } = openBook();
    importSeed(db, DEMO_BOOK, waiters, AT);
    recordGuestEntry(db, { guestId: 'g-1', orderId: 'o-1', operationId: 'op-1', kind: 'bonus_writeoff', amount: -300_00, holdId: null, voucherId: null, createdAt: AT });
    const before = dump(db);
    const balance = (await book.guest('g-1'))?.baseBalance ?? 0;
    importSeed(db, DEMO_BOOK, waiters, '2025-02-01T00:00:00.000Z');
    expect(dump(db)).toEqual(before);
    expect((await book.guest('g-1'))?.baseBalance).toBe(balance);
    expect(balance + book.ledgerAdjustment('g-1')).toBe(1_200_00);
  });

  it('stores money as kopecks, phones and cards normalised, rules as basis points', async () => {
    const { db, waiters, book } = openBook();
    importSeed(db, DEMO_BOOK, waiters, AT);
    expect(await book.guest('g-2')).toEqual({ id: 'g-2', fullName: 'Петрова Мария Сергеевна', baseBalance: 300_00 });
    expect(book.rules()).toEqual({ maxBonusShareBp: 5_000, cashbackBp: 500 });
    expect(waiters.nameOf(waiters.idForPin('2222'))).toBe('Борис');
  });

  it('updates a changed name, balance and voucher, and adds what is new', async () => {
    const { db, waiters, book } = openBook();
    importSeed(db, DEMO_BOOK, waiters, AT);
    const changed: SeedFile = {
      ...DEMO_BOOK,
      guests: DEMO_BOOK.guests.map((guest) => (guest.id === 'g-1' ? { ...guest, fullName: 'Иванов Иван', balance: 2000 } : guest)),
      giftVouchers: [...DEMO_BOOK.giftVouchers, { id: 'v-9', guestId: 'g-3', name: 'Чай', productCode: '1009', points: 50, qr: 'GMB-V-5009' }],
      waiters: [{ name: 'Анна Петровна', pin: '1111' }],
    };
    importSeed(db, changed, waiters, AT);
    expect(await book.guest('g-1')).toEqual({ id: 'g-1', fullName: 'Иванов Иван', baseBalance: 2_000_00 });
    expect(await book.lookup('GMB-V-5009')).toMatchObject({ kind: 'voucher', guest: { id: 'g-3' }, voucher: { points: 50_00 } });
    expect(waiters.nameOf(waiters.idForPin('1111'))).toBe('Анна Петровна');
    expect(db.prepare('SELECT COUNT(*) AS n FROM book_guests').get()).toEqual({ n: 3 });
  });

  it('rejects a file with 3-decimal balances, naming the place', () => {
    const { dir } = openBook();
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ guests: [{ id: 'g', fullName: 'Гость', balance: 1.005 }] }));
    expect(() => readSeedFile(file)).toThrow(SeedFileError);
    expect(() => readSeedFile(file)).toThrow(/guests\.0\.balance/);
  });
});
