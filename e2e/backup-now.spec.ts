import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { startTillOnLongCashBook } from './support/long-cash-book.js';
import type { RunningTill } from './support/till-server.js';
import { expect, test } from './support/dashboard-test.js';
import { expectTouchReady } from './support/touch-ready.js';

// A data folder of a busy year's cash book: the copy takes many steps of 100 pages.
const ROWS = 120_000;
const DOCS = path.resolve(import.meta.dirname, '../docs/screenshots');
let till: RunningTill;

test.beforeAll(async () => {
  till = await startTillOnLongCashBook(new Date('2025-12-01T12:00:00Z'), ROWS);
});
test.afterAll(() => till.dispose());

test('«Сделать резервную копию сейчас» shows a bar that fills step by step and ends with the new backup’s time and size', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/setup`);
  const button = page.getByRole('button', { name: 'Сделать резервную копию сейчас' });
  await expect(button).toBeVisible();
  // Every value the bar takes, seen by the page itself (polling from the test could miss them).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { backupSeen: string[] }).backupSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="backup-progress"]');
      const status = document.querySelector('[data-testid="backup-status"]')?.textContent ?? '';
      const seenNow = bar ? `${bar.value}/${bar.max} ${status}` : status;
      if (seen.at(-1) !== seenNow) seen.push(seenNow);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await button.click();
  const status = page.getByTestId('backup-status');
  await expect(status).toHaveText(/^✔ Копия сделана: \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} · [\d,\s]+(МБ|КБ)$/, { timeout: 60_000 });
  const bar = page.getByTestId('backup-progress');
  await expect(bar).toHaveAttribute('value', '1');
  await expect(bar).toHaveAttribute('max', '1');
  const seen = await page.evaluate(() => (window as unknown as { backupSeen: string[] }).backupSeen);
  const between = seen.filter((entry) => /Копируем базу: ([1-9]|[1-9]\d)\u00a0%$/.test(entry));
  expect(between.length, `the bar moved through values in between: ${seen.join(' | ')}`).toBeGreaterThan(1);

  // The new backup is the setup screen's last one, and it is on the disk.
  const file = await page.evaluate(async () => ((await (await fetch('/api/setup')).json()) as { backup: { last: { file: string; sizeBytes: number } } }).backup.last);
  expect(file.file).toMatch(/till-\d{8}-\d{6}-n\d{6}-manual\.db$/);
  expect(statSync(file.file).size).toBe(file.sizeBytes);
  await expect(page.getByText(/Последняя резервная копия/)).toBeVisible();
  mkdirSync(DOCS, { recursive: true });
  await page.locator('.live-status').evaluate((element) => element.scrollIntoView());
  // The last backup's line and the button, bar and status below it.
  const clip = await page.evaluate(() => {
    const status = document.querySelector('.live-status')?.getBoundingClientRect();
    const own = document.querySelector('.backup-now')?.getBoundingClientRect();
    if (!status || !own) throw new Error('the setup screen is not shown');
    return { x: status.x, y: status.y, width: Math.max(status.width, own.width), height: own.bottom - status.y + 6 };
  });
  await page.screenshot({ path: path.join(DOCS, 'backup-now.png'), clip });
  await expectTouchReady(page, 'setup-backup');
});
