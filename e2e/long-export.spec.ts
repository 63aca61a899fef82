import { readFileSync } from 'node:fs';
import { startTillOnLongCashBook } from './support/long-cash-book.js';
import type { RunningTill } from './support/till-server.js';
import type { Page } from '@playwright/test';
import { expect, test } from './support/dashboard-test.js';
import { expectTouchReady } from './support/touch-ready.js';

// A year of cash operations: 20 000 rows, one every 25 minutes from 1 December 2025.
const ROWS = 20_000;
let till: RunningTill;

test.beforeAll(async () => {
  till = await startTillOnLongCashBook(new Date('2025-12-01T12:00:00Z'), ROWS);
});
test.afterAll(() => till.dispose());

/** «Наличные» for the whole year of the cash book, from 01.12.2025 to 30.11.2026. */
async function showTheYear(page: Page): Promise<void> {
  await page.goto(`${till.baseUrl}/#/cash`);
  await page.getByLabel('Рабочий день').fill('01.12.2025');
  await page.getByLabel('по', { exact: true }).fill('30.11.2026');
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page.getByTestId('report-period')).toContainText('01.12.2025');
}

test('a year of cash operations exports with a bar and a count that fill as the rows arrive, and the file has every row', async ({ page }) => {
  await showTheYear(page);

  // Every value the bar takes on its way, seen by the page itself (polling from the test could miss them).
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="export-progress"]');
      if (bar && seen.at(-1) !== bar.value) seen.push(bar.value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Все операции с наличными (CSV)' }).click();
  const bar = page.getByTestId('export-progress');
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('export-status')).toHaveText('✔ Выгружено операций: 20\u00a0000, файл cash-movements-2025-12-01.csv', { timeout: 60_000 });
  await expect(bar).toHaveAttribute('max', String(ROWS));
  await expect(bar).toHaveAttribute('value', String(ROWS));
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  expect(seen.some((value) => value > 0 && value < ROWS), `the bar moved through values in between: ${seen.join(', ')}`).toBe(true);

  const file = await download;
  expect(file.suggestedFilename()).toBe('cash-movements-2025-12-01.csv');
  const text = readFileSync(await file.path(), 'utf8');
  const lines = text.replace(/^\ufeff/, '').split('\r\n');
  expect(lines[0]).toBe('Время;Операция;Официант;ID официанта;Сумма;Заказ;Кто записал;Комментарий');
  expect(lines).toHaveLength(ROWS + 2);
  expect(lines.at(-1)).toBe('');
  // Every row once, in order: the sums are 100,00 … 299,99 ₽, one kopeck apart.
  const sums = lines.slice(1, -1).map((line) => line.split(';')[4]);
  expect(sums[0]).toBe('100,00');
  expect(sums.at(-1)).toBe('299,99');
  expect(new Set(sums).size).toBe(ROWS);
  await expectTouchReady(page, 'cash-export');
});

test('the shift report of a year: its CSV counts its rows through the same bar, and printing says «Готовим…» until the figures are in', async ({ page }) => {
  await showTheYear(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать CSV' }).click();
  await expect(page.getByTestId('report-export-status')).toHaveText('✔ Выгружено строк отчёта: 3, файл shift-report-2025-12-01.csv', { timeout: 60_000 });
  await expect(page.getByTestId('report-export-progress')).toHaveAttribute('value', '3');
  const text = readFileSync(await (await download).path(), 'utf8');
  // 20 000 sums of 100,00 … 299,99 ₽: 3 999 900,00 ₽ taken by Анна over the year.
  expect(text).toContain('Итого официанты;;0,00;3999900,00;0,00;0,00;3999900,00');

  // The print dialog is stood in for: what matters is what the page shows before and when it opens.
  await page.evaluate(() => {
    const log: string[] = [];
    const w = window as unknown as { printLog: string[] };
    w.printLog = log;
    window.print = () => {
      log.push(`print ${document.body.dataset.paper}: ${document.querySelector('.print-report tfoot tr')?.textContent ?? ''}`);
    };
    new MutationObserver(() => {
      const preparing = document.querySelector('[data-testid="print-preparing"]')?.textContent;
      if (preparing && log.at(-1) !== preparing) log.push(preparing);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Печать на листе А4' }).click();
  await expect(page.getByTestId('print-preparing')).toBeHidden();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printLog: string[] }).printLog)).toEqual([
    'Готовим отчёт к печати…',
    expect.stringMatching(/^print a4: Итого.*3\u00a0999\u00a0900,00\u00a0₽/),
  ]);
});
