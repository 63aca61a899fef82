import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostBundleOptions, hostEntryOptions } from '../../../scripts/bundle-host.js';
import { formatDateTime } from '../../../shared/i18n/numbers.js';
import { VERIFIED_CLOSE_FILE } from '../../core/ledger/verified-close.js';
import { TOAST_ACTIVATOR_CLSID } from '../app-identity.js';
import { QUIT_DEADLINE_MS } from '../quit-deadline.js';
import { SESSION_END_WINDOW } from '../session-end.js';

/**
 * The desktop shell's wiring, where Electron cannot run: the main process is COMPILED by tsc and
 * BUNDLED by esbuild (as `npm run build` does, into node_modules/.cache/gmb-stand-in) and run in plain Node, with every
 * `import 'electron'` resolved to the stand-in (electron-stand-in.ts, typed by electron.d.ts).
 * run-main.ts plays the launch and prints what it saw; this file judges it. It proves the wiring of
 * desktop-app.ts to the pure modules, not Electron itself: see docs/desktop-app.md for what still needs a
 * machine with Electron's binary.
 */

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const buildDir = path.join(root, 'node_modules/.cache/gmb-stand-in');
const runner = path.join(buildDir, 'main/electron/stand-in/run-main.js');
const work: string[] = [];

interface MenuItem {
  id: string;
  label?: string;
  enabled: boolean;
}
/** The JSON run-main.ts prints: facts, judged below. */
interface FirstLaunch {
  callsBeforeReady: string[];
  dataDirSet: boolean;
  portTaken: {
    takenPort: number;
    box: { type: string; message: string; detail: string };
    windowUrl: string;
    windowLoad: { url: string; status: number | string };
    trayItems: MenuItem[];
    notifications: string[];
  };
  portFixed: { saveStatus: number; freePort: number; windowUrl: string; windowLoad: { url: string; status: number | string }; health: number | string; fallbackAfter: number | string; trayItems: MenuItem[] };
  window: { webPreferences: Record<string, unknown>; preloadExists: boolean; show: boolean };
  tray: { icon: string; iconExists: boolean; tooltip: string; items: MenuItem[] };
  trayCopied: string;
  checkIn: { status: number; title: string; body: string; shown: boolean; windowUrlAfterClick: string; visibleAfterClick: boolean };
  ipc: Record<string, unknown> & { channels: string[] };
  navigation: Record<string, unknown> & { openedExternally: string[] };
  showing: {
    afterSecond: { visible: boolean; steps: string[]; loads: number };
    afterTrayClick: { visible: boolean; steps: string[]; loads: number };
    afterToastLaunch: { url: string; visible: boolean };
    closeHides: boolean;
    windows: number;
  };
  quit: { ms: number; healthAfter: number | string; trayDestroyed: boolean; errorBoxes: unknown[]; exitCode: number | null };
  updates: { calls: string[]; state: unknown };
  lockBeforeReady: boolean;
  lockAfterQuit: boolean;
}

interface UpdatesRun {
  atStart: { calls: string[]; feeds: unknown[]; autoDownload: boolean; autoInstallOnAppQuit: boolean; state: unknown };
  refused: {
    downloading: unknown;
    state: unknown;
    notification: { title: string; body: string };
    events: { type: string; data: unknown }[];
    installWhenNothingReady: boolean;
    tooltip: string;
  };
  moved: { saveStatus: number; badSaveStatus: number; badSave: string; feeds: unknown[]; checks: number };
  downloaded: { state: unknown; trayItem: string; installsBefore: number; afterTrayClick: string[] };
  ipcInstall: boolean;
  atQuit: { autoInstallOnAppQuit: boolean };
}

/** The computer's session ending under the tray-only till (run-main.ts, 'session-end' and 'system-shutdown'). */
interface SessionEndRun {
  beforeEnd: {
    checkInStatus: number;
    windows: number;
    hiddenWindows: { options: Record<string, unknown>; listensForSessionEnd: number }[];
    autoInstallOnAppQuit: boolean;
    databaseOpen: boolean | null;
    walBytes: number;
  };
  end: {
    askedToWait: boolean | null;
    databaseOpenAfterHandler: boolean | null;
    beforeQuitHeld: boolean;
    quitMs: number;
    healthAfter: number | string;
    trayDestroyed: boolean;
    lockAfterQuit: boolean;
    autoInstallOnAppQuit: boolean;
    installs: string[];
    errorBoxes: unknown[];
  };
  calls: string[];
  orderId: string;
  dataDir: string;
}

type Scenario = 'first-launch' | 'another-copy-runs' | 'another-user-runs' | 'installed-at-login' | 'updates' | 'session-end' | 'system-shutdown';

async function runMain<T>(scenario: Scenario): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gmb-stand-in-'));
  work.push(dir);
  const packaged = scenario === 'installed-at-login' || scenario === 'updates' || scenario === 'session-end' || scenario === 'system-shutdown';
  const env = { ...process.env, GMB_STAND_IN_PACKAGED: packaged ? '1' : '0' };
  const { stdout } = await run(process.execPath, [runner, root, dir, scenario], { timeout: 60_000, maxBuffer: 4 * 1024 * 1024, env });
  const line = stdout.split('\n').find((text) => text.startsWith('STAND-IN-REPORT '));
  if (!line) throw new Error(`the stand-in run printed no report:\n${stdout}`);
  return JSON.parse(line.slice('STAND-IN-REPORT '.length)) as T;
}

let first: FirstLaunch;

beforeAll(async () => {
  // The same compiler and options as `npm run build` (tsconfig.build.json), plus the stand-in.
  await run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'main/electron/stand-in/tsconfig.json')], { cwd: root, timeout: 150_000 });
  // Then, as `npm run build` does, the app's entry (main.js) and its bundle (desktop-app.cjs) over tsc's: the run plays the bundled app.
  await build({ ...hostBundleOptions(), outdir: buildDir });
  await build({ ...hostEntryOptions(), outdir: buildDir });
  // create-core reads the app's version from package.json beside the build, as it does beside dist/.
  copyFileSync(path.join(root, 'package.json'), path.join(buildDir, 'package.json'));
  first = await runMain<FirstLaunch>('first-launch');
}, 240_000);

afterAll(() => {
  for (const dir of work) rmSync(dir, { recursive: true, force: true });
});

describe('the compiled main process against the Electron stand-in', () => {
  it('takes the single-instance lock before ready, with the data folder set (a relative GMB_DATA_DIR made absolute)', () => {
    expect(first.callsBeforeReady).toContain('app.requestSingleInstanceLock');
    expect(first.callsBeforeReady.indexOf('app.setPath userData')).toBeLessThan(first.callsBeforeReady.indexOf('app.requestSingleInstanceLock'));
    expect(first.callsBeforeReady).not.toContain('ready');
    expect(first.dataDirSet).toBe(true);
  });

  it('with its port taken, opens the settings on a loopback fallback, says why in a box, and keeps the tray usable', () => {
    const taken = first.portTaken;
    expect(taken.box).toMatchObject({ type: 'warning', message: `Порт ${taken.takenPort} занят другой программой` });
    expect(taken.windowUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/settings$/);
    expect(taken.windowUrl).not.toContain(`:${taken.takenPort}/`);
    expect(taken.windowLoad.status).toBe(200);
    expect(taken.trayItems.find((item) => item.id === 'open-settings')?.enabled).toBe(true);
    expect(taken.trayItems.find((item) => item.id === 'copy-address')?.enabled).toBe(false);
    expect(taken.notifications).toEqual(['Сервер для iikoWaiter не запустился']);
  });

  it('when the manager saves a free port there, the server listens on it, the window follows on the same screen, the fallback closes', () => {
    const fixed = first.portFixed;
    expect(fixed.saveStatus).toBe(200);
    expect(fixed.windowUrl).toBe(`http://127.0.0.1:${fixed.freePort}/#/settings`);
    expect(fixed.windowLoad.status).toBe(200);
    expect(fixed.health).toBe(200);
    expect(fixed.fallbackAfter).toBe('fetch failed');
    expect(fixed.trayItems.find((item) => item.id === 'copy-address')?.enabled).toBe(true);
  });

  it('opens the dashboard window hidden until painted, with secure web preferences and the built preload', () => {
    expect(first.window.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(first.window.webPreferences.preload).toMatch(/preload\.cjs$/);
    expect(first.window.preloadExists).toBe(true);
    expect(first.window.show).toBe(false);
  });

  it('draws the tray from the PNGs, with the Server Address, and a menu whose last item quits', () => {
    expect(first.tray.iconExists).toBe(true);
    expect(path.basename(first.tray.icon)).toBe('running.png');
    expect(first.tray.tooltip).toContain(`http://127.0.0.1:${first.portFixed.freePort}/GetMeBack`);
    expect(first.tray.items.map((item) => item.id)).toEqual(['status', 'open-dashboard', 'open-settings', 'copy-address', 'toggle-server', 'pause-notifications', 'quit']);
    expect(first.tray.items.at(-1)).toEqual({ id: 'quit', label: 'Выйти', enabled: true });
    expect(first.trayCopied).toBe(`http://127.0.0.1:${first.portFixed.freePort}/GetMeBack`);
  });

  it('turns a waiter’s check-in into a notification whose click brings the window forward on the feed', () => {
    expect(first.checkIn.status).toBe(204);
    expect(first.checkIn.title).toBe('Чекин гостя');
    expect(first.checkIn.body).toContain('Иванов Иван Иванович');
    expect(first.checkIn.shown).toBe(true);
    expect(first.checkIn.windowUrlAfterClick).toBe(`http://127.0.0.1:${first.portFixed.freePort}/#/feed`);
    expect(first.checkIn.visibleAfterClick).toBe(true);
  });

  it('answers the bridge from the app’s own page and refuses a foreign page, a subframe, no frame and a bad argument', () => {
    const ipc = first.ipc;
    expect(ipc.channels).toHaveLength(9);
    expect(ipc.ownVersion).toEqual({ answer: '0.1.0' });
    expect(ipc.ownCopy).toEqual({});
    expect(ipc.clipboardAfterOwnCopy).toBe('http://192.168.1.10:3000/GetMeBack');
    for (const call of ['foreign', 'framed', 'noFrame', 'badArgument']) expect(ipc[call], call).toEqual({ refused: 'refused' });
    expect(ipc.clipboardAfterRefusals).toBe('http://192.168.1.10:3000/GetMeBack');
  });

  it('refuses navigation away, new windows, webviews and every permission; web links go to the system browser', () => {
    expect(first.navigation).toMatchObject({
      sameOrigin: true,
      foreignPage: false,
      fileUrl: false,
      redirect: false,
      newWindow: 'deny',
      newWindowFile: 'deny',
      webview: false,
      permissionMedia: false,
      permissionClipboard: false,
      permissionCheck: false,
    });
    expect(first.navigation.openedExternally).toEqual(['https://evil.example/', 'https://evil.example/', 'https://getmeback.ru/']);
  });

  it('brings the window forward on a second launch and a tray click without reloading it — on a notification’s screen when the launch names one; closing only hides it', () => {
    expect(first.showing.afterSecond).toEqual({ visible: true, steps: ['show', 'focus'], loads: 0 });
    expect(first.showing.afterTrayClick).toEqual({ visible: true, steps: ['show', 'focus'], loads: 0 });
    expect(first.showing.afterToastLaunch).toEqual({ url: `http://127.0.0.1:${first.portFixed.freePort}/#/cash`, visible: true });
    expect(first.showing.closeHides).toBe(true);
    expect(first.showing.windows).toBe(1);
  });

  it('quits from the tray within the deadline: the server closes and the tray icon goes', () => {
    expect(first.quit.healthAfter).toBe('fetch failed');
    expect(first.quit.trayDestroyed).toBe(true);
    expect(first.quit.ms).toBeLessThan(4_000);
    expect(first.quit.errorBoxes).toEqual([]);
  });

  it('a second copy that does not get the lock quits before ready, opening no window and no tray', async () => {
    const second = await runMain<{ calls: string[]; windows: number; trays: number }>('another-copy-runs');
    expect(second.calls).toEqual(['app.setAppUserModelId ru.getmeback.till', 'app.setPath userData', 'app.requestSingleInstanceLock', 'app.quit']);
    expect(second.windows).toBe(0);
    expect(second.trays).toBe(0);
  }, 60_000);

  it('holds the data folder’s lock (across Windows users) from before ready until it has quit', () => {
    expect(first.lockBeforeReady).toBe(true);
    expect(first.lockAfterQuit).toBe(false);
  });

  it('when another Windows user’s till holds the data folder, says who in a box and exits, opening nothing', async () => {
    const run = await runMain<{ calls: string[]; errorBox: { title: string; content: string }; windows: number; trays: number; exitCode: number | null; lockUntouched: boolean }>(
      'another-user-runs',
    );
    expect(run.calls).toContain('app.requestSingleInstanceLock');
    // The stored UTC moment in this machine's time and the language's format (data-folder-lock.ts).
    expect(run.errorBox.content).toContain(`GetMeBack Till уже работает на этом компьютере: его запустил пользователь «kassa2» (${formatDateTime(new Date('2026-12-02T08:00:00.000Z'), 'ru')}).`);
    expect(run.windows).toBe(0);
    expect(run.trays).toBe(0);
    expect(run.exitCode).toBe(1);
    expect(run.lockUntouched).toBe(true);
  }, 60_000);

  it('installed and started at login with autostart on: tray only, no menu (no Reload, no DevTools), the autostart entry put right', async () => {
    const installed = await runMain<{ calls: string[]; autostartEntry: string | null; windows: number }>('installed-at-login');
    expect(installed.calls).toContain('Menu.setApplicationMenu null');
    expect(installed.windows).toBe(0);
    if (process.platform === 'linux') {
      expect(installed.autostartEntry).toContain('[Desktop Entry]');
      expect(installed.autostartEntry).toContain(' --hidden');
    }
  }, 60_000);

  it('run from the repository (not installed), never looks for updates and says so', () => {
    expect(first.updates.calls).toEqual([]);
    expect(first.updates.state).toEqual({ kind: 'off', reason: 'not-installed' });
  });

  it('installed with an update folder: checks at start, refuses a tampered download, follows a new folder, installs only on the manager’s word', async () => {
    const run = await runMain<UpdatesRun>('updates');
    expect(run.atStart.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.ru/till/' }]);
    expect(run.atStart.calls).toEqual(['setFeedURL', 'checkForUpdates']);
    expect(run.atStart).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, state: { kind: 'checking' } });

    expect(run.refused.downloading).toEqual({ kind: 'downloading', version: '0.2.0', percent: 50 });
    expect(run.refused.state).toMatchObject({ kind: 'failed', stage: 'verify', version: '0.2.0' });
    expect(run.refused.notification).toEqual({ title: 'Обновление не установлено', body: 'Загруженное обновление отклонено: контрольная сумма или подпись не совпали' });
    expect(run.refused.events).toHaveLength(1);
    expect(run.refused.events[0]).toMatchObject({ type: 'update.failed', data: { stage: 'verify', version: '0.2.0', message: expect.stringContaining('sha512') } });
    expect(run.refused.installWhenNothingReady).toBe(false);
    expect(run.refused.tooltip).toContain('обновление не установлено');

    expect(run.moved.saveStatus).toBe(200);
    expect(run.moved.feeds.at(-1)).toEqual({ provider: 'generic', url: 'https://updates2.example.ru/till/' });
    expect(run.moved.checks).toBe(1);
    expect(run.moved.badSaveStatus).toBe(400);
    expect(run.moved.badSave).toContain('updates.url');

    expect(run.downloaded.state).toEqual({ kind: 'downloaded', version: '0.2.1' });
    expect(run.downloaded.trayItem).toBe('Установить обновление 0.2.1 (перезапуск)');
    expect(run.downloaded.installsBefore).toBe(0);
    expect(run.downloaded.afterTrayClick).toEqual(['quitAndInstall true true']);
    expect(run.ipcInstall).toBe(true);
    expect(run.atQuit.autoInstallOnAppQuit).toBe(true);
  }, 60_000);

  /** What the till left behind once the run had ended: its database, read afresh, and its log. */
  function leftBehind(run: SessionEndRun) {
    const file = path.join(run.dataDir, 'till.db');
    const db = new Database(file, { readonly: true });
    try {
      const lines = readFileSync(path.join(run.dataDir, 'logs', 'till.log'), 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as { msg: string; reason?: string; ending?: string; reasons?: string[]; walMerged?: boolean; closed?: boolean });
      return {
        walLeft: existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0,
        integrity: db.pragma('integrity_check', { simple: true }),
        checkedInOrder: db.prepare('SELECT COUNT(*) AS n FROM orders WHERE id = ?').get(run.orderId),
        verifiedCloseNote: existsSync(path.join(run.dataDir, VERIFIED_CLOSE_FILE)),
        sessionEnding: lines.filter((line) => line.msg.startsWith('the computer’s session is ending')),
        closedAtOnce: lines.filter((line) => line.msg.startsWith('the session is ending: the database closed at once')),
        shutdownBackups: lines.filter((line) => line.msg === 'backup written' && line.reason === 'shutdown').length,
        failures: lines.filter((line) => ['backup failed', 'the till did not stop cleanly'].includes(line.msg) || line.msg.startsWith('at the end of the session')).map((line) => line.msg),
      };
    } finally {
      db.close();
    }
  }

  function expectClosedOnceAtOnce(run: SessionEndRun, ending: 'session-end' | 'system-shutdown'): void {
    // The tray-only till: no window of the dashboard's; its update waiting for the next quit.
    expect(run.beforeEnd).toMatchObject({ checkInStatus: 204, windows: 0, autoInstallOnAppQuit: true, databaseOpen: true });
    // The check-in's pages were in the WAL when the session ended; after it, in till.db (below).
    expect(run.beforeEnd.walBytes).toBeGreaterThan(0);
    // Closed before the handler returned; the quit Electron asked for meanwhile waited for that close.
    expect(run.end).toMatchObject({ databaseOpenAfterHandler: false, beforeQuitHeld: true, healthAfter: 'fetch failed', trayDestroyed: true, lockAfterQuit: false, errorBoxes: [] });
    expect(run.end.quitMs).toBeLessThan(QUIT_DEADLINE_MS);
    // No installer started while the computer shuts down; the update waits for the next quit.
    expect(run.end).toMatchObject({ autoInstallOnAppQuit: false, installs: [] });
    const left = leftBehind(run);
    expect(left).toMatchObject({ walLeft: false, integrity: 'ok', checkedInOrder: { n: 1 }, shutdownBackups: 0, failures: [] });
    // Closed exactly once, the quick way (a second event and the quit after it closed nothing again).
    expect(left.sessionEnding).toHaveLength(1);
    expect(left.closedAtOnce).toHaveLength(1);
    expect(left.closedAtOnce[0]).toMatchObject({ walMerged: true, closed: true });
    expect(left.sessionEnding[0]).toMatchObject({ ending });
    // No shutdown backup, hence no note of a verified close: the next start checks the whole file.
    expect(left.verifiedCloseNote).toBe(false);
  }

  it('Windows ending the session (played on this machine): the tray-only till’s hidden window hears it and the database is closed at once, once', async () => {
    const run = await runMain<SessionEndRun>('session-end');
    expect(run.beforeEnd.hiddenWindows).toEqual([{ options: SESSION_END_WINDOW, listensForSessionEnd: 1 }]);
    // The run played Windows: the app took Windows' side from the start.
    expect(run.calls).toContain(`app.setToastActivatorCLSID ${TOAST_ACTIVATOR_CLSID}`);
    expect(run.calls).not.toContain('powerMonitor.on shutdown');
    expect(run.end.askedToWait).toBeNull();
    expectClosedOnceAtOnce(run, 'session-end');
    expect(leftBehind(run).sessionEnding[0]).toMatchObject({ ending: 'session-end', reasons: ['shutdown'] });
  }, 60_000);

  it('Linux shutting down (powerMonitor): the till asks logind to wait, closes its database at once, once, and quits', async () => {
    const run = await runMain<SessionEndRun>('system-shutdown');
    expect(run.beforeEnd.hiddenWindows).toEqual([]);
    expect(run.calls).toContain('powerMonitor.on shutdown');
    expect(run.end.askedToWait).toBe(true);
    expectClosedOnceAtOnce(run, 'system-shutdown');
  }, 60_000);

  it('is never packed: the app’s build leaves the stand-in out', () => {
    const build = JSON.parse(readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8')) as { exclude: string[] };
    expect(build.exclude).toContain('main/electron/stand-in');
    expect(existsSync(path.join(root, 'dist/main/electron/stand-in'))).toBe(false);
  });
});
