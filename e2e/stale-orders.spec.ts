import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTill, type RunningTill } from './support/till-server.js';
import { expect, saveScreenshot, test } from './support/dashboard-test.js';
import { expectTouchReady } from './support/touch-ready.js';

const STALE = 30;
const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-e2e-stale-'));
const staleId = (n: number) => `${n.toString(16).padStart(8, '0')}-5a1e-4000-8000-000000000000`;
let till: RunningTill;

test.beforeAll(async () => {
  // Orders checked in two days ago and never touched again (the default is 12 hours), half of them
  // Иванов's, half Петрова's, as a forgotten shift or a flood of fake check-ins leaves them.
  const first = await startTill({ dataDir });
  await first.stop();
  const db = new Database(path.join(dataDir, 'till.db'));
  const insert = db.prepare('INSERT INTO orders (id, guest_id, guest_name, opened_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  for (let n = 1; n <= STALE; n += 1) {
    const at = new Date(Date.now() - 48 * 3_600_000 - n * 60_000).toISOString();
    const [guest, name] = n % 2 ? ['g-1', 'Иванов Иван Иванович'] : ['g-2', 'Петрова Мария Сергеевна'];
    insert.run(staleId(n), guest, name, at, at);
  }
  // One of Иванов's forgotten orders still holds his Капучино (added, never paid: closed in iikoFront).
  const giftAt = new Date(Date.now() - 48 * 3_600_000 - 7 * 60_000).toISOString();
  db.prepare(
    "INSERT INTO holds (order_id, guest_id, kind, voucher_id, gift_name, product_code, amount, created_at) VALUES (?, 'g-1', 'gift', 'v-1', 'Капучино', '1001', 20000, ?)",
  ).run(staleId(7), giftAt);
  db.close();
  till = await startTill({ dataDir });
  const response = await fetch(`${till.waiterUrl}/orders/0000fe57-1f1e-4c55-9a55-1b2b3c4d5e6f/checkin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Value: 'GMB-G-1003', WaiterPin: '1111' }),
  });
  expect(response.status).toBe(204);
});
test.afterAll(async () => {
  await till.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('orders idle for two days leave the open list and are listed, and found, under «Давно без движения (N)»', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/orders`);
  const views = page.getByRole('group', { name: 'Какие заказы показать' });
  await expect(views.getByRole('button', { name: 'Открытые (1)' })).toHaveAttribute('aria-pressed', 'true');
  const openList = page.getByRole('list', { name: 'Открытые заказы' });
  await expect(openList.getByRole('listitem')).toHaveCount(1);
  await expect(openList).toContainText('Сидоров');

  await views.getByRole('button', { name: `Давно без движения (${STALE})` }).click();
  const staleList = page.getByRole('list', { name: `Давно без движения (${STALE})` });
  await expect(staleList.locator(':scope > li')).toHaveCount(STALE);
  await expect(staleList).not.toContainText('Сидоров');
  await saveScreenshot(page, 'orders-stale');
  await expectTouchReady(page, 'orders-stale');

  const search = page.getByLabel('Поиск: часть номера заказа или имени гостя');
  await search.fill('петрова');
  await expect(staleList.locator(':scope > li')).toHaveCount(STALE / 2);
  for (const text of await staleList.locator(':scope > li').allTextContents()) expect(text).toContain('Петрова');
  await search.fill(staleId(7).slice(0, 8));
  await expect(staleList.locator(':scope > li')).toHaveCount(1);
  await expect(staleList).toContainText('Иванов');
  await search.fill('Сидоров');
  await expect(page.getByRole('status').filter({ hasText: 'Ничего не найдено.' })).toBeVisible();
  await expect(staleList.locator(':scope > li')).toHaveCount(0);

  await views.getByRole('button', { name: 'Открытые (1)' }).click();
  await expect(openList.getByRole('listitem')).toHaveCount(1);
});

test('the manager releases a forgotten order\'s gift by a touch, asked first; the guest can use it again', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/orders`);
  await page.getByRole('group', { name: 'Какие заказы показать' }).getByRole('button', { name: `Давно без движения (${STALE})` }).tap();
  const staleList = page.getByRole('list', { name: `Давно без движения (${STALE})` });
  // Only the order that holds something offers the release.
  await expect(staleList.getByRole('button', { name: 'Снять резерв' })).toHaveCount(1);
  await page.getByLabel('Поиск: часть номера заказа или имени гостя').fill(staleId(7).slice(0, 8));
  await expect(staleList.locator(':scope > li')).toHaveCount(1);
  const card = staleList.locator(':scope > li');
  await expect(card).toContainText('Иванов');
  await expect(card).toContainText('Капучино');
  await expect(card).toContainText('добавлен');

  await card.getByRole('button', { name: 'Снять резерв' }).tap();
  await expect(card).toContainText('Подарки и бонусы вернутся гостю');
  await card.getByRole('button', { name: 'Отмена' }).tap();
  await expect(card).toContainText('добавлен');
  await card.getByRole('button', { name: 'Снять резерв' }).tap();
  await expectTouchReady(page, 'orders-stale-release');
  await card.getByRole('button', { name: 'Да, снять резерв' }).tap();
  await expect(card).toContainText('отменён');
  await expect(card.getByRole('button', { name: 'Снять резерв' })).toHaveCount(0);

  await page.goto(`${till.baseUrl}/#/feed`);
  await expect(page.getByText('Резерв заказа снят вручную · Иванов Иван Иванович')).toBeVisible();
  // The voucher is Иванов's again: a new order takes it.
  const next = '0000ab1e-1f1e-4c55-9a55-1b2b3c4d5e6f';
  const call = (route: string, body: unknown) =>
    fetch(`${till.waiterUrl}/orders/${next}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect((await call('/checkin', { Value: 'GMB-V-5001', WaiterPin: '1111' })).status).toBe(204);
  expect((await call('/gifts', { GiftId: 'v-1', WaiterPin: '1111' })).status).toBe(200);
});
