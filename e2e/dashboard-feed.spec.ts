import { expect, test } from '@playwright/test';
import { startTill, type RunningTill } from './support/till-server.js';

let till: RunningTill;

test.beforeAll(async () => {
  till = await startTill();
});
test.afterAll(async () => {
  await till.dispose();
});

test('a check-in through the waiter API appears in the dashboard feed without reload', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(till.baseUrl);
  await expect(page.getByRole('heading', { name: 'GetMeBack Till' })).toBeVisible();
  const response = await fetch(`${till.waiterUrl}/orders/0b7e7a5c-1f1e-4c55-9a55-1b2b3c4d5e6f/checkin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' }),
  });
  expect(response.status).toBe(204);
  await expect(page.getByRole('list', { name: 'Лента событий' })).toContainText('guest.checked_in');
  expect(errors).toEqual([]);
});
