import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { startTill, type RunningTill } from './support/till-server.js';
import { expect, expectBrowserLogged, test } from './support/dashboard-test.js';

/**
 * The dashboard and the waiter API as another computer of the restaurant sees them. The till listens
 * on every interface and the browser calls it at this machine's own LAN address: the connection then
 * comes from that address, not from loopback, exactly as from a computer on the same subnet.
 */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

let till: RunningTill;
let lanUrl = '';
let localUrl = '';

test.beforeAll(async () => {
  test.skip(!lanAddress, 'this machine has no non-loopback IPv4 address: only loopback can be checked here');
  till = await startTill({ args: ['--host', '0.0.0.0'], env: { GMB_ADMIN_PASSWORD: 'kassa-2024' } });
  // Listening on 0.0.0.0: the dashboard at 127.0.0.1 is this machine, at the LAN address another one.
  const port = new URL(till.baseUrl).port;
  lanUrl = `http://${lanAddress ?? ''}:${port}`;
  localUrl = `http://127.0.0.1:${port}`;
});
test.afterAll(async () => {
  await till?.dispose();
});

/** A waiter API call from this machine's LAN address (as an iikoFront terminal would make it). */
function waiterCallFromLan(): Promise<{ status: number; body: { WaiterMessage?: string } }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${lanUrl}/GetMeBack/orders/0b7e7a5c-1f1e-4c55-9a55-1b2b3c4d5e6f`);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, localAddress: lanAddress, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') as { WaiterMessage?: string } }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('from another computer the dashboard asks for the admin password once, and logs out', async ({ page, pageErrors }) => {
  await page.goto(`${lanUrl}/#/feed`);
  await expect(page.getByRole('heading', { name: 'Вход в панель GetMeBack Till' })).toBeVisible();
  // Before login the header says nothing of the till's live state (it said «Переподключение…»).
  await expect(page.getByText(/Переподключение|Лента на связи/)).toHaveCount(0);
  await page.getByLabel('Пароль администратора').fill('wrong');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('alert')).toHaveText('Неверный пароль.');
  expectBrowserLogged(pageErrors, /401/);

  await page.getByLabel('Пароль администратора').fill('kassa-2024');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('link', { name: 'Лента' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Вход в панель GetMeBack Till' })).toHaveCount(0);
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === 'gmb_admin')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

  // The password of this run comes from its start (GMB_ADMIN_PASSWORD), none is saved: the settings say so, not «доступ из сети выключен».
  await page.goto(`${lanUrl}/#/settings`);
  await expect(page.locator('#setting-adminPassword')).toHaveAccessibleDescription(/сейчас действует пароль из параметра запуска/);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible();
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('heading', { name: 'Вход в панель GetMeBack Till' })).toBeVisible();
  await expect(page.getByText(/Переподключение|Лента на связи/)).toHaveCount(0);
});

test('a terminal that is not allowed is refused, named on the setup screen and allowed with one click', async ({ page }) => {
  const refused = await waiterCallFromLan();
  expect(refused.status).toBe(403);
  expect(refused.body.WaiterMessage).toContain(`GetMeBack Till не принимает запросы с этого терминала (${lanAddress})`);

  await page.goto(`${localUrl}/#/setup`);
  await expect(page.getByText(`Терминал ${lanAddress} пытался подключиться (попыток: 1)`)).toBeVisible();
  await page.getByRole('button', { name: `Разрешить терминал ${lanAddress}` }).click();
  await expect(page.getByText(`Разрешены: ${lanAddress}`)).toBeVisible();
  expect((await waiterCallFromLan()).status).toBe(200);
});
