import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTill, TEST_BONUS_PAYMENT_TYPE, type RunningTill } from './support/till-server.js';
import { expect, expectBrowserLogged, fitsWidth, saveScreenshot, test } from './support/dashboard-test.js';
import { DEMO_BONUS_PAYMENT_TYPE } from '../shared/settings/demo.js';
import { expectTouchReady } from './support/touch-ready.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-e2e-settings-'));
let till: RunningTill;

test.beforeAll(async () => {
  till = await startTill({ dataDir });
});
test.afterAll(async () => {
  await till.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('invalid input is explained next to its field, and nothing is saved', async ({ page, pageErrors }) => {
  await page.goto(`${till.baseUrl}/#/settings`);
  const bonusType = page.getByLabel('ID типа оплаты GetMeBack (Bonus payment type)');
  await bonusType.fill('not-a-uuid');
  await page.getByLabel('Порт').fill('три тысячи');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  // The port is checked here; the UUID only the server can judge, so it answers for that field.
  await expect(page.getByLabel('Порт')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Порт')).toHaveAccessibleDescription(/Введите целое число/);
  // A number the screen accepts but the server does not: zod's words, in Russian.
  await page.getByLabel('Порт').fill('99999');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(bonusType).toHaveAttribute('aria-invalid', 'true');
  await expect(bonusType).toHaveAccessibleDescription(/Нужен ID из iikoOffice/);
  await expect(page.getByLabel('Порт')).toHaveAccessibleDescription(/Не больше 65\s535$/);
  await expect(page.getByRole('status').filter({ hasText: 'Проверьте выделенные поля' })).toBeVisible();
  const stored = (await (await fetch(`${till.baseUrl}/api/settings`)).json()) as { settings: { bonusPaymentTypeId: string } };
  // Unchanged: the demo book's demo type of a first start.
  expect(stored.settings.bonusPaymentTypeId).toBe(DEMO_BONUS_PAYMENT_TYPE);
  expectBrowserLogged(pageErrors, /status of 400/);
});

test('a saved change says it needs a restart, flags are marked, and it survives a restart', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/settings`);
  // The spec's till runs with --host and --port flags: those win over the stored values this run.
  await expect(page.getByLabel('Порт')).toHaveAccessibleDescription(/задано параметром запуска/);
  await expect(page.getByLabel('Путь')).not.toHaveAccessibleDescription(/задано параметром запуска/);

  await page.getByLabel('ID типа оплаты GetMeBack (Bonus payment type)').fill(TEST_BONUS_PAYMENT_TYPE);
  await page.getByLabel('ID типа внесения').fill('pay-in-17');
  await page.getByLabel('Порт').fill('3456');
  await page.getByLabel('Наличные под отчёт официанту (Money To Be Accounted For By Waiter)').uncheck();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено' })).toHaveText(
    'Сохранено. После перезапуска приложения вступит в силу: Порт; остальное уже действует.',
  );
  await saveScreenshot(page, 'settings');

  await page.getByLabel('ID типа изъятия').fill('pay-out-18');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено' })).toHaveText('Сохранено, изменения уже действуют.');

  // Leave the page first: a dashboard whose till went away is not what this test is about.
  await page.goto('about:blank');
  await till.stop();
  till = await startTill({ dataDir });
  await page.goto(`${till.baseUrl}/#/settings`);
  await expect(page.getByLabel('ID типа оплаты GetMeBack (Bonus payment type)')).toHaveValue(TEST_BONUS_PAYMENT_TYPE);
  await expect(page.getByLabel('ID типа внесения')).toHaveValue('pay-in-17');
  await expect(page.getByLabel('ID типа изъятия')).toHaveValue('pay-out-18');
  await expect(page.getByLabel('Порт')).toHaveValue('3456');
  await expect(page.getByLabel('Наличные под отчёт официанту (Money To Be Accounted For By Waiter)')).not.toBeChecked();
});

test('the cloud API key is never shown back in full, and English switches the whole dashboard live', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/settings`);
  await page.getByRole('group', { name: 'Программа лояльности' }).getByLabel('Облако GetMeBack').check();
  await page.getByLabel('Адрес личного кабинета').fill('https://demo.getmeback.ru');
  await page.getByLabel('API-ключ').fill('secret-key-0042');
  await page.getByRole('group', { name: 'Язык' }).getByLabel('English').check();
  await page.getByRole('button', { name: 'Сохранить' }).click();

  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cash' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(page.getByLabel('API key')).toHaveValue('••••0042');
  await expect(page.locator('body')).not.toContainText('secret-key');
  await expectTouchReady(page, 'settings-en');
  // Electron's settings window loads this screen at its default 800×600.
  await page.setViewportSize({ width: 800, height: 600 });
  expect(await fitsWidth(page)).toBe(true);
  await saveScreenshot(page, 'settings-window-800');
});
