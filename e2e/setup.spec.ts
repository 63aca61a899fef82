import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTill, type RunningTill } from './support/till-server.js';
import { expect, saveScreenshot, test } from './support/dashboard-test.js';
import { expectTouchReady } from './support/touch-ready.js';

let till: RunningTill;

test.beforeAll(async () => {
  till = await startTill();
});
test.afterAll(async () => {
  await till.dispose();
});

test('the setup assistant shows the exact Server Address with a copy button and a QR code, and sees iikoWaiter call', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${till.baseUrl}/#/setup`);
  const url = `${till.baseUrl}/GetMeBack`;
  await expect(page.getByRole('heading', { name: 'Подключение iikoWaiter' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: url })).toHaveValue(url);
  const qr = page.getByRole('img', { name: `QR-код адреса ${url}` });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);

  await page.getByRole('button', { name: `Копировать адрес ${url}` }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  await expect(page.getByText('запросов ещё не было')).toBeVisible();
  const view = await fetch(`${till.waiterUrl}/orders/0b7e7a5c-1f1e-4c55-9a55-1b2b3c4d5e6f`);
  expect(view.status).toBe(200);
  await expect(page.getByText(/^(сейчас|\d+ секунд[уы]? назад)$/)).toBeVisible({ timeout: 8000 });

  const checklist = page.getByRole('list', { name: 'Что нужно сделать' });
  await expect(checklist).toContainText('Указан ID типа оплаты GetMeBack (Bonus payment type)');
  // The guide's last step, in iikoOffice: the trading enterprise's «Настройки учёта».
  await expect(checklist).toContainText('на вкладке «Настройки учёта» торгового предприятия указаны эти типы и стоит галочка «Деньги под отчёт официанту»');
  await expect(page.getByRole('table', { name: 'Права официантов в iikoOffice' })).toContainText('F_PAW');
  await saveScreenshot(page, 'setup');
  await expectTouchReady(page, 'setup');
});

test('the setup screen shows the last backup: none on a new till, then the time and size of the copy its clean shutdown left', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-e2e-backup-'));
  try {
    const first = await startTill({ dataDir });
    await page.goto(`${first.baseUrl}/#/setup`);
    await expect(page.getByText('Последняя резервная копия')).toBeVisible();
    await expect(page.getByText(/^⚠ ещё не было$/)).toBeVisible();
    // Leave the page before the till stops, or its polling and live feed log refused connections.
    await page.goto('about:blank');
    await first.stop();

    const again = await startTill({ dataDir });
    try {
      await page.goto(`${again.baseUrl}/#/setup`);
      // «02.12.2026, 09:31 · 148 КБ»: the shutdown backup's time and size.
      await expect(page.getByText(/^✔ \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} · \d+([,.]\d)?\u00a0(КБ|МБ)$/)).toBeVisible();
      await expectTouchReady(page, 'setup-backup');
      await page.goto('about:blank');
    } finally {
      await again.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
