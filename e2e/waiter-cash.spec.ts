import { startTill, TEST_BONUS_PAYMENT_TYPE, type RunningTill } from './support/till-server.js';
import { expect, expectBrowserLogged, saveScreenshot, test } from './support/dashboard-test.js';
import { expectTouchReady } from './support/touch-ready.js';
import { WaiterApp, orderId } from './support/waiter-app.js';

let till: RunningTill;
let waiter: WaiterApp;

// A till of its own for each test: each makes the debts it reads, in any order, alone or not.
test.beforeEach(async () => {
  till = await startTill({ args: ['--bonus-payment-type', TEST_BONUS_PAYMENT_TYPE] });
  waiter = new WaiterApp(till.waiterUrl);
});
test.afterEach(async ({ page }) => {
  // The page leaves first: its live stream must not break under it while the test still listens.
  await page.goto('about:blank');
  await till.dispose();
});

test('an open order shows its guest, balance and gifts, follows the waiter live, and leaves the screen once paid', async ({ page }) => {
  const order = orderId('0dde0001');
  expect(await waiter.checkIn(order, 'GMB-V-5001')).toBe(204);
  await page.goto(`${till.baseUrl}/#/orders`);
  const card = page.getByRole('listitem').filter({ hasText: 'Заказ 0dde0001' });
  await expect(card).toContainText('Иванов Иван Иванович');
  await expect(card).toContainText('1\u00a0500\u00a0бонусов');
  await expect(card).toContainText('Предложены');

  expect(await waiter.addGift(order, 'v-1')).toBe(200);
  await expect(card).toContainText('Подарки в заказе');
  await expect(card).toContainText('Капучино · 200\u00a0бонусов · добавлен');
  await expect(card.getByText('1\u00a0300\u00a0бонусов')).toBeVisible();
  await saveScreenshot(page, 'orders');
  await expectTouchReady(page, 'orders');

  expect((await waiter.payCash(order, 500)).status).toBe(200);
  await expect(card).toHaveCount(0);
});

test('a cash payment by waiter PIN 1111 becomes Анна’s debt; a partial hand-in through the dialog lowers it', async ({ page }) => {
  expect((await waiter.payCash(orderId('ca5e0000'), 500)).status).toBe(200);
  await page.goto(`${till.baseUrl}/#/cash`);
  await expect(page.getByRole('heading', { name: 'Наличные под отчёт официантам' })).toBeVisible();

  const payment = await waiter.payCash(orderId('ca5e0001'), 1200);
  expect(payment.status).toBe(200);
  const debt = page.getByLabel('Долг: Анна');
  // 500 ₽ before the page opened and 1200 ₽ now, shown live without a reload.
  await expect(debt).toHaveText('1\u00a0700,00\u00a0₽');

  await page.getByRole('button', { name: 'Принять наличные: Анна' }).click();
  const dialog = page.getByRole('dialog', { name: 'Принять наличные: Анна' });
  const amount = dialog.getByLabel('Сумма, ₽');
  await expect(amount).toHaveValue('1700');

  await amount.fill('2000');
  await dialog.getByRole('button', { name: 'Далее' }).click();
  await expect(dialog.getByRole('alert')).toContainText('не больше долга');

  await amount.fill('1000,50');
  await dialog.getByLabel('Кто принял').fill('Кассир Ольга');
  await dialog.getByRole('button', { name: 'Далее' }).click();
  await expect(dialog).toContainText('Принять 1\u00a0000,50\u00a0₽ от «Анна»? Останется долг 699,50\u00a0₽.');
  await saveScreenshot(page, 'cash-hand-in');
  await expectTouchReady(page, 'cash-hand-in-confirm');
  await dialog.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Принято 1\u00a0000,50\u00a0₽. Долг теперь 699,50\u00a0₽.');
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
  await expect(dialog).toBeHidden();
  await expect(debt).toHaveText('699,50\u00a0₽');

  await page.getByRole('button', { name: 'История: Анна' }).click();
  const history = page.getByRole('region', { name: 'История: Анна' });
  await expect(history.getByRole('row').nth(1)).toContainText('Сдал в кассу');
  await expect(history.getByRole('row').nth(1)).toContainText('Кассир Ольга');
  await expect(history.getByRole('row').nth(1)).toContainText('-1\u00a0000,50\u00a0₽');

  const report = page.getByRole('table', { name: 'Отчёт за смену' });
  await expect(report.getByRole('row', { name: /Анна/ })).toContainText('699,50\u00a0₽');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  // One waiter, the totals and the cash straight to the till: three rows, counted as they came.
  await expect(page.getByTestId('report-export-status')).toHaveText(/^✔ Выгружено строк отчёта: 3, файл shift-report-\d{4}-\d{2}-\d{2}\.csv$/);

  await saveScreenshot(page, 'cash');
  await expectTouchReady(page, 'cash');
});

test('a hand-in whose answer was lost, confirmed again, is recorded once (one key per dialog)', async ({ page, pageErrors }) => {
  expect((await waiter.payCash(orderId('ca5e0002'), 699.5)).status).toBe(200);
  await page.goto(`${till.baseUrl}/#/cash`);
  const debt = page.getByLabel('Долг: Анна');
  await expect(debt).toHaveText('699,50\u00a0₽');
  let sent = 0;
  // The first hand-in reaches the till, but its answer is lost on the way back.
  await page.route('**/hand-ins', async (route) => {
    sent += 1;
    if (sent === 1) {
      await route.fetch();
      await route.abort('failed');
    } else await route.continue();
  });
  await page.getByRole('button', { name: 'Принять наличные: Анна' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Сумма, ₽').fill('100');
  // Two Enters in a row (a held or bouncing numpad key): the second lands on the confirmation's text, never on «Подтвердить».
  await dialog.getByLabel('Сумма, ₽').press('Enter');
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('Принять 100,00\u00a0₽ от «Анна»? Останется долг 599,50\u00a0₽.');
  expect(sent).toBe(0);
  await dialog.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(dialog.getByRole('alert')).toContainText('GetMeBack Till не ответил');
  // The till may have recorded it: the sum can no longer be changed, only the same hand-in repeated.
  await expect(dialog.getByRole('button', { name: 'Назад' })).toHaveCount(0);
  // Closed and opened again, the dialog repeats that hand-in under its key (a fresh key was recorded twice).
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Принять наличные: Анна' }).click();
  await expect(dialog).toContainText('Прошлая попытка принять эти наличные осталась без ответа кассы');
  // No «Останется долг»: the debt on screen may already be after this hand-in.
  await expect(dialog).toContainText('Повторить приём 100,00\u00a0₽ от «Анна»?');
  await expect(dialog).not.toContainText('Останется долг');
  await dialog.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(dialog.getByRole('status')).toContainText('Долг теперь 599,50');
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
  await expect(debt).toHaveText('599,50\u00a0₽');
  expect(sent).toBe(2);
  const { waiters } = (await (await fetch(`${till.baseUrl}/api/waiters`)).json()) as { waiters: { name: string; debt: number }[] };
  expect(waiters.find((w) => w.name === 'Анна')?.debt).toBe(59_950);
  expectBrowserLogged(pageErrors, /net::ERR_FAILED/);
});

test('a refund while the hand-in dialog is open: the dialog shows the debt the till has now', async ({ page }) => {
  const dinner = orderId('ca5e0002');
  expect((await waiter.payCash(dinner, 900)).status).toBe(200);
  expect((await waiter.payCash(orderId('ca5e0003'), 400)).status).toBe(200);
  await page.goto(`${till.baseUrl}/#/cash`);
  await page.getByRole('button', { name: 'Принять наличные: Анна' }).tap();
  const dialog = page.getByRole('dialog', { name: 'Принять наличные: Анна' });
  await expect(dialog).toContainText('Долг: 1\u00a0300,00\u00a0₽');

  const refund = await fetch(`${till.waiterUrl}/orders/${dinner}/refund`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-refund-open-dialog' },
    body: JSON.stringify({ WaiterPin: '1111' }),
  });
  expect(refund.status).toBe(200);
  await expect(dialog).toContainText('Долг: 400,00\u00a0₽');
  await expect(dialog.getByRole('button', { name: /Весь долг/ })).toContainText('400');

  // The card adds up: taken 1 300 − given back 900 = the debt of 400.
  await dialog.getByRole('button', { name: 'Отмена' }).tap();
  const card = page.getByRole('listitem', { name: 'Анна' });
  await expect(card.locator('div', { hasText: 'Возвращено гостям сегодня' }).locator('dd')).toHaveText('900,00\u00a0₽');
  await expect(card.locator('div', { hasText: 'Взято у гостей сегодня' }).locator('dd')).toHaveText('1\u00a0300,00\u00a0₽');
});
