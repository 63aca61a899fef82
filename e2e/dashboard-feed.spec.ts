import { startTill, type RunningTill } from './support/till-server.js';
import { expect, saveScreenshot, test } from './support/dashboard-test.js';
import { expectTouchReady } from './support/touch-ready.js';
import { WaiterApp, orderId } from './support/waiter-app.js';

let till: RunningTill;
let waiter: WaiterApp;

// A till of its own for each test: each makes the events it reads, in any order.
test.beforeEach(async () => {
  till = await startTill();
  waiter = new WaiterApp(till.waiterUrl);
});
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
  await till.dispose();
});

test('a check-in through the waiter API appears in the feed live, with the guest, balance, waiter and order', async ({ page }) => {
  await page.goto(`${till.baseUrl}/#/feed`);
  const feed = page.getByRole('list', { name: 'Лента событий' });
  await expect(page.getByRole('heading', { name: 'GetMeBack Till' })).toBeVisible();
  await expect(page.getByText('Лента на связи')).toBeVisible();
  // On the embedded book with nothing for a cloud, the sections have no «Облако».
  await expect(page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Сегодня' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Облако' })).toHaveCount(0);

  expect(await waiter.checkIn(orderId('0b7e7a5c'), 'GMB-G-1001')).toBe(204);
  const row = feed.getByRole('listitem').filter({ hasText: 'Чекин: Иванов Иван Иванович' });
  await expect(row).toContainText('баланс 1\u00a0500\u00a0бонусов');
  await expect(row).toContainText('официант Анна');
  await expect(row).toContainText('заказ 0b7e7a5c');

  expect(await waiter.checkIn(orderId('a1a1a1a1'), 'NO-SUCH-CODE')).toBe(200);
  await expect(feed.getByRole('listitem').first()).toContainText('Отказ официанту');
  await saveScreenshot(page, 'feed');
  await expectTouchReady(page, 'feed');

  // A long refusal is cut in its row at 1024 px; a tap shows the whole of it, each figure on its line.
  const pin = await fetch(`${till.waiterUrl}/orders/${orderId('a2a2a2a2')}/checkin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '9876' }),
  });
  const told = ((await pin.json()) as { WaiterMessage: string }).WaiterMessage;
  expect(told.length).toBeGreaterThan(60);
  const refusal = feed.getByRole('listitem').first();
  await expect(refusal).toContainText('Отказ официанту');
  await refusal.getByRole('button').tap();
  const whole = page.getByRole('region', { name: 'Событие целиком' });
  await expect(whole).toContainText(`Отказ официанту: ${told}`);
  await expect(whole.getByRole('listitem').first()).toHaveText('запрос: чекин');
  await expect(refusal.getByRole('button')).toHaveAttribute('aria-expanded', 'true');
  await expectTouchReady(page, 'feed-whole-event');
  await whole.getByRole('button', { name: 'Закрыть' }).tap();
  await expect(whole).toHaveCount(0);
  // Closed, the focus is back on the row it came from (a keyboard goes on from there).
  await expect(refusal.getByRole('button')).toBeFocused();
  // Opened again, then another filter: the event is not in the list any more, and neither is its panel.
  await refusal.getByRole('button').tap();
  await expect(whole).toBeVisible();
  await page.getByRole('button', { name: 'Чекины', exact: true }).tap();
  await expect(whole).toHaveCount(0);
});

test('the kind filter shows only that kind, live events included, and "All" brings the rest back', async ({ page }) => {
  expect(await waiter.checkIn(orderId('0b7e7a5d'), 'GMB-G-1001')).toBe(204);
  expect(await waiter.checkIn(orderId('a1a1a1a2'), 'NO-SUCH-CODE')).toBe(200);
  await page.goto(`${till.baseUrl}/#/feed`);
  const feed = page.getByRole('list', { name: 'Лента событий' });
  await expect(feed.getByRole('listitem').first()).toBeVisible();
  const filters = page.getByRole('group', { name: 'Фильтр событий' });

  await filters.getByRole('button', { name: 'Отказы и ошибки' }).click();
  await expect(filters.getByRole('button', { name: 'Отказы и ошибки' })).toHaveAttribute('aria-pressed', 'true');
  await expect(feed).toContainText('Отказ официанту');
  await expect(feed).not.toContainText('Чекин:');

  expect(await waiter.checkIn(orderId('c0ffee01'), 'GMB-G-1002')).toBe(204);
  expect(await waiter.checkIn(orderId('bad0c0de'), 'ALSO-UNKNOWN')).toBe(200);
  await expect(feed.getByRole('listitem').filter({ hasText: 'bad0c0de' })).toBeVisible();
  await expect(feed).not.toContainText('Петрова');

  await filters.getByRole('button', { name: 'Все' }).click();
  await expect(feed.getByRole('listitem').filter({ hasText: 'Чекин: Петрова Мария Сергеевна' })).toBeVisible();
});

test('a waiter request reaches the screen quickly (median of 20, clock to clock)', async ({ page }) => {
  // The feed's list is on the page once it has a row (an empty feed shows a sentence instead).
  expect(await waiter.checkIn(orderId('5eedffff'), 'GMB-G-1001')).toBe(204);
  await page.goto(`${till.baseUrl}/#/feed`);
  await expect(page.getByText('Лента на связи')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Лента событий' })).toBeVisible();
  const ids = Array.from({ length: 20 }, (_, i) => orderId(`5eed${String(i).padStart(4, '0')}`));
  // The page notes the moment each awaited row appears; the request goes from this process, as
  // iikoWaiter's plugin sends it (the waiter API refuses web pages). Both clocks are this machine's.
  await page.evaluate(() => {
    const list = document.querySelector('[role="list"]');
    if (!list) throw new Error('no feed on the page');
    const watch = window as unknown as { awaited: Set<string>; seenAt: Record<string, number> };
    watch.awaited = new Set();
    watch.seenAt = {};
    new MutationObserver(() => {
      for (const marker of watch.awaited) {
        if (list.textContent?.includes(marker)) {
          watch.seenAt[marker] = performance.timeOrigin + performance.now();
          watch.awaited.delete(marker);
        }
      }
    }).observe(list, { childList: true, subtree: true, characterData: true });
  });
  const timings: number[] = [];
  for (const id of ids) {
    const marker = `заказ ${id.slice(0, 8)}`;
    await page.evaluate((m) => (window as unknown as { awaited: Set<string> }).awaited.add(m), marker);
    const sentAt = performance.timeOrigin + performance.now();
    expect(await waiter.checkIn(id, 'GMB-G-1003', '2222')).toBe(204);
    const handle = await page.waitForFunction((m) => (window as unknown as { seenAt: Record<string, number | undefined> }).seenAt[m], marker);
    timings.push(((await handle.jsonValue()) as number) - sentAt);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const median = ((sorted[9] ?? 0) + (sorted[10] ?? 0)) / 2;
  console.log(`waiter request → row on screen: median ${median.toFixed(1)} ms, min ${sorted[0]?.toFixed(1)} ms, max ${sorted[19]?.toFixed(1)} ms (n=20)`);
  expect(timings).toHaveLength(20);
  // "Within a fraction of a second" (issue 5); the number itself is printed above for the report.
  expect(median).toBeLessThan(1000);
});
