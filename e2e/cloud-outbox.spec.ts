import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeGetMeBackCloud, type FakeGetMeBackCloud } from '../main/core/testing/fake-getmeback-cloud.js';
import { CLOUD_GIFTS, CLOUD_GUESTS } from '../main/core/testing/cloud-test-kit.js';
import { startTill, type RunningTill } from './support/till-server.js';
import { expect, test } from './support/dashboard-test.js';
import { WaiterApp, orderId } from './support/waiter-app.js';

let dataDir: string;
let fake: FakeGetMeBackCloud;
let till: RunningTill;

/**
 * A till on a fake cloud of its own for each test (balances and the outbox are never another
 * test's): the provider is chosen in the settings and takes effect at the next start.
 */
test.beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-e2e-cloud-'));
  fake = await startFakeGetMeBackCloud({ guests: CLOUD_GUESTS, gifts: CLOUD_GIFTS });
  till = await startTill({ dataDir });
  const saved = await fetch(`${till.baseUrl}/api/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'cloud', cloud: { accountUrl: fake.url, apiKey: fake.apiKey } }),
  });
  expect(saved.status).toBe(200);
  await till.stop();
  till = await startTill({ dataDir });
});
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
  await till.stop();
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('«Проверить подключение» shows what was sent and answered, key masked, and what was understood', async ({ page }) => {
  fake.speak('success');
  await page.goto(`${till.baseUrl}/#/settings`);
  await page.getByLabel('Тестовый телефон или QR').fill('GMB-G-1001');
  await page.getByRole('button', { name: 'Проверить подключение' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Подключение работает' })).toBeVisible();
  await expect(page.getByLabel('Отправлено 1')).toHaveText('{"id_device":"GMB-G-1001","api_key":"[secret]"}');
  await expect(page.getByLabel('Ответ 1')).toContainText('"success":true');
  const understood = page.getByLabel('Что понял GetMeBack Till');
  await expect(understood).toContainText('Иванов Иван Иванович');
  // A balance in bonuses, never in roubles (docs/glossary.md).
  await expect(understood).toContainText('1\u00a0500\u00a0бонусов');
  await expect(page.locator('body')).not.toContainText(fake.apiKey);

  fake.speak('result');
  await page.getByLabel('Тестовый телефон или QR').fill('NO-SUCH-GUEST');
  await page.getByRole('button', { name: 'Проверить подключение' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'такого гостя не знает' })).toBeVisible();
});

test('the outbox screen: a refund to reconcile is settled by hand, a parked payment is retried now, and the journal is filtered', async ({ page }) => {
  const waiter = new WaiterApp(till.waiterUrl);
  const refunded = orderId('aa');
  expect(await waiter.checkIn(refunded, 'GMB-G-1002')).toBe(204);
  expect((await waiter.payCash(refunded, 600)).status).toBe(200);
  const refund = await fetch(`${till.waiterUrl}/orders/${refunded}/refund`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-refund' },
    body: '{}',
  });
  expect(refund.status).toBe(200);

  // The screen is in the sections where there is a cloud: reached by a touch, not by typing its address.
  await page.goto(`${till.baseUrl}/#/feed`);
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Облако' }).tap();
  const reconcile = page.getByRole('table', { name: 'Возвраты для ручной сверки' });
  await expect(reconcile.getByRole('row')).toHaveCount(2);
  await expect(page.getByText(/Верните бонусы гостю в кабинете GetMeBack/)).toBeVisible();
  await reconcile.getByRole('button', { name: 'Закрыть вручную' }).click();
  const form = page.getByRole('form', { name: 'Закрыть вручную' });
  await form.getByLabel('Кто закрывает').fill('Ольга');
  await form.getByLabel('Почему').fill('вернули 30 ₽ в кабинете GetMeBack');
  await form.getByRole('button', { name: 'Закрыть операцию' }).click();
  await expect(page.getByText('Возвратов для сверки нет.')).toBeVisible();
  await expect(page.getByText(/Верните бонусы гостю в кабинете GetMeBack/)).toBeHidden();
  await expect(page.getByRole('table', { name: 'Закрыты вручную' })).toContainText('Ольга');
  await expect(page.getByRole('table', { name: 'Закрыты вручную' })).toContainText('вернули 30 ₽ в кабинете GetMeBack');

  // A payment made while the cloud is away, that a till gave up on (parked with the cloud's message).
  const paid = orderId('bb');
  expect(await waiter.checkIn(paid, 'GMB-G-1001')).toBe(204);
  await fake.down();
  expect((await waiter.payCash(paid, 1000)).status).toBe(200);
  // The page leaves first: its live stream must not retry against a stopped till while the test listens.
  await page.goto('about:blank');
  await till.stop();
  const db = new Database(path.join(dataDir, 'till.db'));
  db.prepare(`UPDATE outbox SET parked_at = '2026-12-02T07:00:00.000Z', last_error = 'the cloud refused operation: Клиент заблокирован' WHERE delivered_at IS NULL AND manual = 0`).run();
  db.close();
  await fake.up();
  till = await startTill({ dataDir });

  await page.goto(`${till.baseUrl}/#/cloud`);
  const outbox = page.getByRole('table', { name: 'Операции для облака' });
  await expect(outbox).toContainText('Клиент заблокирован');
  await expect(outbox).toContainText('отложена');
  await outbox.getByRole('button', { name: 'Повторить сейчас' }).click();
  await expect(page.getByText('Очередь пуста: облако получило всё.')).toBeVisible();
  expect(fake.balanceOf('g-1')).toBe(150_000 + 5_000);

  await page.getByLabel('Фильтр').fill('bonus');
  const journal = page.getByRole('table', { name: 'Журнал обращений к облаку' });
  await expect(journal.getByRole('row').first()).toContainText('bonus');
  await expect(journal).not.toContainText('lookup:');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Скачать журнал (для поддержки GetMeBack)' }).click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('"bonus"');
  expect(text).not.toContain(fake.apiKey);
});

test('a long outbox drains before the manager’s eyes: the header’s count and the bar move live and end at «Очередь пуста»', async ({ page }) => {
  const waiter = new WaiterApp(till.waiterUrl);
  const orders = Array.from({ length: 60 }, (_, n) => ({ order: orderId((n + 1).toString(16)), qr: n % 2 === 0 ? 'GMB-G-1001' : 'GMB-G-1002' }));
  for (const { order, qr } of orders) expect(await waiter.checkIn(order, qr)).toBe(204);
  // The cloud away: every payment's accrual waits in the outbox.
  await fake.down();
  for (const { order } of orders) expect((await waiter.payCash(order, 100)).status).toBe(200);

  await page.goto(`${till.baseUrl}/#/cloud`);
  const header = page.getByRole('banner').getByRole('status');
  await expect(header).toContainText('ждут отправки: 60');
  await expect(page.getByText('Показаны первые')).toHaveCount(0);

  // The cloud is back, slow enough to watch: a waiter's check-in finds it and the courier sets off.
  fake.slow(150, 'operations');
  await fake.up();
  expect(await waiter.checkIn(orderId('ff'), 'GMB-G-1001')).toBe(204);

  const bar = page.getByTestId('drain-progress');
  const status = page.getByTestId('drain-status');
  // Seen part-way: the bar neither empty nor full, the text and the header's count agreeing with it.
  await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 20_000, intervals: [50] }).toBeGreaterThan(0);
  const sent = Number(await bar.getAttribute('value'));
  expect(sent).toBeLessThan(60);
  await expect(bar).toHaveAttribute('max', '60');
  await expect(status).toContainText(/Отправлено в облако: \d+ из 60/);
  await expect(header).toContainText(/ждут отправки: \d+/);

  await expect(status).toHaveText('Отправлено в облако: 60. Очередь пуста.', { timeout: 30_000 });
  await expect(bar).toHaveAttribute('value', '60');
  await expect(header).not.toContainText('ждут отправки');
  await expect(page.getByText('Очередь пуста: облако получило всё.')).toBeVisible();
  expect(fake.applied()).toHaveLength(60);
});

test('the outbox screen reads the outbox when the till says it moved, not on a timer', async ({ page }) => {
  const reads: number[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/cloud/outbox') reads.push(Date.now());
  });
  await page.goto(`${till.baseUrl}/#/cloud`);
  await expect(page.getByText('Очередь пуста: облако получило всё.')).toBeVisible();
  // The status the screen opened with pokes one read; then nothing happens at the till for 7 s, and
  // the screen reads nothing more (it read every 3 s before).
  await page.waitForTimeout(1_000);
  const settled = reads.length;
  expect(settled).toBeLessThanOrEqual(2);
  await page.waitForTimeout(7_000);
  expect(reads.length - settled).toBe(0);

  // A payment while the cloud is away: its call is shown as soon as the till tells the screen.
  const waiter = new WaiterApp(till.waiterUrl);
  const paid = orderId('cc');
  expect(await waiter.checkIn(paid, 'GMB-G-1001')).toBe(204);
  await fake.down();
  expect((await waiter.payCash(paid, 1000)).status).toBe(200);
  await expect(page.getByRole('table', { name: 'Операции для облака' })).toContainText('g-1', { timeout: 5_000 });
});
