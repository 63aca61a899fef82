import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTill, type RunningTill } from './support/till-server.js';
import type { Locator } from '@playwright/test';
import { expect, expectBrowserLogged, saveScreenshot, test } from './support/dashboard-test.js';
import { WaiterApp, orderId } from './support/waiter-app.js';

// A Friday evening in Moscow (UTC+3) that ends after midnight, on a clock the test sets, seen by a
// Chromium in English: the till speaks Russian (its setting), so dates and money must too.
test.use({ locale: 'en-US', timezoneId: 'Europe/Moscow' });

const msk = (text: string) => new Date(`${text}+03:00`);
const DOCS = path.resolve(import.meta.dirname, '../docs/screenshots');
const ARTIFACTS = path.resolve(import.meta.dirname, '../e2e-artifacts');

/** The PDF's text as poppler's pdftotext reads it (Debian's poppler-utils; `.ci/run` installs it). */
function pdfText(file: string, options: string[] = []): string {
  return execFileSync('pdftotext', [...options, file, '-']).toString();
}

/** How many of the canvas' pixels are in each series' colour, as the chart's CSS gives them. */
async function barPixels(canvas: Locator): Promise<{ tonight: number; lastWeek: number }> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const figure = element.closest('.hour-chart');
    if (!figure) throw new Error('the canvas is not in the chart');
    const rgb = (name: string) => {
      const probe = document.createElement('span');
      probe.style.color = getComputedStyle(figure).getPropertyValue(name);
      figure.append(probe);
      const color = getComputedStyle(probe).color.match(/\d+/g)?.map(Number) ?? [];
      probe.remove();
      return color;
    };
    const [tonight, lastWeek] = [rgb('--accent'), rgb('--last-week')];
    const context = element.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    const pixels = context.getImageData(0, 0, element.width, element.height).data;
    const count = (color: number[]) => {
      let found = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] === color[0] && pixels[i + 1] === color[1] && pixels[i + 2] === color[2]) found++;
      return found;
    };
    return { tonight: count(tonight), lastWeek: count(lastWeek) };
  });
}

/**
 * How many pixels of a region of the PDF's first page (in points, rendered at 72 dpi by poppler's
 * pdftoppm as PPM) are near a colour (`#0b6bcb`): what a printed canvas shows, as the eye sees it.
 */
function pdfPixels(file: string, region: { x: number; y: number; width: number; height: number }, hex: string): number {
  const ppm = execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', '-x', String(region.x), '-y', String(region.y), '-W', String(region.width), '-H', String(region.height), file]);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'));
  if (!header) throw new Error('pdftoppm gave no PPM');
  const want = [1, 3, 5].map((at) => parseInt(hex.trim().slice(at, at + 2), 16));
  let found = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (want.every((value, channel) => Math.abs((ppm[i + channel] ?? 0) - value) <= 6)) found++;
  }
  return found;
}

let till: RunningTill;
let waiter: WaiterApp;

test.beforeAll(async () => {
  till = await startTill({ clock: { start: msk('2026-11-20T19:00:00'), timeZone: 'Europe/Moscow' } });
  waiter = new WaiterApp(till.waiterUrl);
  // Last Friday, 19:00: one check-in.
  expect(await waiter.checkIn(orderId('1a57'), 'GMB-G-1003')).toBe(204);
  // This Friday, 05:30: still Thursday's business day.
  await till.setClock(msk('2026-11-27T05:30:00'));
  expect(await waiter.checkIn(orderId('0e41'), 'GMB-G-1003')).toBe(204);
  // 19:10: Иванов by his gift's QR, the gift, 1 200 ₽ paid with 300 bonuses (the demo Bonus payment
  // type the demo book set on this first start) and 900 ₽ in cash to Анна.
  await till.setClock(msk('2026-11-27T19:10:00'));
  const dinner = orderId('d1');
  expect(await waiter.checkIn(dinner, 'GMB-V-5001')).toBe(204);
  expect(await waiter.addGift(dinner, 'v-1')).toBe(200);
  expect(await waiter.precheck(dinner, 1200, 300)).toBe(200);
  expect((await waiter.pay(dinner, { bonus: 300, cash: 900 })).status).toBe(200);
  // 00:40 on Saturday: Петрова at two tables, Иванов again with Борис, 500 ₽ in cash.
  await till.setClock(msk('2026-11-28T00:40:00'));
  expect(await waiter.checkIn(orderId('b2'), 'GMB-G-1002')).toBe(204);
  expect(await waiter.checkIn(orderId('b3'), 'GMB-G-1002')).toBe(204);
  const late = orderId('1a7e');
  expect(await waiter.checkIn(late, 'GMB-G-1001', '2222')).toBe(204);
  expect((await waiter.payCash(late, 500, '2222')).status).toBe(200);
  await till.setClock(msk('2026-11-28T02:15:00'));
});
test.afterAll(async () => {
  await till.dispose();
});

test('«Сегодня» after an evening that crosses midnight: Friday’s business day, its tiles and its hours beside last Friday', async ({ page }) => {
  await page.goto(till.baseUrl);
  await expect(page.getByTestId('business-day')).toHaveText('пятница, 27 ноября 2026 г.');
  await expect(page.getByText('Рабочий день с 06:00 до 06:00')).toBeVisible();
  const tile = (key: string) => page.locator(`[data-tile="${key}"] .tile-value`);
  await expect(tile('checkIns')).toHaveText('4');
  await expect(tile('distinctGuests')).toHaveText('2');
  await expect(tile('giftsRedeemed')).toHaveText('1');
  await expect(tile('bonusesWrittenOff')).toHaveText('300\u00a0бонусов');
  // 5 % of what was paid in money: 900 ₽ at dinner, 500 ₽ late.
  await expect(tile('cashbackAccrued')).toHaveText('70\u00a0бонусов');
  await expect(tile('refunds')).toHaveText('0');
  await expect(tile('cashOutstanding')).toHaveText('1\u00a0400,00\u00a0₽');
  await expect(page.locator('[data-tile="cashOutstanding"]')).toContainText('Анна: 900,00\u00a0₽');
  // The chart: uPlot's canvas, and beside it for screen readers the same hours as a table.
  const canvas = page.getByTestId('hour-chart').locator('canvas');
  await expect(canvas).toBeVisible();
  const hours = page.getByTestId('hour-table');
  await expect(hours.locator('caption')).toHaveText('Чекины по часам рабочего дня: всего 4, шкала до 5');
  await expect(hours.locator('thead th')).toHaveText(['Час', 'сегодня', 'неделю назад']);
  await expect(hours.locator('tbody th')).toHaveCount(24);
  await expect(hours.locator('tbody th').first()).toHaveText('06:00');
  await expect(hours.locator('tbody th').last()).toHaveText('05:00');
  const hour = (h: number) => hours.locator(`tr[data-hour="${h}"] td`);
  await expect(hour(19)).toHaveText(['1', '1']);
  await expect(hour(0)).toHaveText(['3', '0']);
  await expect(hour(2)).toHaveText(['0', '0']);
  await expect(hour(5)).toHaveText(['0', '0']);
  // What the canvas drew: pixels in tonight's colour (the screen's --accent) and last week's.
  const drawn = await barPixels(canvas);
  expect(drawn.tonight).toBeGreaterThan(0);
  expect(drawn.lastWeek).toBeGreaterThan(0);
  // Pointing along the chart reads each hour out, 19:00 among them.
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the chart has no box');
  const readout = page.locator('.hour-readout');
  for (let x = box.x + box.width / 2; x < box.x + box.width; x += box.width / 96) {
    await page.mouse.move(x, box.y + box.height / 2);
    if ((await readout.textContent())?.startsWith('19:00')) break;
  }
  await expect(readout).toHaveText('19:00 — сегодня 1, неделю назад 1');
  await page.mouse.move(0, 0);
  await canvas.evaluate((element) => element.setAttribute('data-seen', 'before'));
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: path.join(DOCS, 'today.png') });
  await saveScreenshot(page, 'today');

  // Live: a check-in at 02:20 moves the tile without a reload.
  await till.setClock(msk('2026-11-28T02:20:00'));
  expect(await waiter.checkIn(orderId('c4'), 'GMB-G-1003')).toBe(204);
  await expect(tile('checkIns')).toHaveText('5');
  await expect(tile('distinctGuests')).toHaveText('3');
  // …and the chart's data, in the same canvas (fed, not rebuilt): 02:00 now has a bar tonight.
  await expect(hour(2)).toHaveText(['1', '0']);
  await expect(hours.locator('caption')).toHaveText('Чекины по часам рабочего дня: всего 5, шкала до 5');
  await expect.poll(async () => (await barPixels(canvas)).tonight).toBeGreaterThan(drawn.tonight);
  expect(await canvas.getAttribute('data-seen')).toBe('before');
  expect((await barPixels(canvas)).lastWeek).toBe(drawn.lastWeek);

  // The chart follows the window's width, still the same canvas.
  const wide = await canvas.evaluate((element) => element.getBoundingClientRect().width);
  await page.setViewportSize({ width: 800, height: 600 });
  await expect.poll(() => canvas.evaluate((element) => element.getBoundingClientRect().width)).toBeLessThan(wide - 100);
  const plotWidth = await page.getByTestId('hour-chart').evaluate((element) => element.clientWidth);
  expect(await canvas.evaluate((element) => Math.round(element.getBoundingClientRect().width))).toBe(plotWidth);
  expect(await canvas.getAttribute('data-seen')).toBe('before');
  await page.setViewportSize({ width: 1280, height: 800 });

  // On paper (the browser's print of this screen, A4) the canvas, drawn 1 200 px wide for the
  // screen, shrinks to the page rather than lose its right part: under the chart's title, the right
  // of the page holds the 00:00 and 02:00 bars, and last week's 19:00 bar is left of them (cut off at
  // the page's edge, the canvas would show 19:00 at the right instead).
  await page.emulateMedia({ media: 'print' });
  mkdirSync(ARTIFACTS, { recursive: true });
  const printed = path.join(ARTIFACTS, 'today.pdf');
  writeFileSync(printed, await page.pdf({ format: 'A4', printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  const title = /<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>часам</.exec(pdfText(printed, ['-bbox', '-f', '1', '-l', '1']));
  if (!title?.[1]) throw new Error('the chart’s title is not on the printed page');
  const below = Math.round(Number(title[1])) + 20;
  const [accent, grey] = await canvas.evaluate((element) => ['--accent', '--last-week'].map((name) => getComputedStyle(element).getPropertyValue(name)));
  if (!accent || !grey) throw new Error('the chart has no colours');
  const chartBand = { x: 0, y: below, width: 595, height: 240 };
  const rightOf19 = { x: 400, y: below, width: 195, height: 240 };
  expect(pdfPixels(printed, chartBand, grey)).toBeGreaterThan(0);
  // No grey bar there: a bar is hundreds of pixels (366 with the canvas cut off at the page's edge);
  // a stray pixel of antialiased text may fall within the colour's tolerance (one did, in CI).
  expect(pdfPixels(printed, rightOf19, grey)).toBeLessThan(20);
  expect(pdfPixels(printed, rightOf19, accent)).toBeGreaterThan(0);

  // In English (the settings' language), the chart's words follow; the numbers stay.
  const setLanguage = async (language: string) => {
    const saved = await fetch(`${till.baseUrl}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json', origin: till.baseUrl }, body: JSON.stringify({ language }) });
    expect(saved.status).toBe(200);
  };
  await setLanguage('en');
  await page.reload();
  await expect(hours.locator('thead th')).toHaveText(['Hour', 'today', 'a week ago']);
  await expect(hours.locator('caption')).toHaveText('Check-ins by hour of the business day: 5 in all, scale up to 5');
  await expect(hour(0)).toHaveText(['3', '0']);
  await expect(canvas).toBeVisible();
  await setLanguage('ru');
  await page.reload();
  await expect(hours.locator('thead th')).toHaveText(['Час', 'сегодня', 'неделю назад']);

  // A tile opens the feed filtered to it.
  await page.locator('[data-tile="checkIns"]').click();
  await expect(page).toHaveURL(/#\/feed$/);
  await expect(page.getByRole('button', { name: 'Чекины' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Заказ оплачен')).toHaveCount(0);
});

test('no tile’s figure runs out of its tile, at 1280×800, at the till’s touch sizes and with large text', async ({ page }) => {
  await page.goto(till.baseUrl);
  await expect(page.locator('[data-tile="cashbackAccrued"] .tile-value')).toHaveText('70\u00a0бонусов');
  const sizes = [
    { width: 1280, height: 800, large: false },
    { width: 1366, height: 768, large: false },
    { width: 1024, height: 768, large: false },
    { width: 1024, height: 768, large: true },
    { width: 800, height: 600, large: false },
  ];
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.evaluate((large) => document.documentElement.classList.toggle('large-text', large), size.large);
    // Neither the tile nor any of its parts scrolls sideways, and every part ends inside the tile's
    // padding: a figure running into the padding still touches the tile's edge (the bug seen).
    const overflowing = await page.locator('.tile').evaluateAll((tiles) =>
      tiles.flatMap((tile) => {
        const style = getComputedStyle(tile);
        const inner = tile.getBoundingClientRect().right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
        const parts = [tile, ...tile.querySelectorAll<HTMLElement>(':scope > *')];
        return parts
          .filter((part) => part.scrollWidth > part.clientWidth || (part !== tile && part.getBoundingClientRect().right > inner + 0.5))
          .map((part) => `${tile.getAttribute('data-tile')} ${part.className}: ${Math.round(part.getBoundingClientRect().right)} > ${Math.round(inner)}`);
      }),
    );
    expect(overflowing, `${size.width}×${size.height}${size.large ? ', large text' : ''}`).toEqual([]);
  }
});

test('the shift report covers the business day, in Russian, and prints on A4 and 80 mm with its totals', async ({ page, pageErrors }) => {
  await till.setClock(msk('2026-11-28T02:20:00'));
  await page.goto(`${till.baseUrl}/#/cash`);
  const report = page.locator('.print-report');
  await expect(report.getByTestId('report-period')).toHaveText('Период: с 27.11.2026, 06:00 по 28.11.2026, 02:20');
  const totals = report.locator('tfoot tr').first();
  await expect(totals).toContainText('1\u00a0400,00\u00a0₽');

  // Thursday's business day on its own: only what came before 06:00 on Friday (no cash).
  await page.getByLabel('Рабочий день').fill('26.11.2026');
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(report.getByTestId('report-period')).toHaveText('Период: с 26.11.2026, 06:00 по 27.11.2026, 06:00');
  await expect(totals).not.toContainText('1\u00a0400,00');
  // Days in the wrong order: the till's own words, and no figures of the period before left under them.
  await page.getByLabel('Рабочий день').fill('28.11.2026');
  await page.getByLabel('по', { exact: true }).fill('26.11.2026');
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Начало периода должно быть раньше его конца.' })).toBeVisible();
  await expect(report.getByTestId('report-period')).toHaveCount(0);
  expectBrowserLogged(pageErrors, /status of 400/);
  await page.getByLabel('по', { exact: true }).fill('');
  await page.getByLabel('Рабочий день').fill('27.11.2026');
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(report.getByTestId('report-period')).toHaveText('Период: с 27.11.2026, 06:00 по 28.11.2026, 06:00');
  await expect(page.getByRole('alert').filter({ hasText: 'Начало периода' })).toHaveCount(0);

  mkdirSync(ARTIFACTS, { recursive: true });
  for (const paper of ['a4', 'receipt'] as const) {
    await page.evaluate((chosen) => {
      document.body.dataset.print = 'report';
      document.body.dataset.paper = chosen;
    }, paper);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.header')).toBeHidden();
    await expect(page.locator('.cards')).toBeHidden();
    await expect(report.locator('tfoot')).toContainText('1\u00a0400,00\u00a0₽');
    await page.screenshot({ path: path.join(DOCS, `shift-report-print-${paper}.png`), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const file = path.join(ARTIFACTS, `shift-report-${paper}.pdf`);
    writeFileSync(file, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(file, ['-layout']);
    expect(text).toContain('Отчёт за смену');
    expect(text).toContain('27.11.2026, 06:00');
    expect(text.replace(/\s/g, '')).toContain(paper === 'a4' ? '1400,00₽' : '1400,00');
    expect(text).not.toContain('Лента');
    await page.emulateMedia({ media: 'screen' });
  }
});

test('a hand-in gives a slip with the waiter, the sum, the debt before and after, the time and the cashier', async ({ page }) => {
  await till.setClock(msk('2026-11-28T02:30:00'));
  await page.goto(`${till.baseUrl}/#/cash`);
  await page.getByRole('button', { name: 'Принять наличные: Анна' }).click();
  await page.getByLabel('Сумма').fill('700');
  await page.getByLabel(/Кто принял/).fill('Ольга');
  await page.getByRole('button', { name: 'Далее' }).click();
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  const slip = page.getByTestId('hand-in-slip');
  await expect(slip).toContainText('Анна');
  await expect(slip).toContainText('700,00\u00a0₽');
  await expect(slip).toContainText('900,00\u00a0₽');
  await expect(slip).toContainText('200,00\u00a0₽');
  await expect(slip).toContainText('28.11.2026, 02:30');
  await expect(slip).toContainText('Ольга');
  await page.evaluate(() => {
    document.body.dataset.print = 'slip';
    document.body.dataset.paper = 'receipt';
  });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Печать квитанции' })).toBeHidden();
  await slip.screenshot({ path: path.join(DOCS, 'hand-in-slip.png') });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  writeFileSync(path.join(ARTIFACTS, 'hand-in-slip.pdf'), pdf);
  const text = pdfText(path.join(ARTIFACTS, 'hand-in-slip.pdf'));
  expect(text).toContain('Квитанция: официант сдал наличные');
  expect(text.replace(/\s/g, '')).toContain('900,00₽');
});
