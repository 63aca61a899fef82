import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TillEventPayloads, TillEventType } from '../shared/events.js';
import { startTill, type RunningTill } from './support/till-server.js';
import { expect, saveScreenshot, test } from './support/dashboard-test.js';
import { expectTouchReady } from './support/touch-ready.js';

const EVENTS = 20_000;
/** The data folder filled once; each test's till runs on a copy of it, so no test sees another's events. */
const seededDir = mkdtempSync(path.join(tmpdir(), 'gmb-e2e-big-'));
let dataDir: string;
let till: RunningTill;

/** A realistic mix: check-ins, gifts, payments with waiters' cash and hand-ins. */
function seedEvent(n: number): { type: TillEventType; data: TillEventPayloads[TillEventType] } {
  switch (n % 4) {
    case 0:
      return { type: 'guest.checked_in', data: { guestId: 'g-1', guestName: `Гость №${n}`, balance: 150_000, available: 130_000, voucherName: null } };
    case 1:
      return { type: 'gift.added', data: { guestId: 'g-1', guestName: `Гость №${n}`, giftId: 'v-1', giftName: 'Капучино', points: 20_000 } };
    case 2:
      return {
        type: 'payment.committed',
        data: { guestId: 'g-1', guestName: `Гость №${n}`, orderSum: 120_000, bonusWrittenOff: 0, giftPointsWrittenOff: 0, accrued: 6_000, cash: 120_000, waiterDebt: 120_000 },
      };
    default:
      return { type: 'cash.handed_in', data: { amount: 120_000, debtAfter: 0, recordedBy: 'Кассир' } };
  }
}

test.beforeAll(async () => {
  // Start once so the till creates its database, then fill the feed's table as years of use would.
  const first = await startTill({ dataDir: seededDir });
  await first.stop();
  const db = new Database(path.join(seededDir, 'till.db'));
  const insert = db.prepare('INSERT INTO events (at, type, order_id, waiter_id, payload) VALUES (?, ?, ?, ?, ?)');
  const start = Date.now() - EVENTS * 60_000;
  db.transaction(() => {
    for (let n = 1; n <= EVENTS; n += 1) {
      const { type, data } = seedEvent(n);
      const orderId = `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
      insert.run(new Date(start + n * 60_000).toISOString(), type, orderId, 'pin:seed', JSON.stringify({ data, waiterName: 'Анна' }));
    }
  })();
  db.close();
});
test.beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-e2e-big-run-'));
  cpSync(seededDir, dataDir, { recursive: true });
  till = await startTill({ dataDir });
});
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
  await till.stop();
  rmSync(dataDir, { recursive: true, force: true });
});
test.afterAll(() => {
  rmSync(seededDir, { recursive: true, force: true });
});

test('20 000 events: the feed renders a handful of rows, scrolls back through pages, and filters on the server', async ({ page }) => {
  const started = Date.now();
  await page.goto(`${till.baseUrl}/#/feed`);
  const feed = page.getByRole('list', { name: 'Лента событий' });
  await expect(feed.getByRole('listitem').first()).toContainText(`Чекин: Гость №${EVENTS}`);
  console.log(`feed with ${EVENTS} stored events: first row on screen ${Date.now() - started} ms after navigation`);
  const rowsInDom = () => feed.getByRole('listitem').count();
  expect(await rowsInDom()).toBeLessThan(60);

  // Scroll to the bottom a few times: each time the next older page is fetched and joins the list.
  for (let page_ = 0; page_ < 5; page_ += 1) {
    await feed.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await page.waitForTimeout(150);
  }
  await expect.poll(() => feed.evaluate((element) => element.scrollHeight)).toBeGreaterThan(1000 * 64);
  expect(await rowsInDom()).toBeLessThan(60);
  // Events 1000+ back from the newest are on screen now, still as real rows.
  const shownOrders = await feed.getByRole('listitem').allTextContents();
  const oldest = Math.min(...shownOrders.map((text) => Number.parseInt(/заказ ([0-9a-f]{8})/.exec(text)?.[1] ?? 'ffffffff', 16)));
  expect(oldest).toBeLessThan(EVENTS - 1000);
  await saveScreenshot(page, 'feed-20000');
  await expectTouchReady(page, 'feed-20000');

  await page.getByRole('group', { name: 'Фильтр событий' }).getByRole('button', { name: 'Подарки' }).click();
  await expect(feed.getByRole('listitem').first()).toContainText('Подарок «Капучино» добавлен');
  const texts = await feed.getByRole('listitem').allTextContents();
  expect(texts.length).toBeGreaterThan(5);
  expect(texts.every((text) => text.includes('Подарок'))).toBe(true);
});

test('a cashier scrolled down keeps reading the same rows while live events arrive on top', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/feed`);
  const feed = page.getByRole('list', { name: 'Лента событий' });
  await expect(feed.getByRole('listitem').first()).toContainText('Гость №');
  await feed.evaluate((element) => element.scrollTo({ top: 64 * 30 }));
  const topRowText = () =>
    feed.evaluate((element) => {
      const top = element.getBoundingClientRect().top;
      const rows = [...element.querySelectorAll('[role="listitem"]')];
      const visible = rows.find((row) => row.getBoundingClientRect().bottom > top + 1);
      return visible?.textContent ?? '';
    });
  await expect.poll(topRowText).toContain('Гость №');
  const before = await topRowText();
  const scrolledBefore = await feed.evaluate((element) => element.scrollTop);
  for (const n of [1, 2, 3]) {
    const response = await fetch(`${till.waiterUrl}/orders/00000${n}aa-1f1e-4c55-9a55-1b2b3c4d5e6f/checkin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' }),
    });
    expect(response.status).toBe(204);
  }
  // The three check-ins are above, out of sight: the list moved down by three rows under them.
  await expect.poll(() => feed.evaluate((element) => element.scrollTop)).toBe(scrolledBefore + 3 * 64);
  expect(await topRowText()).toBe(before);
});

test('paging 4 000 events back keeps at most 1 000 in the page\'s memory, and paging up again reaches a check-in made meanwhile', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/feed`);
  const feed = page.getByRole('list', { name: 'Лента событий' });
  await expect(feed.getByRole('listitem').first()).toContainText('Чекин');
  const WINDOW_HEIGHT = (1_000 + 2) * 64;
  // The seeded rows name their guest by number (Гость №n, the n-th event); the live ones do not.
  const shownOrders = async () =>
    (await feed.getByRole('listitem').allTextContents()).map((text) => Number.parseInt(/Гость №(\d+)/.exec(text)?.[1] ?? `${EVENTS}`, 10));
  let tallest = 0;
  for (let step = 0; step < 60 && Math.min(...(await shownOrders())) > EVENTS - 4_000; step += 1) {
    await feed.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await page.waitForTimeout(120);
    tallest = Math.max(tallest, await feed.evaluate((element) => element.scrollHeight));
  }
  expect(Math.min(...(await shownOrders()))).toBeLessThanOrEqual(EVENTS - 4_000);
  // The list never held more than the window: 1 000 rows of 64 px and the two paging rows.
  expect(tallest).toBeLessThanOrEqual(WINDOW_HEIGHT);
  expect(await feed.getByRole('listitem').count()).toBeLessThan(60);

  // A guest checks in while the cashier reads history: the window does not grow with it.
  const response = await fetch(`${till.waiterUrl}/orders/00000aaa-1f1e-4c55-9a55-1b2b3c4d5e6f/checkin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Value: 'GMB-G-1002', WaiterPin: '1111' }),
  });
  expect(response.status).toBe(204);
  await page.waitForTimeout(300);
  expect(await feed.evaluate((element) => element.scrollHeight)).toBeLessThanOrEqual(WINDOW_HEIGHT);

  // Scrolling up loads the newer pages one by one, back to the newest: the check-in is on top.
  const firstRow = feed.getByRole('listitem').first();
  for (let step = 0; step < 60 && !((await firstRow.textContent()) ?? '').includes('Петрова'); step += 1) {
    await feed.evaluate((element) => element.scrollTo({ top: 0 }));
    await page.waitForTimeout(120);
    expect(await feed.evaluate((element) => element.scrollHeight)).toBeLessThanOrEqual(WINDOW_HEIGHT);
  }
  await expect(firstRow).toContainText(/Чекин: Петрова/);
  await expect(firstRow).not.toContainText('Гость №');
  await expect(feed.getByRole('button', { name: 'Показать более новые' })).toHaveCount(0);
  await expectTouchReady(page, 'feed-paged-back');
});
