/**
 * Runs the compiled main process (`main/electron/main.js`) in plain Node against the Electron
 * stand-in, plays a first launch on a taken port, the manager's fix, a waiter's check-in, the
 * cashier's clicks and a quit from the tray, and prints what it saw as one JSON line for
 * main-wiring.stand-in.test.ts to judge. Usage: node run-main.js <repo root> <work folder>
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import path from 'node:path';

const { resolve } = await import('./resolve-electron.js');
registerHooks({ resolve });
const { app, standIn } = await import('./electron-stand-in.js');
const { autoUpdater, updaterRecord } = await import('./electron-updater-stand-in.js');
type Window = (typeof standIn.windows)[number];

const [repoRoot, workDir, scenario = 'first-launch'] = process.argv.slice(2);
if (!repoRoot || !workDir) throw new Error('usage: run-main.js <repo root> <work folder> [first-launch|another-copy-runs|another-user-runs|installed-at-login|updates|session-end|system-shutdown]');

const report: Record<string, unknown> = {};
const started = Date.now();

async function until<T>(what: string, probe: () => T | null | undefined | false, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`stand-in run: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function answers(url: string): Promise<number | string> {
  try {
    return (await fetch(url)).status;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function occupy(): Promise<Server> {
  const server = createServer();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const portOf = (server: Server): number => (server.address() as { port: number }).port;
const originOf = (url: string): string => new URL(url).origin;
const trayItems = () => (standIn.trays[0]?.menu?.items ?? []).filter((item) => item.type !== 'separator');

// A port another program holds, and one that is free for the manager to choose.
const blocker = await occupy();
const takenPort = portOf(blocker);
const probe = await occupy();
const freePort = portOf(probe);
await new Promise<void>((resolve) => probe.close(() => resolve()));

// A relative GMB_DATA_DIR, taken from the folder the app starts in.
process.chdir(workDir);
process.env.GMB_DATA_DIR = 'till-data';
mkdirSync(path.join(workDir, 'till-data'), { recursive: true });
writeFileSync(path.join(workDir, 'till-data', 'settings.json'), JSON.stringify({ schemaVersion: 2, server: { host: '127.0.0.1', port: takenPort, path: '/GetMeBack' } }));
standIn.setAppPath(repoRoot);

if (scenario === 'another-copy-runs') {
  // The OS refuses the lock: another copy serves this data folder. This one must quit before ready, opening nothing.
  standIn.refuseSingleInstanceLock();
  await import(new URL('../main.js', import.meta.url).href);
  await new Promise((resolve) => setTimeout(resolve, 300));
  report.calls = [...standIn.record.calls];
  report.windows = standIn.windows.length;
  report.trays = standIn.trays.length;
  process.stdout.write(`STAND-IN-REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}

if (scenario === 'another-user-runs') {
  // Another Windows user's till holds the data folder (a live process: this run's parent) — Electron's per-user lock was granted.
  const lock = JSON.stringify({ pid: process.ppid, user: 'kassa2', host: hostname(), since: '2026-12-02T08:00:00.000Z' });
  writeFileSync(path.join(workDir, 'till-data', 'till.lock'), lock);
  await import(new URL('../main.js', import.meta.url).href);
  standIn.ready();
  await until('the box naming the other user', () => standIn.record.errorBoxes[0]);
  await new Promise((resolve) => setTimeout(resolve, 300));
  report.calls = [...standIn.record.calls];
  report.errorBox = standIn.record.errorBoxes[0];
  report.windows = standIn.windows.length;
  report.trays = standIn.trays.length;
  report.exitCode = standIn.record.exitCode;
  report.lockUntouched = readFileSync(path.join(workDir, 'till-data', 'till.lock'), 'utf8') === lock;
  process.stdout.write(`STAND-IN-REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}

if (scenario === 'installed-at-login') {
  // The installed app (GMB_STAND_IN_PACKAGED=1, set by the test) started by the OS at login, autostart on.
  writeFileSync(path.join(workDir, 'till-data', 'settings.json'), JSON.stringify({ schemaVersion: 2, autostart: true, server: { host: '127.0.0.1', port: freePort, path: '/GetMeBack' } }));
  process.env.XDG_CONFIG_HOME = path.join(workDir, 'config');
  process.argv.push('--hidden');
  await import(new URL('../main.js', import.meta.url).href);
  standIn.ready();
  await until('the tray to show the server running', () => standIn.trays[0]?.tooltip.includes(`:${freePort}/`));
  const entry = path.join(workDir, 'config', 'autostart', 'getmeback-till.desktop');
  report.calls = [...standIn.record.calls];
  report.autostartEntry = existsSync(entry) ? readFileSync(entry, 'utf8') : null;
  report.windows = standIn.windows.length;
  trayItems().find((item) => item.id === 'quit')?.click?.();
  await until('the app to quit', () => standIn.record.quitCompleted, 10_000);
  process.stdout.write(`STAND-IN-REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}

if (scenario === 'updates') {
  // The installed app (GMB_STAND_IN_PACKAGED=1) with an update folder in its settings.
  writeFileSync(
    path.join(workDir, 'till-data', 'settings.json'),
    JSON.stringify({ schemaVersion: 3, server: { host: '127.0.0.1', port: freePort, path: '/GetMeBack' }, updates: { url: 'https://updates.example.ru/till' } }),
  );
  await import(new URL('../main.js', import.meta.url).href);
  standIn.ready();
  await until('the tray to show the server running', () => standIn.trays[0]?.tooltip.includes(`:${freePort}/`));
  await until('the first check', () => updaterRecord.calls.includes('checkForUpdates'));
  const own = { url: `http://127.0.0.1:${freePort}/#/setup`, parent: null };
  const state = () => standIn.invoke('shell:update-state', own);
  report.atStart = { calls: [...updaterRecord.calls], feeds: [...updaterRecord.feeds], autoDownload: autoUpdater.autoDownload, autoInstallOnAppQuit: autoUpdater.autoInstallOnAppQuit, state: await state() };

  // The folder offers 0.2.0; the download breaks off on a file whose sha512 does not match.
  autoUpdater.emit('update-available', { version: '0.2.0' });
  autoUpdater.emit('download-progress', { percent: 50.5 });
  const downloading = await state();
  const noticesBefore = standIn.notifications.length;
  autoUpdater.emit('error', Object.assign(new Error('sha512 checksum mismatch, expected abc, got def'), { code: 'ERR_CHECKSUM_MISMATCH' }));
  const notice = await until('the failure notification', () => standIn.notifications[noticesBefore]);
  const events = (await (await fetch(`http://127.0.0.1:${freePort}/api/events?types=update.failed`)).json()) as { events: unknown[] };
  report.refused = {
    downloading,
    state: await state(),
    notification: { title: notice.options.title, body: notice.options.body },
    events: events.events,
    installWhenNothingReady: await standIn.invoke('shell:install-update', own),
    tooltip: standIn.trays[0]?.tooltip,
  };

  // The manager moves the update folder on the settings screen: used and checked at once.
  const checksBefore = updaterRecord.calls.filter((call) => call === 'checkForUpdates').length;
  const save = await fetch(`http://127.0.0.1:${freePort}/api/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ updates: { url: 'https://updates2.example.ru/till/' } }),
  });
  const badSave = await fetch(`http://127.0.0.1:${freePort}/api/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ updates: { url: 'http://updates.example.ru/till/' } }),
  });
  report.moved = {
    saveStatus: save.status,
    badSaveStatus: badSave.status,
    badSave: await badSave.text(),
    feeds: [...updaterRecord.feeds],
    checks: updaterRecord.calls.filter((call) => call === 'checkForUpdates').length - checksBefore,
  };

  // 0.2.1 downloads and verifies: offered in the tray and the setup screen, installed only on the manager's word.
  autoUpdater.emit('update-available', { version: '0.2.1' });
  autoUpdater.emit('update-downloaded', { version: '0.2.1', downloadedFile: 'GetMeBack-Till-Setup-0.2.1.exe' });
  await until('the tray to offer the install', () => trayItems().some((item) => item.id === 'install-update'));
  const installsBefore = updaterRecord.calls.filter((call) => call.startsWith('quitAndInstall')).length;
  report.downloaded = {
    state: await state(),
    trayItem: trayItems().find((item) => item.id === 'install-update')?.label,
    installsBefore,
  };
  trayItems().find((item) => item.id === 'install-update')?.click?.();
  report.downloaded = { ...(report.downloaded as object), afterTrayClick: updaterRecord.calls.filter((call) => call.startsWith('quitAndInstall')) };
  report.ipcInstall = await standIn.invoke('shell:install-update', own);

  trayItems().find((item) => item.id === 'quit')?.click?.();
  await until('the app to quit', () => standIn.record.quitCompleted, 10_000);
  report.atQuit = { autoInstallOnAppQuit: autoUpdater.autoInstallOnAppQuit };
  process.stdout.write(`STAND-IN-REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}

if (scenario === 'session-end' || scenario === 'system-shutdown') {
  // The installed till as it runs all day: started hidden at login (the tray only, no window), with
  // an update downloaded and waiting for the next quit. Then the computer's session ends: Windows'
  // 'session-end' (this run plays Windows: process.platform is what desktop-app.ts asks, so the app
  // wires Windows' side — the hidden window — on this machine too), or Linux's powerMonitor 'shutdown'.
  const playsWindows = scenario === 'session-end';
  if (playsWindows) {
    // SQLite's addon is this machine's: loaded before the play starts (better-sqlite3 picks its
    // prebuilt binary by process.platform at the first database, and keeps it).
    const { default: Database } = await import('better-sqlite3');
    new Database(':memory:').close();
    Object.defineProperty(process, 'platform', { value: 'win32' });
    // Electron sets it for a packed app; on Windows the app looks there for the per-machine marker.
    Object.defineProperty(process, 'resourcesPath', { value: path.join(workDir, 'resources') });
  }
  process.env.GMB_COMPILE_CACHE_DIR = 'off';
  process.env.XDG_CONFIG_HOME = path.join(workDir, 'config');
  writeFileSync(
    path.join(workDir, 'till-data', 'settings.json'),
    JSON.stringify({ schemaVersion: 3, autostart: true, server: { host: '127.0.0.1', port: freePort, path: '/GetMeBack' }, updates: { url: 'https://updates.example.ru/till' } }),
  );
  process.argv.push('--hidden');
  // The running parts, as the e2e entry reads them (shell-started.ts): whether the database is open.
  const { onShellStarted } = await import('../shell-started.js');
  const seen: { database: { open: boolean } | null } = { database: null };
  onShellStarted((parts) => {
    seen.database = parts.core.db;
  });
  await import(new URL('../main.js', import.meta.url).href);
  standIn.ready();
  const origin = `http://127.0.0.1:${freePort}`;
  await until('the tray to show the server running', () => standIn.trays[0]?.tooltip.includes(`:${freePort}/`));
  autoUpdater.emit('update-downloaded', { version: '0.2.1', downloadedFile: 'GetMeBack-Till-Setup-0.2.1.exe' });
  // A waiter checks a guest in just before: what the close must leave in till.db itself, not in its WAL.
  const orderId = randomUUID();
  const checkIn = await fetch(`${origin}/GetMeBack/orders/${orderId}/checkin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' }),
  });
  report.beforeEnd = {
    checkInStatus: checkIn.status,
    windows: standIn.windows.length,
    hiddenWindows: standIn.baseWindows.map((window) => ({ options: window.options, listensForSessionEnd: window.listenerCount('session-end') })),
    autoInstallOnAppQuit: autoUpdater.autoInstallOnAppQuit,
    databaseOpen: seen.database?.open ?? null,
    walBytes: statSync(path.join(workDir, 'till-data', 'till.db-wal')).size,
  };

  const endedAt = Date.now();
  const receiver = standIn.baseWindows[0];
  let askedToWait: boolean | null = null;
  if (playsWindows) {
    if (!receiver) throw new Error('stand-in run: the app made no window to hear the end of the session');
    standIn.sessionEnds(receiver, ['shutdown']);
  } else askedToWait = standIn.systemShutdown();
  // Read in the same turn as the event: Windows may end the process as soon as the handler returned.
  const databaseOpenAfterHandler = seen.database?.open ?? null;
  // Electron's 'before-quit' may still come while the till closes (here: at once): it must wait for
  // that close, not start its own.
  app.quit();
  const beforeQuitHeld = !standIn.record.quitCompleted;
  // A second 'session-end' (Windows tells every top-level window), or 'shutdown', changes nothing.
  if (playsWindows && receiver) standIn.sessionEnds(receiver, ['shutdown']);
  else standIn.systemShutdown();
  await until('the app to quit', () => standIn.record.quitCompleted, 10_000);
  report.end = {
    askedToWait,
    databaseOpenAfterHandler,
    beforeQuitHeld,
    quitMs: Date.now() - endedAt,
    healthAfter: await answers(`${origin}/GetMeBack/health`),
    trayDestroyed: standIn.trays[0]?.destroyed,
    lockAfterQuit: existsSync(path.join(workDir, 'till-data', 'till.lock')),
    autoInstallOnAppQuit: autoUpdater.autoInstallOnAppQuit,
    installs: updaterRecord.calls.filter((call) => call.startsWith('quitAndInstall')),
    errorBoxes: standIn.record.errorBoxes,
  };
  report.calls = [...standIn.record.calls];
  report.orderId = orderId;
  report.dataDir = path.join(workDir, 'till-data');
  process.stdout.write(`STAND-IN-REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}

await import(new URL('../main.js', import.meta.url).href);
report.callsBeforeReady = [...standIn.record.calls];
const lockFile = path.join(workDir, 'till-data', 'till.lock');
report.lockBeforeReady = existsSync(lockFile) ? (JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number }).pid === process.pid : false;
standIn.ready();

// ---- the port is taken: a window still opens, on the loopback fallback, with the settings and a box saying why
const first = await until('the dashboard window', () => standIn.windows[0]?.webContents.loads[0] && standIn.windows[0]);
await until('the port-taken box', () => standIn.record.messageBoxes[0]);
report.dataDirSet = standIn.record.calls.includes('app.setPath userData');
report.portTaken = {
  takenPort,
  box: standIn.record.messageBoxes[0],
  windowUrl: first.webContents.url,
  windowLoad: first.webContents.loads[0],
  trayItems: trayItems().map(({ id, enabled }) => ({ id, enabled })),
  notifications: standIn.notifications.map((n) => n.options.title),
};
const fallbackOrigin = originOf(first.webContents.url);

// ---- the manager saves a free port on that screen: the server moves there and the window follows
const save = await fetch(`${fallbackOrigin}/api/settings`, {
  method: 'PUT',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ server: { port: freePort } }),
});
const origin = `http://127.0.0.1:${freePort}`;
await until('the window to follow the server', () => first.webContents.url.startsWith(origin));
await until('the page on the new port', () => first.webContents.loads.at(-1)?.url.startsWith(origin));
report.portFixed = {
  saveStatus: save.status,
  freePort,
  windowUrl: first.webContents.url,
  windowLoad: first.webContents.loads.at(-1),
  health: await answers(`${origin}/GetMeBack/health`),
  fallbackAfter: await answers(`${fallbackOrigin}/`),
  trayItems: trayItems().map(({ id, enabled }) => ({ id, enabled })),
};

// ---- the window's web preferences and the tray
const preload = first.options.webPreferences?.preload ?? '';
report.window = { webPreferences: first.options.webPreferences, preloadExists: existsSync(preload), show: first.options.show };
report.tray = {
  icon: standIn.trays[0]?.image.path,
  iconExists: existsSync(standIn.trays[0]?.image.path ?? ''),
  tooltip: standIn.trays[0]?.tooltip,
  items: trayItems().map(({ id, label, enabled }) => ({ id, label, enabled })),
};
// The tray's "copy the Server Address" puts the LAN address on the clipboard.
trayItems().find((item) => item.id === 'copy-address')?.click?.();
await until('the clipboard', () => standIn.record.clipboard !== '');
report.trayCopied = standIn.record.clipboard;

// ---- a waiter checks a guest in: a notification; its click opens the screen it is about
first.webContents.url = `${origin}/#/cash`; // the cashier was on another screen
const before = standIn.notifications.length;
const checkIn = await fetch(`${origin}/GetMeBack/orders/${randomUUID()}/checkin`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' }),
});
const notice = await until('the check-in notification', () => standIn.notifications[before]);
const loadsBeforeClick = first.webContents.loads.length;
first.hide();
notice.emit('click');
await until('the notification’s screen', () => first.webContents.loads.length > loadsBeforeClick);
report.checkIn = {
  status: checkIn.status,
  title: notice.options.title,
  body: notice.options.body,
  shown: notice.shown,
  windowUrlAfterClick: first.webContents.url,
  visibleAfterClick: first.visible,
};

// ---- the IPC bridge: the app's own page is answered, a foreign or framed page refused
const own = { url: `${origin}/#/setup`, parent: null };
const outcome = async (channel: string, frame: { url: string; parent: unknown } | null, ...args: unknown[]) => {
  try {
    return { answer: await standIn.invoke(channel, frame as never, ...args) };
  } catch (error) {
    return { refused: error instanceof Error ? error.message : String(error) };
  }
};
standIn.record.clipboard = '';
report.ipc = {
  channels: standIn.channels(),
  ownVersion: await outcome('shell:app-version', own),
  ownCopy: await outcome('shell:copy-text', own, 'http://192.168.1.10:3000/GetMeBack'),
  clipboardAfterOwnCopy: standIn.record.clipboard,
  foreign: await outcome('shell:copy-text', { url: 'https://evil.example/', parent: null }, 'stolen'),
  framed: await outcome('shell:app-version', { url: `${origin}/`, parent: own }),
  noFrame: await outcome('shell:app-version', null),
  badArgument: await outcome('shell:copy-text', own, 42),
  clipboardAfterRefusals: standIn.record.clipboard,
};

// ---- navigation, new windows, webviews and permissions
const contents = first.webContents;
report.navigation = {
  sameOrigin: standIn.navigate(contents, `${origin}/#/orders`),
  foreignPage: standIn.navigate(contents, 'https://evil.example/'),
  fileUrl: standIn.navigate(contents, 'file:///etc/passwd'),
  redirect: standIn.navigate(contents, 'https://evil.example/', 'will-redirect'),
  newWindow: standIn.openWindow(contents, 'https://getmeback.ru/'),
  newWindowFile: standIn.openWindow(contents, 'file:///etc/passwd'),
  openedExternally: [...standIn.record.openedExternally],
  webview: standIn.attachWebview(contents),
  permissionMedia: await standIn.requestPermission(contents, 'media'),
  permissionClipboard: await standIn.requestPermission(contents, 'clipboard-read'),
  permissionCheck: standIn.checkPermission('media'),
};

// ---- a second launch and a tray click bring the window forward without reloading it
const reShown = (window: Window) => ({ loads: window.webContents.loads.length, shows: window.shows.length });
first.hide();
const beforeSecond = reShown(first);
standIn.secondInstance(['GetMeBack Till']);
const afterSecond = { visible: first.visible, steps: first.shows.slice(beforeSecond.shows), loads: first.webContents.loads.length - beforeSecond.loads };
first.hide();
const beforeClick = reShown(first);
standIn.trays[0]?.emit('click');
const afterTrayClick = { visible: first.visible, steps: first.shows.slice(beforeClick.shows), loads: first.webContents.loads.length - beforeClick.loads };
// Windows launches the app again for a click on an old notification: the screen comes on its command line.
first.hide();
const loadsBeforeToast = first.webContents.loads.length;
standIn.secondInstance(['GetMeBack Till.exe', '-ToastActivated', 'gmb-route=#/cash']);
await until('the notification’s screen from a second launch', () => first.webContents.loads.length > loadsBeforeToast);
const afterToastLaunch = { url: first.webContents.url, visible: first.visible };
first.userCloses();
report.showing = { afterSecond, afterTrayClick, afterToastLaunch, closeHides: !first.visible && !first.isDestroyed(), windows: standIn.windows.length };

// ---- quit from the tray: the server closes, the tray goes, the app quits
const quitAt = Date.now();
trayItems().find((item) => item.id === 'quit')?.click?.();
await until('the app to quit', () => standIn.record.quitCompleted, 10_000);
report.quit = {
  ms: Date.now() - quitAt,
  healthAfter: await answers(`${origin}/GetMeBack/health`),
  trayDestroyed: standIn.trays[0]?.destroyed,
  errorBoxes: standIn.record.errorBoxes,
  exitCode: standIn.record.exitCode,
};
report.lockAfterQuit = existsSync(lockFile);
report.updates = { calls: [...updaterRecord.calls], state: await standIn.invoke('shell:update-state', own) };
report.totalMs = Date.now() - started;

blocker.close();
process.stdout.write(`STAND-IN-REPORT ${JSON.stringify(report)}\n`);
process.exit(0);
