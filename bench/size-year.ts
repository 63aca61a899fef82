/**
 * The database of a year at a busy restaurant: `npm run size-year [-- days]` (default 365).
 *
 * 300 orders a day over 14 opening hours, each through the same rules the waiter API calls (no
 * HTTP): 60 % check in a guest (one of 5 000 regulars), their pre-check is printed and a fifth of
 * them pay 100 bonuses, 40 % of the orders are paid in cash (the
 * waiter's debt), each payment's answer is stored under its Idempotency-Key; 2 % of the requests are
 * refused (a feed event each); every waiter hands in the day's cash at closing, and the nightly
 * retention prune runs (feed events 90 days, keys 30 days). The file is measured at the end of each
 * month, and at the end the bytes each table takes.
 *
 * SQLite's synchronous=OFF here (the size does not depend on it; a year of fsyncs would take hours).
 * `--keep DIR` keeps the year's data folder there, closed cleanly (for `npm run bench:year`).
 */
import { cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SETTINGS } from '../shared/settings/schema.js';
import { handIn } from '../main/core/cash/hand-in.js';
import { createCore, type TillCore } from '../main/core/create-core.js';
import { waiterDebt } from '../main/core/ledger/waiter-debts.js';
import { checkIn } from '../main/core/loyalty/check-in.js';
import { payOrder } from '../main/core/loyalty/payment.js';
import { precheck } from '../main/core/loyalty/precheck.js';
import { Refusal } from '../main/core/loyalty/refusal.js';
import { memorySettingsStore } from '../main/core/settings/settings-store.js';
import { randomUUID } from 'node:crypto';
import type { SeedFile } from '../main/core/providers/seed-file.js';
import { BONUS_TYPE } from './mixed-requests.js';

const { values: options, positionals } = parseArgs({ options: { keep: { type: 'string' } }, allowPositionals: true });
const DAYS = Number(positionals[0] ?? 365);
const ORDERS_PER_DAY = 300;
const GUESTS = 5_000;
const WAITERS = 12;
const CASH_TYPE = { paymentTypeId: 'a2c5e0f1-0000-4000-8000-00000000ca57', kind: 'Cash' };
const CARD_TYPE = { paymentTypeId: 'b3d6f102-0000-4000-8000-00000000ca2d', kind: 'Card' };

/** A deterministic sequence, so two runs measure the same year. */
let seed = 13;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}

/** The restaurant's regulars: 5 000 guests with a phone and a QR code, and its waiters. */
function book(): SeedFile {
  return {
    rules: { maxBonusShare: 0.5, cashbackPercent: 5 },
    guests: Array.from({ length: GUESTS }, (_, n) => ({ id: `g-${n}`, fullName: `Гость ${n}`, phone: `7999${String(n).padStart(7, '0')}`, qr: [`GMB-G-${n}`], balance: 500 })),
    giftVouchers: [],
    waiters: Array.from({ length: WAITERS }, (_, n) => ({ name: `Официант ${n}`, pin: String(1000 + n) })),
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'gmb-size-year-'));
const seedFile = path.join(dir, 'seed.json');
writeFileSync(seedFile, JSON.stringify(book()));
const dataDir = path.join(dir, 'data');
let now = Date.UTC(2026, 0, 1, 7, 0, 0);
const clock = { now: () => new Date(now) };
const store = memorySettingsStore({ ...DEFAULT_SETTINGS, bonusPaymentTypeId: BONUS_TYPE });

const core: TillCore = createCore({ dataDir, settingsStore: store, clock, demoBook: false, seedFile });
core.backups.stopDaily();
core.db.pragma('synchronous = OFF');
const waiters = Array.from({ length: WAITERS }, (_, n) => core.waiters.identify({ pin: String(1000 + n) }) as string);
let refusals = 0;
let orders = 0;
const began = performance.now();

async function serveOrder(orderId: string, waiterId: string): Promise<void> {
  const loyalty = core.loyalty;
  const orderSum = 50_000 + Math.floor(random() * 400) * 1_000;
  let bonus = 0;
  const guest = random() < 0.6 ? Math.floor(random() * GUESTS) : null;
  if (guest !== null) {
    await checkIn(loyalty, orderId, `GMB-G-${guest}`, waiterId);
    const wantsBonus = random() < 0.2;
    const answer = await precheck(loyalty, orderId, { orderSum, bonusSum: wantsBonus ? 10_000 : null }, waiterId);
    bonus = Math.round(answer.BonusSum * 100);
  }
  const rest = orderSum - bonus;
  const cash = random() < 0.4;
  const items = [
    ...(bonus > 0 ? [{ paymentTypeId: BONUS_TYPE, kind: 'External', sum: bonus }] : []),
    { ...(cash ? CASH_TYPE : CARD_TYPE), sum: rest },
  ];
  const key = randomUUID();
  const requestHash = core.keys.hashRequest('POST', `/orders/${orderId}/payments`, { OrderSum: orderSum, PaymentItems: items });
  await payOrder(loyalty, orderId, { orderSum, items, waiterId }, (response) => {
    core.keys.save(key, { requestHash, statusCode: 200, body: JSON.stringify(response) }, clock.now().toISOString());
  });
}

/** till.db once its WAL is written back (the WAL itself stays under about 4 MB between checkpoints). */
function fileSize(): number {
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  return statSync(path.join(dataDir, 'till.db')).size;
}

const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
for (let day = 0; day < DAYS; day += 1) {
  const opening = Date.UTC(2026, 0, 1 + day, 7, 0, 0);
  for (let n = 0; n < ORDERS_PER_DAY; n += 1) {
    now = opening + Math.floor((n * 14 * 3_600_000) / ORDERS_PER_DAY);
    const waiterId = waiters[n % WAITERS] as string;
    try {
      if (random() < 0.02) throw new Refusal('unknownCode');
      await serveOrder(randomUUID(), waiterId);
      orders += 1;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      refusals += 1;
      core.events.record('request.refused', { route: 'POST /GetMeBack/orders/x/checkin', message: 'Гость не найден в GetMeBack. Проверьте QR-код, номер телефона или карты и повторите чекин.' });
    }
  }
  now = opening + 15 * 3_600_000;
  for (const waiterId of waiters) {
    const debt = waiterDebt(core.db, waiterId);
    if (debt > 0) handIn(core.loyalty, waiterId, { amount: debt, note: '', recordedBy: 'Кассир', idempotencyKey: randomUUID() });
  }
  now = opening + 23 * 3_600_000;
  core.retention.prune();
  if ((day + 1) % 30 === 0 || day === DAYS - 1) {
    console.log(`day ${day + 1}: ${mb(fileSize())} MB (${orders} orders, ${Math.round((performance.now() - began) / 1000)} s)`);
  }
}

const tables = core.db
  .prepare("SELECT name, SUM(pgsize) AS bytes FROM dbstat WHERE name NOT LIKE 'sqlite_%' GROUP BY name ORDER BY bytes DESC")
  .all() as { name: string; bytes: number }[];
console.log(`\nafter ${DAYS} days: ${orders} orders paid, ${refusals} refused; till.db ${mb(fileSize())} MB`);
for (const table of tables.slice(0, 12)) console.log(`  ${table.name.padEnd(28)} ${mb(table.bytes).padStart(7)} MB`);
const items = core.db.prepare('SELECT COALESCE(SUM(LENGTH(items_json)), 0) AS bytes FROM payments').get() as { bytes: number };
console.log(`  of which payments.items_json (the payment items as iikoWaiter sent them): ${mb(items.bytes)} MB`);
await core.close();
if (options.keep) {
  cpSync(dataDir, options.keep, { recursive: true });
  console.log(`the year's data folder, closed cleanly: ${options.keep}`);
}
rmSync(dir, { recursive: true, force: true });
