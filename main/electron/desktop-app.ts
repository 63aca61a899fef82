import { app, BaseWindow, clipboard, dialog, Menu, Notification, powerMonitor, safeStorage } from 'electron';
import electronUpdater from 'electron-updater';
import { existsSync, mkdirSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flushCompileCacheSoon } from '../compile-cache.js';
import { createCore } from '../core/create-core.js';
import { logDirOf } from '../core/data-dir.js';
import { waiterDebt } from '../core/ledger/waiter-debts.js';
import { createLogger, logWritten, type Logger } from '../core/logger.js';
import { createApp } from '../core/server/create-app.js';
import { APP_ID, TOAST_ACTIVATOR_CLSID } from './app-identity.js';
import { appMenu } from './app-menu.js';
import { applyAutostart } from './autostart-binding.js';
import { CashierNotifier } from './cashier-notifier.js';
import { electronSettingsStore } from './electron-settings-store.js';
import { acquireDataFolderLock, lockHeldMessage } from './data-folder-lock.js';
import { electronUserData, launchDataFolder, startsHidden } from './launch-plan.js';
import { PER_MACHINE_MARKER } from './machine-data-folder.js';
import { moveTillToMachineFolder } from './move-till-folder.js';
import { notificationFor, notificationForServer, type CashierNotification } from './notification-policy.js';
import { portTakenDialog } from './port-taken-dialog.js';
import { QUIT_DEADLINE_MS, withinDeadline } from './quit-deadline.js';
import { enforceWindowSecurity } from './security.js';
import { serverAddressFor } from './server-address.js';
import { SESSION_END_WINDOW, sessionEndSources, TillEnding, type Preventable } from './session-end.js';
import { safeStorageKeyWrapper } from './safe-storage-key.js';
import { ServerControl } from './server-control.js';
import { shellStarted } from './shell-started.js';
import { ShellWindows } from './shell-windows.js';
import { registerShellIpc } from './shell-ipc.js';
import { TillTray } from './till-tray.js';
import { outsideAsar, routeFromActivation } from './toast-activation.js';
import { TillUpdater } from './till-updater.js';
import { trayModel, type TrayItemId } from './tray-model.js';
import { windowOrigin } from './window-routing.js';

/**
 * The desktop app: the same core as `npm run server`, with a tray icon, notifications and the
 * dashboard in a window. Every decision is made by a pure module beside this one; this file binds
 * them to Electron.
 */

/** A settings save answers its HTTP request first; only then may the listener it changed be closed. */
const LISTENER_RESTART_DELAY_MS = 1_000;
const LISTENER_KEYS = new Set(['server.host', 'server.port']);

const preload = fileURLToPath(new URL('./preload.cjs', import.meta.url));
const assetsDir = path.join(app.getAppPath(), 'assets');
// Outside app.asar: Windows reads a toast's image from the disk itself (toast-activation.ts).
const appIcon = outsideAsar(path.join(assetsDir, 'icon.png'));

// Windows: the toast activator first, then the AppUserModelId (Electron writes both where Windows
// looks for them), before any notification — so a click in the Action Center reaches a restarted app.
if (process.platform === 'win32') app.setToastActivatorCLSID(TOAST_ACTIVATOR_CLSID);
app.setAppUserModelId(APP_ID);
const perUserFolder = app.getPath('userData');
const { dataDir, perMachine } = launchDataFolder(
  {
    platform: process.platform,
    isPackaged: app.isPackaged,
    execPath: process.execPath,
    env: process.env,
    // Asked only for a packed Windows app, where Electron sets process.resourcesPath.
    markerPresent: () => existsSync(path.join(process.resourcesPath, PER_MACHINE_MARKER)),
  },
  perUserFolder,
  process.cwd(),
);
// The single-instance lock lives in userData: a till started on another data folder is another till
// (the per-machine folder excepted: launch-plan.ts, electronUserData).
app.setPath('userData', electronUserData({ dataDir, perMachine }, perUserFolder));

if (!app.requestSingleInstanceLock()) {
  // Another copy already serves port 3000 from this folder; the OS lets it know to show itself.
  app.quit();
} else {
  // Electron's lock is per Windows user: the data folder's own lock keeps a second user's till out.
  mkdirSync(dataDir, { recursive: true });
  const folderLock = acquireDataFolderLock(dataDir, { pid: process.pid, user: userInfo().username, host: hostname(), since: new Date().toISOString() });
  if (folderLock.kind === 'held') {
    void app.whenReady().then(() => {
      const box = lockHeldMessage(folderLock.holder, dataDir);
      dialog.showErrorBox(box.title, box.content);
      app.exit(1);
    });
  } else {
    app
      .whenReady()
      .then(() => startTill(folderLock.release))
      .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
        folderLock.release();
        dialog.showErrorBox('GetMeBack Till', `GetMeBack Till не запустился / GetMeBack Till could not start:\n${message}\n\n${dataDir}`);
        app.exit(1);
      });
  }
}

async function startTill(releaseFolder: () => void): Promise<void> {
  const menu = appMenu({ isPackaged: app.isPackaged, platform: process.platform });
  if (menu.kind !== 'keep-default') Menu.setApplicationMenu(menu.kind === 'none' ? null : Menu.buildFromTemplate(menu.template));
  const logger = createLogger({ logDir: logDirOf(dataDir) });
  const userKey = safeStorageKeyWrapper(safeStorage, process.platform);
  // The machine folder is every Windows user's: its key cannot be wrapped with one user's DPAPI.
  const keyWrapper = perMachine ? undefined : userKey;
  if (perMachine) {
    // Before the database opens: this user's per-user till, if any, becomes the machine's (once).
    const moved = moveTillToMachineFolder(perUserFolder, dataDir, userKey);
    if (moved.kind !== 'none') logger.warn({ moved, from: perUserFolder, to: dataDir }, 'per-user data folder and the machine folder');
    if (moved.kind === 'conflict') {
      void dialog.showMessageBox({
        type: 'warning',
        title: 'GetMeBack Till',
        message: 'GetMeBack Till работает с общей папкой данных компьютера / GetMeBack Till uses the computer’s shared data folder',
        detail: `${dataDir}\n\nВ папке этого пользователя тоже есть база GetMeBack Till; она не перенесена и оставлена как была / This user’s own folder also holds a database; it was left as it was:\n${perUserFolder}`,
        buttons: ['OK'],
      });
    }
  }
  const core = createCore({ dataDir, settingsStore: electronSettingsStore(dataDir), logger, ...(keyWrapper ? { keyWrapper } : {}) });
  const server = new ServerControl(core, createApp(core));
  const settings = () => core.settings.get();
  let origin: string | null = null;
  let notificationsPaused = false;
  let quitting = false;

  enforceWindowSecurity(() => origin, logger);
  const windows = new ShellWindows({ preload, icon: appIcon, origin: () => origin, language: () => settings().language, quitting: () => quitting });
  const notifier = new CashierNotifier(appIcon, process.platform);
  const openNotice = (notice: CashierNotification) => windows.showDashboard(notice.route);

  const serverAddress = (): string | null => {
    const state = server.state;
    return state.kind === 'running' ? serverAddressFor(state, settings().server.path) : null;
  };

  const onTrayItem = (id: TrayItemId): void => {
    switch (id) {
      case 'open-dashboard':
        return windows.showDashboard();
      case 'open-settings':
        return windows.showSettings();
      case 'copy-address': {
        const address = serverAddress();
        if (address) void clipboard.writeText(address).catch((error: unknown) => logger.warn({ err: error }, 'the Server Address could not be copied'));
        return;
      }
      case 'toggle-server':
        void (server.state.kind === 'running' ? server.stop() : server.start());
        return;
      case 'pause-notifications':
        notificationsPaused = !notificationsPaused;
        return refreshTray();
      case 'install-update':
        updates.installNow();
        return;
      case 'quit':
        return app.quit();
      case 'status':
        return;
    }
  };
  const tray = new TillTray(assetsDir, onTrayItem, () => windows.showDashboard());

  // electron-updater's updater is made on first use, after ready (it asks Electron for the app's version).
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = { info: (message: unknown) => logger.info({ updater: message }, 'updater'), warn: (message: unknown) => logger.warn({ updater: message }, 'updater'), error: (message: unknown) => logger.error({ updater: message }, 'updater') };
  const updates = new TillUpdater(autoUpdater, {
    installed: app.isPackaged,
    onState: () => refreshTray(),
    onFailure: (failure) => {
      logger.warn({ stage: failure.stage, version: failure.version, err: failure.message }, 'update failed');
      // In the feed and, through the events' subscriber below, a notification.
      core.events.record('update.failed', failure);
    },
  });

  function refreshTray(): void {
    tray.render(
      trayModel({
        serverState: server.state,
        providerStatus: core.provider.status(),
        settings: settings(),
        serverAddress: serverAddress(),
        notificationsPaused,
        language: settings().language,
        update: updates.state,
      }),
    );
  }

  server.onChange((state) => {
    // Windows follow the server to a new port, and to the loopback fallback when the port is taken.
    const moved = windowOrigin(state, origin);
    if (moved !== origin) {
      origin = moved;
      windows.followOrigin();
    }
    if (state.kind === 'error' && state.portInUse !== null && state.localUrl !== null) {
      // The way in when iikoWaiter's port is taken: the settings screen, and a box saying why.
      windows.showDashboard('#/settings');
      const box = portTakenDialog(state.portInUse, settings().language);
      void dialog.showMessageBox({ type: 'warning', title: box.title, message: box.message, detail: box.detail, buttons: ['OK'] });
    }
    refreshTray();
    const notice = notificationForServer(state, { settings: settings(), paused: notificationsPaused });
    if (notice) notifier.show(notice, openNotice);
  });

  core.events.subscribe((event) => {
    if (event.type === 'provider.status' || event.type === 'settings.changed') refreshTray();
    const notice = notificationFor(event, {
      settings: settings(),
      paused: notificationsPaused,
      waiterDebtTotal: event.type === 'payment.committed' && event.waiterId ? waiterDebt(core.db, event.waiterId) : null,
    });
    if (notice) notifier.show(notice, openNotice);
  });

  // Applied at every start too: a login item lost or left pointing at an old install is put right.
  applyAutostart(settings().autostart, logger);
  core.settings.onChange((change) => {
    if (change.changedKeys.includes('autostart')) applyAutostart(change.settings.autostart, logger);
    if (change.changedKeys.includes('updates.url')) updates.setUrl(change.settings.updates.url);
    if (change.changedKeys.some((key) => LISTENER_KEYS.has(key))) {
      setTimeout(() => void server.restart(), LISTENER_RESTART_DELAY_MS);
    }
  });

  registerShellIpc(
    {
      'shell:open-settings-window': () => {
        windows.showSettings();
        return undefined;
      },
      'shell:get-notifications-paused': () => notificationsPaused,
      'shell:set-notifications-paused': (paused) => {
        notificationsPaused = paused;
        refreshTray();
        return notificationsPaused;
      },
      'shell:get-autostart': () => settings().autostart,
      'shell:set-autostart': (enabled) => core.settings.update({ autostart: enabled }).settings.autostart,
      // Electron 45's clipboard is asynchronous: the dashboard's "Copied" waits for the write.
      'shell:copy-text': async (text) => {
        await clipboard.writeText(text);
        return undefined;
      },
      'shell:app-version': () => core.version,
      'shell:update-state': () => updates.state,
      'shell:install-update': () => updates.installNow(),
    },
    () => origin,
    logger,
  );

  // A second launch brings the window forward — on a notification's screen when Windows launched it for a click.
  app.on('second-instance', (_event, argv) => windows.showDashboard(routeFromActivation(argv) ?? undefined));
  // The till keeps serving iikoWaiter from the tray when its windows are closed.
  app.on('window-all-closed', () => undefined);
  // One close, whichever comes first: the cashier's quit, or the computer's session ending (session-end.ts).
  const ending = new TillEnding(
    {
      closeFully: () => stopTill(server, logger),
      closeAtOnce: (why, reasons) => {
        logger.warn({ ending: why, reasons }, 'the computer’s session is ending: the till closes at once');
        quitting = true;
        updates.noInstallAtThisQuit();
        // The listener first, so no request reaches the database being closed; both before this returns.
        const listenerClosed = server.closeNow();
        const providerClosed = core.closeAtOnce();
        return Promise.allSettled([listenerClosed, providerClosed]).then(() => logWritten(logger));
      },
      closed: () => {
        tray.destroy();
        releaseFolder();
      },
      quit: () => app.quit(),
    },
    QUIT_DEADLINE_MS,
    (error) => logger.error({ err: error }, 'the till did not stop cleanly'),
  );
  app.on('before-quit', (event) => {
    quitting = true;
    updates.stop();
    if (ending.beforeQuit() === 'hold') event.preventDefault();
  });
  const sources = sessionEndSources(process.platform);
  // Windows ends the session without 'before-quit', and tells windows only: the tray-only till has
  // none, so it keeps this hidden one for as long as it runs (session-end.ts, SESSION_END_WINDOW).
  const sessionEndWindow = sources.hiddenWindow ? new BaseWindow(SESSION_END_WINDOW) : null;
  sessionEndWindow?.on('session-end', (event) => ending.sessionEnds('session-end', event.reasons));
  if (sources.powerMonitor) {
    // Electron passes an event (electron.d.ts types the listener without it): preventDefault() keeps
    // logind's delay lock until the app quits, which it does within QUIT_DEADLINE_MS.
    powerMonitor.on('shutdown', (event?: Preventable) => {
      event?.preventDefault();
      ending.sessionEnds('system-shutdown');
    });
  }

  shellStarted({ tray, server, windows, core });

  refreshTray();
  await server.start();
  flushCompileCacheSoon();
  // After the server: a check never delays the till's serving iikoWaiter.
  updates.start(settings().updates.url);
  const hidden = startsHidden({ argv: process.argv, autostart: settings().autostart, openedAtLogin: app.getLoginItemSettings().wasOpenedAtLogin });
  if (!hidden) windows.showDashboard();
  // Windows: a click on a notification that outlived its Notification object (the Action Center after a
  // restart, or the click that started this very run) — on the screen it was about.
  if (process.platform === 'win32') {
    Notification.handleActivation((details) => {
      const route = routeFromActivation(details.arguments);
      if (route) windows.showDashboard(route);
    });
  }
}

/** Listener, then core; bounded, so a cloud that does not answer never keeps the app from quitting. */
async function stopTill(server: ServerControl, logger: Logger): Promise<void> {
  const shutdown = server.shutdown();
  shutdown.catch((error: unknown) => logger.error({ err: error }, 'the till did not stop cleanly'));
  if ((await withinDeadline(shutdown, QUIT_DEADLINE_MS)) === 'timed-out') {
    logger.warn({ deadlineMs: QUIT_DEADLINE_MS }, 'quitting without waiting further for the till to close');
  }
  // Lines still waiting for their batch are also written at exit; this waits for the ones on their way.
  await withinDeadline(logWritten(logger), QUIT_DEADLINE_MS);
}
