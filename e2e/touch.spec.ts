import { startCloudTillWithOutbox, type CloudTill } from './support/cloud-till.js';
import { startTill, type RunningTill } from './support/till-server.js';
import type { Page } from '@playwright/test';
import { expect, test } from './support/dashboard-test.js';
import { expectTouchReady, seriousAxeViolations, TILL_SCREEN, touchTargetProblems } from './support/touch-ready.js';
import { WaiterApp, orderId } from './support/waiter-app.js';

/**
 * The till is a touch terminal: at 1024×768 with touch, every screen and dialog is checked (touch
 * targets, axe-core, screenshots), the hand-in is done with taps only, and the checks themselves
 * are shown to catch a control that shrinks and a serious axe violation.
 */
let till: RunningTill;
let waiter: WaiterApp;
/** The «Облако» screen's test only: a till on a fake cloud with lines to retry and settle, and calls in the journal. */
let cloud: CloudTill | null = null;

test.use({ viewport: TILL_SCREEN, hasTouch: true });

// A till of its own for each test, with the same orders and debt: a hand-in or a setting one test
// makes is never what another reads, in any order.
test.beforeEach(async () => {
  till = await startTill();
  waiter = new WaiterApp(till.waiterUrl);
  const order = orderId('70c40001');
  expect(await waiter.checkIn(order, 'GMB-V-5001')).toBe(204);
  expect(await waiter.addGift(order, 'v-1')).toBe(200);
  expect(await waiter.checkIn(orderId('70c40002'), 'GMB-G-1002')).toBe(204);
  expect((await waiter.payCash(orderId('70c40003'), 1734.5)).status).toBe(200);
});
test.afterEach(async ({ page }) => {
  // The page leaves first: its live stream must not break under it while the test still listens.
  await page.goto('about:blank');
  await till.dispose();
  await cloud?.dispose();
  cloud = null;
});

const SCREENS: { link: string; hash: string; cloud?: true; shown: (page: Page) => Promise<void> }[] = [
  { link: 'Сегодня', hash: 'today', shown: (page: Page) => expect(page.getByTestId('hour-chart')).toBeVisible() },
  { link: 'Лента', hash: 'feed', shown: (page: Page) => expect(page.getByRole('list', { name: 'Лента' })).toContainText('Заказ оплачен') },
  { link: 'Заказы', hash: 'orders', shown: (page: Page) => expect(page.getByRole('listitem').filter({ hasText: 'Заказ 70c40001' })).toContainText('Капучино') },
  {
    link: 'Наличные',
    hash: 'cash',
    shown: async (page: Page) => {
      await page.getByRole('button', { name: 'История: Анна' }).tap();
      await expect(page.getByRole('region', { name: 'История: Анна' })).toContainText('Взял у гостя');
    },
  },
  {
    link: 'Облако',
    hash: 'cloud',
    cloud: true,
    shown: async (page: Page) => {
      // A parked payment («Повторить сейчас», «Закрыть вручную» side by side), a refund to reconcile, the journal and its download.
      await expect(page.getByRole('table', { name: 'Операции для облака' }).getByRole('button', { name: 'Повторить сейчас' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Возвраты для ручной сверки' }).getByRole('button', { name: 'Закрыть вручную' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Журнал обращений к облаку' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Скачать журнал (для поддержки GetMeBack)' })).toBeVisible();
    },
  },
  { link: 'Настройки', hash: 'settings', shown: (page: Page) => expect(page.getByLabel('Порт')).toBeVisible() },
  { link: 'Подключение', hash: 'setup', shown: (page: Page) => expect(page.getByRole('table', { name: 'Права официантов в iikoOffice' })).toBeVisible() },
];

for (const [index, screen] of SCREENS.entries()) {
  test(`the «${screen.link}» screen is touch-ready at 1024×768: 44 px targets, room between them, nothing serious for axe`, async ({ page }) => {
    // Reached by a tap on its section, from the previous one («Облако» is there where there is a cloud).
    if (screen.cloud) cloud = await startCloudTillWithOutbox();
    const on = cloud?.till ?? till;
    await page.goto(`${on.baseUrl}/#/${SCREENS[(index + SCREENS.length - 1) % SCREENS.length]?.hash ?? ''}`);
    await page.getByRole('link', { name: screen.link, exact: true }).tap();
    await expect(page.getByRole('link', { name: screen.link, exact: true })).toHaveAttribute('aria-current', 'page');
    await screen.shown(page);
    await expectTouchReady(page, `touch-${index + 1}-${screen.link}`);
  });
}

test('a hand-in with taps only: keypad, quick amounts, confirmation, and every step of the dialog touch-ready', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/cash`);
  const debt = page.getByLabel('Долг: Анна');
  await expect(debt).toHaveText('1\u00a0734,50\u00a0₽');
  await page.getByRole('button', { name: 'Принять наличные: Анна' }).tap();
  const dialog = page.getByRole('dialog', { name: 'Принять наличные: Анна' });
  const amount = dialog.getByLabel('Сумма, ₽');
  await expect(amount).toHaveValue('1734,50');
  await expectTouchReady(page, 'touch-hand-in');

  // Quick amounts: the debt rounded down to hundreds and thousands, and the whole debt again.
  const keypad = dialog.getByRole('group', { name: 'Цифровая клавиатура' });
  await dialog.getByRole('button', { name: 'Округлённо: 1\u00a0000,00\u00a0₽' }).tap();
  await expect(amount).toHaveValue('1000');
  await dialog.getByRole('button', { name: 'Округлённо: 1\u00a0700,00\u00a0₽' }).tap();
  await expect(amount).toHaveValue('1700');
  // The first key replaces an offered sum; then digits, the separator and backspace edit it.
  for (const key of ['5', '00', '0', '1']) await keypad.getByRole('button', { name: key, exact: true }).tap();
  await expect(amount).toHaveValue('50001');
  await keypad.getByRole('button', { name: 'Стереть цифру' }).tap();
  await keypad.getByRole('button', { name: 'Запятая' }).tap();
  await keypad.getByRole('button', { name: '5', exact: true }).tap();
  await expect(amount).toHaveValue('5000,5');

  // More than the debt: refused next to the field, in words, and the dialog is still touch-ready.
  await dialog.getByRole('button', { name: 'Далее' }).tap();
  await expect(dialog.getByRole('alert')).toContainText('не больше долга');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expectTouchReady(page, 'touch-hand-in-error');

  await keypad.getByRole('button', { name: 'Очистить' }).tap();
  await expect(amount).toHaveValue('');
  for (const key of ['5', '0', '0', 'Запятая', '5']) await keypad.getByRole('button', { name: key, exact: true }).tap();
  await expect(amount).toHaveValue('500,5');
  await dialog.getByRole('button', { name: 'Далее' }).tap();
  await expect(dialog).toContainText('Принять 500,50\u00a0₽ от «Анна»? Останется долг 1\u00a0234,00\u00a0₽.');
  await expectTouchReady(page, 'touch-hand-in-confirm');
  await dialog.getByRole('button', { name: 'Подтвердить' }).tap();
  await expect(dialog.getByRole('status')).toHaveText('Принято 500,50\u00a0₽. Долг теперь 1\u00a0234,00\u00a0₽.');
  await expectTouchReady(page, 'touch-hand-in-done');
  await dialog.getByRole('button', { name: 'Закрыть' }).tap();
  await expect(dialog).toBeHidden();
  await expect(debt).toHaveText('1\u00a0234,00\u00a0₽');

  // The whole debt with one tap.
  await page.getByRole('button', { name: 'Принять наличные: Анна' }).tap();
  await dialog.getByRole('button', { name: 'Весь долг 1\u00a0234,00\u00a0₽' }).tap();
  await expect(amount).toHaveValue('1234');
  await dialog.getByRole('button', { name: 'Далее' }).tap();
  await dialog.getByRole('button', { name: 'Подтвердить' }).tap();
  await expect(dialog.getByRole('status')).toHaveText('Принято 1\u00a0234,00\u00a0₽. Долг теперь 0,00\u00a0₽.');
  await dialog.getByRole('button', { name: 'Закрыть' }).tap();
  await expect(debt).toHaveText('0,00\u00a0₽');
});

test('the money field takes a physical keyboard the way it takes the keypad', async ({ page }) => {
  expect((await waiter.payCash(orderId('70c40004'), 900)).status).toBe(200);
  await page.goto(`${till.baseUrl}/#/cash`);
  await page.getByRole('button', { name: 'Принять наличные: Анна' }).click();
  const dialog = page.getByRole('dialog', { name: 'Принять наличные: Анна' });
  const amount = dialog.getByLabel('Сумма, ₽');
  await expect(amount).toBeFocused();
  await expect(amount).not.toHaveValue('');
  // The offered sum (the whole debt) is replaced by what is typed, as by the keypad.
  await page.keyboard.type('25');
  await expect(amount).toHaveValue('25');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('.5');
  await expect(amount).toHaveValue('2,5');
  // A tap on a key keeps the focus in the field, so typing goes on where the keypad left off.
  await dialog.getByRole('button', { name: '0', exact: true }).tap();
  await expect(amount).toBeFocused();
  await page.keyboard.type('9');
  await expect(amount).toHaveValue('2,50');
  await page.keyboard.press('Delete');
  await expect(amount).toHaveValue('');
  await page.keyboard.type('300');
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('Принять 300,00\u00a0₽ от «Анна»?');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the keyboard goes through the hand-in in reading order, and the focus is always visible', async ({ page }) => {
  expect((await waiter.payCash(orderId('70c40006'), 100)).status).toBe(200);
  await page.goto(`${till.baseUrl}/#/cash`);
  await page.getByRole('button', { name: 'Принять наличные: Анна' }).click();
  await expect(page.getByRole('dialog').getByLabel('Сумма, ₽')).toBeFocused();
  const stops: string[] = [];
  for (let step = 0; step < 30; step += 1) {
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!(element instanceof HTMLElement) || !element.closest('dialog')) return null;
      const style = getComputedStyle(element);
      const name = element.getAttribute('aria-label') ?? (element.id || element.textContent?.trim() || '');
      return { name, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    // Past the last control the focus leaves the page for the browser's own controls.
    if (focused === null || stops.includes(focused.name)) break;
    expect(focused.ring, `no visible focus on ${focused.name}`).toBe(true);
    stops.push(focused.name);
    await page.keyboard.press('Tab');
  }
  // The field, its quick amounts (as many as the debt gives), the keypad row by row, the other fields, the buttons.
  const quick = stops.filter((name) => /^(Весь долг|Округлённо)/.test(name));
  expect(quick.length).toBeGreaterThan(0);
  const keys = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '00', '0', 'Запятая', 'Стереть цифру', 'Очистить'];
  const order = ['hand-in-amount', ...quick, ...keys, 'hand-in-recorded-by', 'hand-in-note', 'Далее', 'Отмена'];
  expect(stops).toEqual(order);
});

test('large text (a setting) scales the dashboard, and it stays touch-ready', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/settings`);
  const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await rootSize();
  const largeText = page.getByRole('checkbox', { name: /Крупный текст/ });
  await expect(largeText).not.toBeChecked();
  // The whole label is the target: a tap on its words ticks the box.
  await page.getByText(/Крупный текст/).tap();
  await expect(largeText).toBeChecked();
  await page.getByRole('button', { name: 'Сохранить' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено' })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/large-text/);
  expect(await rootSize()).toBeGreaterThan(normal * 1.2);
  await expectTouchReady(page, 'touch-settings-large');

  await page.reload();
  await expect(page.locator('html')).toHaveClass(/large-text/);
  await page.getByRole('link', { name: 'Наличные' }).tap();
  await expect(page.getByLabel('Долг: Анна')).toBeVisible();
  await expectTouchReady(page, 'touch-cash-large');
  await page.getByRole('link', { name: 'Лента' }).tap();
  await expectTouchReady(page, 'touch-feed-large');
});

test('a new feed row is announced, and states carry a sign as well as a colour', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/feed`);
  await expect(page.getByRole('list', { name: 'Лента' })).toContainText('Заказ оплачен');
  expect(await waiter.checkIn(orderId('70c40005'), 'GMB-G-1003')).toBe(204);
  await expect(page.getByRole('status').filter({ hasText: 'Новое событие' })).toContainText('Сидоров Пётр Алексеевич');
  await expect(page.locator('.header .pill-ok').first()).toContainText('✔');
});

test('the checks catch a control that shrinks under 44 px and a serious axe violation', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/cash`);
  await expect(page.getByRole('heading', { name: 'Наличные под отчёт официантам' })).toBeVisible();
  expect(await touchTargetProblems(page)).toEqual([]);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.addStyleTag({ content: '.waiter .actions button { min-height: 30px; height: 30px; }' });
  expect((await touchTargetProblems(page)).join('\n')).toMatch(/История: Анна.* is \d+×30 px, under 44×44/);

  await page.evaluate(() => {
    const unnamed = document.createElement('button');
    unnamed.style.cssText = 'width: 60px; height: 60px';
    document.querySelector('.page')?.append(unnamed);
  });
  expect((await seriousAxeViolations(page)).join('\n')).toMatch(/critical button-name/);
});
