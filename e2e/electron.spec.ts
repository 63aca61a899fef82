import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chooseHost } from '../main/launcher/choose-host.js';
import type { ServerState } from '../main/electron/server-state.js';
import type { TrayModel } from '../main/electron/tray-model.js';

/**
 * The desktop app itself: Electron runs `dist/main/electron/main.js`, the dashboard window opens on
 * the core's server, the tray shows the till's state, a setting changed in the settings window
 * reaches the file and the tray, and quitting closes the server. Where Electron's binary or a
 * display is missing, this test is reported as skipped (not run), never as passed.
 */

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** The binary `npm ci` installed, if it could. Requiring 'electron' without one would start a download. */
function electronBinary(): string | null {
  const dir = path.dirname(require.resolve('electron/package.json'));
  if (!existsSync(path.join(dir, 'path.txt'))) return null;
  const binary = require('electron') as unknown;
  return typeof binary === 'string' && existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const choice = chooseHost({
  electronBinaryInstalled: binary !== null,
  platform: process.platform,
  display: process.env.DISPLAY,
  waylandDisplay: process.env.WAYLAND_DISPLAY,
  forceHeadless: false,
});
const notRunnable =
  choice.host === 'electron'
    ? null
    : binary === null
      ? 'Electron binary not installed on this machine: its download failed or was skipped during npm ci (node_modules/electron has no path.txt)'
      : `Electron cannot show a window on this machine: ${choice.reason}`;

/**
 * The app as Electron runs it, but entered through e2e/support/electron-main.mjs (the hooks below),
 * so that the packed main.js carries none: a folder with this package.json, `main` pointing there,
 * and the app's assets (its icons).
 */
function e2eAppFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'gmb-electron-app-'));
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  const entry = path.relative(folder, path.join(root, 'e2e', 'support', 'electron-main.mjs'));
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ ...pkg, main: entry.split(path.sep).join('/') }));
  symlinkSync(path.join(root, 'assets'), path.join(folder, 'assets'), 'junction');
  return folder;
}

/** What e2e/support/electron-main.mjs exposes on globalThis. */
interface ShellTestHooks {
  tray(): TrayModel | null;
  server(): ServerState;
  settingsFile(): string;
  windowUrls(): string[];
}
/** Functions given to `app.evaluate` run in the main process, so each reads the hooks from its globalThis. */
type WithHooks = { tillShellTest: ShellTestHooks };

test.describe('the desktop app', () => {
  test.skip(notRunnable !== null, notRunnable ?? '');

  let app: ElectronApplication;
  let dataDir: string;
  let appFolder: string | undefined;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    // `npm run test:e2e` builds the dashboard; the main process is compiled here, as `npm run build` does.
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-electron-'));
    // A free loopback port, so the test never fights a till already running on 3000.
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 2, server: { host: '127.0.0.1', port: 0 } }));
    app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [(appFolder = e2eAppFolder()), ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      env: { ...process.env, GMB_DATA_DIR: dataDir },
    });
  });

  test.afterAll(async () => {
    if (app) await app.close().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (appFolder) rmSync(appFolder, { recursive: true, force: true });
  });

  test('opens the dashboard, shows the tray, changes a setting and stops the server on quit', async () => {
    const dashboard = await app.firstWindow();
    await expect(dashboard).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/#\//);
    const origin = new URL(dashboard.url()).origin;

    // The page is a plain web page with one bridge: no Node, and the shell's actions only.
    expect(await dashboard.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await dashboard.evaluate(() => Object.keys(window.tillShell ?? {}).sort())).toEqual([
      'appVersion',
      'copyText',
      'getAutostart',
      'getNotificationsPaused',
      'openSettingsWindow',
      'setAutostart',
      'setNotificationsPaused',
    ]);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(await dashboard.evaluate(() => window.tillShell?.appVersion())).toBe(pkg.version);

    // The tray, read from the main process.
    await expect.poll(() => app.evaluate(() => (globalThis as unknown as WithHooks).tillShellTest.server().kind)).toBe('running');
    const tray = await app.evaluate(() => (globalThis as unknown as WithHooks).tillShellTest.tray());
    expect(tray?.icon).toBe('running');
    expect(tray?.tooltip).toContain('Сервер для iikoWaiter работает');
    expect(tray?.tooltip).toContain('/GetMeBack');

    // Pausing notifications from the dashboard ticks the tray's box.
    await dashboard.evaluate(() => window.tillShell?.setNotificationsPaused(true));
    expect((await app.evaluate(() => (globalThis as unknown as WithHooks).tillShellTest.tray()))?.items.find((item) => item.id === 'pause-notifications')?.checked).toBe(true);

    // The settings window: the dashboard's #/settings screen in its own window, saving over HTTP.
    const opened = app.waitForEvent('window');
    await dashboard.evaluate(() => window.tillShell?.openSettingsWindow());
    const settingsWindow = await opened;
    await expect(settingsWindow).toHaveURL(`${origin}/#/settings`);
    const status = await settingsWindow.evaluate(async () => {
      const response = await fetch('/api/settings', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'en' }) });
      return response.status;
    });
    expect(status).toBe(200);
    await expect.poll(async () => (await app.evaluate(() => (globalThis as unknown as WithHooks).tillShellTest.tray()))?.tooltip.split('\n')[0]).toBe('GetMeBack Till');
    const settingsFile = await app.evaluate(() => (globalThis as unknown as WithHooks).tillShellTest.settingsFile());
    expect(settingsFile).toBe(path.join(dataDir, 'settings.json'));
    expect((JSON.parse(readFileSync(settingsFile, 'utf8')) as { language: string }).language).toBe('en');

    // Quit from the main process as the tray does: the server closes before the app exits.
    const closed = app.waitForEvent('close');
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await closed;
    await expect(fetch(`${origin}/GetMeBack/health`)).rejects.toThrow();
  });
});
