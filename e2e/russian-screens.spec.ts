import type { ElementHandle } from '@playwright/test';
import { russianTextProblems } from '../shared/i18n/text-check.js';
import { expect, saveScreenshot, test } from './support/dashboard-test.js';
import { startCloudTillWithOutbox, type CloudTill } from './support/cloud-till.js';
import { startTill, TEST_BONUS_PAYMENT_TYPE, type RunningTill } from './support/till-server.js';
import { WaiterApp, orderId } from './support/waiter-app.js';

let till: RunningTill;
/** The «Облако» screen is the cloud's: a till on a fake cloud, with a line on each of its lists and calls in its journal. */
let cloud: CloudTill;

test.beforeAll(async () => {
  till = await startTill({ args: ['--bonus-payment-type', TEST_BONUS_PAYMENT_TYPE] });
  const waiter = new WaiterApp(till.waiterUrl);
  // Something of everything on the screens: check-ins, a gift, a bonus reservation, a payment in
  // cash under the waiter's report, and a refusal.
  const open = orderId('0aa00001');
  expect(await waiter.checkIn(open, 'GMB-V-5001')).toBe(204);
  expect(await waiter.addGift(open, 'v-1')).toBe(200);
  expect(await waiter.precheck(open, 1200, 300)).toBe(200);
  const paid = orderId('0aa00002');
  expect(await waiter.checkIn(paid, 'GMB-G-1002')).toBe(204);
  expect((await waiter.payCash(paid, 850.5)).status).toBe(200);
  expect(await waiter.checkIn(orderId('0aa00003'), 'GMB-G-9999')).toBe(200);
  cloud = await startCloudTillWithOutbox();
});
test.afterAll(async () => {
  await till.dispose();
  await cloud.dispose();
});

/**
 * Each screen of the dashboard in Russian, as the cashier reads it. `quoted`: what a screen shows in
 * the cloud's own words, not the dashboard's (the journal's calls as they went: their names, the JSON
 * sent and answered), left out of the check once it is on screen.
 */
const SCREENS: { hash: string; ready: string; quoted?: string }[] = [
  { hash: 'today', ready: 'Рабочий день с 06:00 до 06:00' },
  { hash: 'feed', ready: 'Чекин по подарку «Капучино»' },
  { hash: 'orders', ready: 'Резерв бонусов' },
  { hash: 'cash', ready: 'Отчёт за смену' },
  { hash: 'cloud', ready: 'Облако отклонило операцию: «Клиент заблокирован»', quoted: '.journal pre, .journal .call-name' },
  { hash: 'settings', ready: 'ID типа оплаты GetMeBack (Bonus payment type)' },
  { hash: 'setup', ready: 'Деньги под отчёт официанту' },
];

for (const screen of SCREENS) {
  test(`the ${screen.hash} screen speaks the glossary's Russian: no stray Latin, no ₽ beside bonuses, no hand-built plural`, async ({ page }) => {
    await page.goto(`${(screen.hash === 'cloud' ? cloud.till : till).baseUrl}/#/${screen.hash}`);
    await expect(page.locator('body')).toContainText(screen.ready);
    let hidden: ElementHandle | null = null;
    if (screen.quoted) {
      await expect(page.locator(screen.quoted).first()).toBeVisible();
      hidden = await page.addStyleTag({ content: `${screen.quoted} { visibility: hidden; }` });
    }
    const lines = (await page.locator('body').innerText()).split('\n').filter((line) => line.trim() !== '');
    await hidden?.evaluate((element) => element.parentNode?.removeChild(element));
    const problems = lines.flatMap((line) => russianTextProblems(line).map((problem) => `${problem} in «${line}»`));
    expect(problems).toEqual([]);
    await saveScreenshot(page, `ru-${screen.hash}`);
  });
}
