import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTill, TEST_BONUS_PAYMENT_TYPE, type RunningTill } from './support/till-server.js';
import { expect, expectBrowserLogged, fitsWidth, saveScreenshot, test } from './support/dashboard-test.js';
import { DEMO_BONUS_PAYMENT_TYPE } from '../shared/settings/demo.js';
import { expectTouchReady } from './support/touch-ready.js';

let dataDir: string;
let till: RunningTill;

// A till and a data folder of its own for each test: a setting one test saves (English, the cloud)
// is never what another reads, in any order.
test.beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-e2e-settings-'));
  till = await startTill({ dataDir });
});
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
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
    'Сохранено. После перезапуска приложения вступят в силу изменения: Порт; остальное уже действует.',
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

test('limits, stale hours, any cloud host and iikoWaiter terminals typed by hand: checked, saved, kept after a restart', async ({ page, pageErrors }) => {
  await page.goto(`${till.baseUrl}/#/settings`);
  const terminals = page.getByLabel('Терминалы iikoWaiter (адрес или диапазон, по одному в строке)');
  const orderCap = page.getByLabel('Предел суммы заказа, ₽');
  const cashbackCap = page.getByLabel('Предел начисления за одну оплату, бонусов');
  const staleHours = page.getByLabel('Через сколько часов заказ без движения уходит из списка заказов');
  await expect(orderCap).toHaveValue('1000000');
  await expect(cashbackCap).toHaveValue('50000');
  await expect(staleHours).toHaveValue('12');

  // What the screen can judge itself, in Russian next to the field.
  await orderCap.fill('0');
  await cashbackCap.fill('много');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(orderCap).toHaveAccessibleDescription(/Введите число больше нуля/);
  await expect(cashbackCap).toHaveAccessibleDescription(/Введите число бонусов, например 50000/);
  // What only the till can judge: each wrong terminal is named.
  await orderCap.fill('250 000');
  await cashbackCap.fill('10000');
  await staleHours.fill('48');
  await terminals.fill('192.168.0.21\nкасса 2\n192.168.0.0/28\n10.0.0.0/33');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(terminals).toHaveAttribute('aria-invalid', 'true');
  await expect(terminals).toHaveAccessibleDescription(/«касса 2» — не адрес и не диапазон.*«10\.0\.0\.0\/33» — не адрес и не диапазон/);
  const refused = (await (await fetch(`${till.baseUrl}/api/settings`)).json()) as { settings: { staleOrderHours: number; server: { allowedRanges: string[] } } };
  expect(refused.settings.staleOrderHours).toBe(12);
  expect(refused.settings.server.allowedRanges).toEqual([]);
  expectBrowserLogged(pageErrors, /status of 400/);

  await terminals.fill('192.168.0.21\n192.168.0.0/28\n');
  // «Любой адрес» lives with the cloud's fields, with its warning.
  const loyalty = page.getByRole('group', { name: 'Программа лояльности' });
  await loyalty.getByLabel('Облако GetMeBack').check();
  const anyHost = page.getByLabel('Любой адрес облака (не только адреса GetMeBack)');
  await expect(anyHost).toHaveAccessibleDescription(/Осторожно: API-ключ будет отправлен на адрес, указанный выше/);
  await anyHost.check();
  await expectTouchReady(page, 'settings-limits');
  await loyalty.getByLabel('Локальная база гостей').check();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено' })).toHaveText('Сохранено, изменения уже действуют.');
  const saved = (await (await fetch(`${till.baseUrl}/api/settings`)).json()) as {
    settings: { staleOrderHours: number; limits: unknown; cloud: { anyHost: boolean }; server: { allowedRanges: string[] } };
  };
  expect(saved.settings).toMatchObject({
    staleOrderHours: 48,
    limits: { maxOrderSum: 25_000_000, maxCashback: 1_000_000 },
    cloud: { anyHost: true },
    server: { allowedRanges: ['192.168.0.21', '192.168.0.0/28'] },
  });

  await page.goto('about:blank');
  await till.stop();
  till = await startTill({ dataDir });
  await page.goto(`${till.baseUrl}/#/settings`);
  await expect(terminals).toHaveValue('192.168.0.21\n192.168.0.0/28');
  await expect(orderCap).toHaveValue('250000');
  await expect(cashbackCap).toHaveValue('10000');
  await expect(staleHours).toHaveValue('48');
  await loyalty.getByLabel('Облако GetMeBack').check();
  await expect(anyHost).toBeChecked();

  // The same fields in English.
  expect((await fetch(`${till.baseUrl}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json', origin: till.baseUrl }, body: JSON.stringify({ language: 'en' }) })).status).toBe(200);
  await page.reload();
  await expect(page.getByLabel('iikoWaiter terminals (an address or a range, one a line)')).toHaveValue('192.168.0.21\n192.168.0.0/28');
  await expect(page.getByLabel('Largest order sum, ₽')).toHaveValue('250000');
  await expect(page.getByLabel('Largest cashback of one payment, bonuses')).toHaveValue('10000');
  await expect(page.getByLabel('Hours without activity before an order leaves the orders list')).toHaveValue('48');
  expect((await fetch(`${till.baseUrl}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json', origin: till.baseUrl }, body: JSON.stringify({ language: 'ru' }) })).status).toBe(200);
});

test('a secret part of the waiter address is added by a touch, saved, shown on the setup screen, and the old address stops answering', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/settings`);
  const waiterPath = page.getByLabel('Путь');
  await expect(waiterPath).toHaveAccessibleDescription(/секретная часть в конце пути/);
  await expect(page.getByRole('button', { name: 'Убрать секретную часть' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Добавить секретную часть' }).tap();
  await expect(waiterPath).toHaveValue(/^\/GetMeBack\/[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  const first = await waiterPath.inputValue();
  await page.getByRole('button', { name: 'Сменить секретную часть' }).tap();
  await expect(waiterPath).not.toHaveValue(first);
  const secretPath = await waiterPath.inputValue();
  await expectTouchReady(page, 'settings-secret-path');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено' })).toHaveText('Сохранено, изменения уже действуют.');

  // From this machine an unknown path is the dashboard's page; the waiter API's health is JSON.
  const health = async (at: string) => (await fetch(`${at}/health`)).text();
  expect(await health(`${till.baseUrl}${secretPath}`)).toContain('"Status":"ok"');
  expect(await health(till.waiterUrl)).not.toContain('"Status"');
  await page.goto(`${till.baseUrl}/#/setup`);
  const address = page.getByRole('textbox', { name: `${till.baseUrl}${secretPath}` });
  await expect(address).toHaveValue(`${till.baseUrl}${secretPath}`);
  // The whole address is in view at the till's 1024 px, wrapped, never cut (a manager copies it by eye).
  await page.setViewportSize({ width: 1024, height: 768 });
  for (const box of await page.locator('.address').all()) {
    const size = await box.evaluate((element) => ({ cut: element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1 }));
    expect(size.cut).toBe(false);
  }

  await page.goto(`${till.baseUrl}/#/settings`);
  await page.getByRole('button', { name: 'Убрать секретную часть' }).tap();
  await expect(waiterPath).toHaveValue('/GetMeBack');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено' })).toBeVisible();
  expect(await health(till.waiterUrl)).toContain('"Status":"ok"');
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
