import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTill, type RunningTill } from './support/till-server.js';
import { expect, saveScreenshot, test } from './support/dashboard-test.js';
import { expectTouchReady } from './support/touch-ready.js';
import { WaiterApp, orderId } from './support/waiter-app.js';

// A Friday night in Moscow that ends after midnight, on a clock the test sets, in an English Chromium.
test.use({ locale: 'en-US', timezoneId: 'Europe/Moscow' });

const msk = (text: string) => new Date(`${text}+03:00`);
const DOCS = path.resolve(import.meta.dirname, '../docs/screenshots');
const ARTIFACTS = path.resolve(import.meta.dirname, '../e2e-artifacts');

let till: RunningTill;
let waiter: WaiterApp;

test.beforeAll(async () => {
  till = await startTill({ clock: { start: msk('2026-11-27T19:10:00'), timeZone: 'Europe/Moscow' } });
  waiter = new WaiterApp(till.waiterUrl);
  expect((await waiter.payCash(orderId('d1'), 900, '1111')).status).toBe(200);
  await till.setClock(msk('2026-11-28T00:40:00'));
  expect((await waiter.payCash(orderId('d2'), 500, '2222')).status).toBe(200);
  await till.setClock(msk('2026-11-28T02:30:00'));
});
test.afterAll(async () => {
  await till.dispose();
});

test('the cashier closes a shift after midnight; the report then covers shift to shift, the debts carried over, and prints', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/cash`);
  const report = page.locator('.print-report');
  // No shift closed yet: the report follows the business day, as before.
  await expect(page.getByLabel('Смена')).toHaveValue('');
  await expect(report.getByTestId('report-period')).toHaveText('Период: с 27.11.2026, 06:00 по 28.11.2026, 02:30');

  await report.getByRole('button', { name: 'Закрыть смену' }).click();
  const dialog = page.getByRole('dialog', { name: 'Закрыть смену №1?' });
  await expect(dialog.getByTestId('close-shift-period')).toHaveText('С 27.11.2026, 06:00 по 28.11.2026, 02:30');
  await expect(dialog.getByTestId('close-shift-totals')).toContainText('1\u00a0400,00\u00a0₽');
  // Every column of the report, so the figures add up in the dialog too.
  await expect(dialog.getByTestId('close-shift-totals').getByRole('rowheader')).toHaveText(['Долг на начало', 'Взято у гостей', 'Сдано', 'Возвраты', 'Долг на конец', 'Наличные сразу в кассу за вычетом возвратов из кассы']);
  await expect(dialog.getByTestId('close-shift-debts')).toContainText('Анна: 900,00\u00a0₽');
  await expect(dialog.getByTestId('close-shift-debts')).toContainText('Борис: 500,00\u00a0₽');
  await expect(dialog).toContainText('Долги официантов не списываются');
  await dialog.getByLabel('Кто закрывает смену').fill('Ольга');
  await expectTouchReady(page, 'shift-close');
  mkdirSync(DOCS, { recursive: true });
  await dialog.screenshot({ path: path.join(DOCS, 'shift-close.png') });
  await dialog.getByRole('button', { name: 'Закрыть смену' }).dblclick();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('shift-closed')).toHaveText('✔ Смена №1 закрыта');
  await expect(page.getByLabel('Смена')).toHaveValue('1');
  await expect(report.getByTestId('report-period')).toHaveText('Период: с 27.11.2026, 06:00 по 28.11.2026, 02:30');
  await expect(report.locator('tfoot tr').first()).toContainText('1\u00a0400,00\u00a0₽');
  await expect(page.getByText('Смена №1 закрыта').first()).toBeVisible();

  // The double click closed one shift; closing it again is refused.
  const answer = await fetch(`${till.baseUrl}/api/shifts/close`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shift: 1 }) });
  const again = { status: answer.status, body: (await answer.json()) as { Message: string } };
  expect(again).toEqual({ status: 409, body: expect.objectContaining({ Message: 'Смена №1 уже закрыта. Обновите экран: открыта следующая смена.' }) });

  // Saturday noon, across the 06:00 start of a business day: the open shift runs from the close.
  await till.setClock(msk('2026-11-28T12:00:00'));
  expect((await waiter.payCash(orderId('d3'), 300, '1111')).status).toBe(200);
  await page.getByLabel('Смена').selectOption('current');
  await expect(report.getByTestId('report-shift')).toHaveText('Текущая смена №2, с 28.11.2026, 02:30');
  await expect(report.getByTestId('report-period')).toHaveText('Период: с 28.11.2026, 02:30 по 28.11.2026, 12:00');
  const anna = report.locator('tbody tr', { hasText: 'Анна' });
  await expect(anna).toContainText('900,00\u00a0₽');
  await expect(anna.locator('td').last()).toHaveText('1\u00a0200,00\u00a0₽');

  // The closed shift on paper: its number, its period and its totals.
  await page.getByLabel('Смена').selectOption('1');
  await expect(report.getByTestId('report-period')).toHaveText('Период: с 27.11.2026, 06:00 по 28.11.2026, 02:30');
  await page.evaluate(() => {
    document.body.dataset.print = 'report';
    document.body.dataset.paper = 'a4';
  });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.header')).toBeHidden();
  await expect(page.getByLabel('Смена')).toBeHidden();
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, 'shift-1-a4.pdf');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  expect(text).toContain('Смена №1');
  expect(text).toContain('с 27.11.2026, 06:00 по 28.11.2026, 02:30');
  expect(text.replace(/\s/g, '')).toContain('1400,00₽');
  expect(text).not.toContain('Закрыть смену');
  await page.emulateMedia({ media: 'screen' });
  await saveScreenshot(page, 'shift-close');
});

test('the close dialog follows the cash while it is open: the totals the cashier approves are the ones the close takes', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/cash`);
  const report = page.locator('.print-report');
  await page.getByLabel('Смена').selectOption('current');
  await report.getByRole('button', { name: 'Закрыть смену' }).click();
  const dialog = page.getByRole('dialog', { name: 'Закрыть смену №2?' });
  const taken = dialog.getByTestId('close-shift-totals').getByRole('row', { name: /Взято у гостей/ });
  await expect(taken).toContainText('300,00\u00a0₽');
  // A waiter takes cash while the dialog is open: before, the dialog kept the figures it opened with.
  expect((await waiter.payCash(orderId('d4'), 250, '2222')).status).toBe(200);
  await expect(taken).toContainText('550,00\u00a0₽');
  await expect(dialog.getByTestId('close-shift-debts')).toContainText('Борис: 750,00\u00a0₽');
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await expect(dialog).toBeHidden();
});
