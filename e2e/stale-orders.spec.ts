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
  await expect(staleList.getByRole('listitem')).toHaveCount(STALE);
  await expect(staleList).not.toContainText('Сидоров');
  await saveScreenshot(page, 'orders-stale');
  await expectTouchReady(page, 'orders-stale');

  const search = page.getByLabel('Поиск: часть номера заказа или имени гостя');
  await search.fill('петрова');
  await expect(staleList.getByRole('listitem')).toHaveCount(STALE / 2);
  for (const text of await staleList.getByRole('listitem').allTextContents()) expect(text).toContain('Петрова');
  await search.fill(staleId(7).slice(0, 8));
  await expect(staleList.getByRole('listitem')).toHaveCount(1);
  await expect(staleList).toContainText('Иванов');
  await search.fill('Сидоров');
  await expect(page.getByRole('status').filter({ hasText: 'Ничего не найдено.' })).toBeVisible();
  await expect(staleList.getByRole('listitem')).toHaveCount(0);

  await views.getByRole('button', { name: 'Открытые (1)' }).click();
  await expect(openList.getByRole('listitem')).toHaveCount(1);
});
