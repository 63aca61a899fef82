/**
 * A stand-in for Electron's main-process API, for running the COMPILED main process in plain Node
 * where Electron's binary cannot run (main-wiring.stand-in.test.ts). It is not Electron: it records
 * what the app asks of Electron and lets a test play the user's and the OS's part (ready, a tray
 * click, a notification click, an IPC call from some frame, a second launch, quit, Windows ending
 * the session, Linux shutting down).
 *
 * It cannot drift from Electron's real API unnoticed: every member is typed by electron.d.ts
 * (`Electron.App['requestSingleInstanceLock']`, …), so a renamed method or a changed signature
 * fails `npm run typecheck`; and any member the app touches that the stand-in lacks throws, naming
 * it, so the app cannot quietly rely on an API nobody checked. Never packed: tsconfig.build.json
 * leaves this folder out.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: never[]) => unknown;

/** Every member the app reads must be implemented here: an unknown one throws rather than returning undefined. */
function strict<T extends object>(name: string, implemented: object): T {
  return new Proxy(implemented, {
    get(target, key, receiver) {
      if (key in target || typeof key === 'symbol' || key === 'then' || key === 'toJSON') return Reflect.get(target, key, receiver) as unknown;
      throw new Error(`Electron stand-in: ${name}.${key} is not implemented (add it, typed by electron.d.ts)`);
    },
  }) as T;
}

/** A DOM-like event with preventDefault, as Electron passes to 'before-quit', 'will-navigate', …. */
export class StandInEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** The record a test reads: every call in order, and what each part of the "OS" was shown. */
export const record = {
  calls: [] as string[],
  errorBoxes: [] as { title: string; content: string }[],
  messageBoxes: [] as Electron.MessageBoxOptions[],
  clipboard: '',
  openedExternally: [] as string[],
  exitCode: null as number | null,
  quitCompleted: false,
  loginItems: [] as Electron.Settings[],
};

function note(call: string): void {
  record.calls.push(call);
}

// ---------------------------------------------------------------- app

const appEvents = new EventEmitter();
let readyResolve: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  readyResolve = resolve;
});
const paths = new Map<string, string>();
let singleInstanceLock = true;
let appPath = process.cwd();

function onApp(event: string, listener: Listener): Electron.App {
  appEvents.on(event, listener as (...args: unknown[]) => void);
  return app;
}

const appMembers = {
  // A run can play the installed app (the menu, autostart) with GMB_STAND_IN_PACKAGED=1.
  isPackaged: process.env.GMB_STAND_IN_PACKAGED === '1',
  setAppUserModelId: ((id) => note(`app.setAppUserModelId ${id}`)) satisfies Electron.App['setAppUserModelId'],
  // Windows only: asked when a run plays Windows (run-main.ts, the session-end scenario).
  setToastActivatorCLSID: ((id) => note(`app.setToastActivatorCLSID ${id}`)) satisfies Electron.App['setToastActivatorCLSID'],
  getPath: ((name) => paths.get(name) ?? `/stand-in/${name}`) satisfies Electron.App['getPath'],
  setPath: ((name, value) => {
    note(`app.setPath ${name}`);
    // Electron throws on a relative path; so does the stand-in.
    if (!value.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(value)) throw new Error(`Path must be absolute: ${value}`);
    paths.set(name, value);
  }) satisfies Electron.App['setPath'],
  getAppPath: (() => appPath) satisfies Electron.App['getAppPath'],
  getVersion: (() => '0.0.0-stand-in') satisfies Electron.App['getVersion'],
  getName: (() => 'GetMeBack Till') satisfies Electron.App['getName'],
  requestSingleInstanceLock: (() => {
    note('app.requestSingleInstanceLock');
    return singleInstanceLock;
  }) satisfies Electron.App['requestSingleInstanceLock'],
  whenReady: (() => {
    note('app.whenReady');
    return ready;
  }) satisfies Electron.App['whenReady'],
  getLoginItemSettings: (() => ({
    openAtLogin: false,
    openAsHidden: false,
    wasOpenedAtLogin: false,
    wasOpenedAsHidden: false,
    restoreState: false,
    status: 'not-registered',
    executableWillLaunchAtLogin: false,
    launchItems: [],
  })) satisfies Electron.App['getLoginItemSettings'],
  setLoginItemSettings: ((settings) => {
    record.loginItems.push(settings);
  }) satisfies Electron.App['setLoginItemSettings'],
  on: onApp satisfies Electron.App['on'],
  once: ((event: string, listener: Listener) => {
    appEvents.once(event, listener as (...args: unknown[]) => void);
    return app;
  }) satisfies Electron.App['once'],
  /** Electron's quit: 'before-quit' (which may be prevented), then 'will-quit' and 'quit'. */
  quit: (() => {
    note('app.quit');
    const event = new StandInEvent();
    appEvents.emit('before-quit', event);
    if (event.defaultPrevented) return;
    const willQuit = new StandInEvent();
    appEvents.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    record.quitCompleted = true;
    appEvents.emit('quit', new StandInEvent(), 0);
  }) satisfies Electron.App['quit'],
  exit: ((code = 0) => {
    note(`app.exit ${code}`);
    record.exitCode = code;
  }) satisfies Electron.App['exit'],
};
export const app: Electron.App = strict('app', appMembers);

// ---------------------------------------------------------------- clipboard, dialog, shell, session

export const clipboard: Electron.Clipboard = strict('clipboard', {
  // Electron 45's clipboard is asynchronous (modelled on navigator.clipboard).
  writeText: ((text) => {
    record.clipboard = text;
    return Promise.resolve();
  }) satisfies Electron.Clipboard['writeText'],
  readText: (() => Promise.resolve(record.clipboard)) satisfies Electron.Clipboard['readText'],
});

function showMessageBox(options: Electron.MessageBoxOptions): Promise<Electron.MessageBoxReturnValue>;
function showMessageBox(window: Electron.BaseWindow, options: Electron.MessageBoxOptions): Promise<Electron.MessageBoxReturnValue>;
function showMessageBox(first: Electron.BaseWindow | Electron.MessageBoxOptions, second?: Electron.MessageBoxOptions): Promise<Electron.MessageBoxReturnValue> {
  const options = second ?? (first as Electron.MessageBoxOptions);
  record.messageBoxes.push(options);
  return Promise.resolve({ response: 0, checkboxChecked: false });
}

export const dialog: Electron.Dialog = strict('dialog', {
  showErrorBox: ((title, content) => {
    record.errorBoxes.push({ title, content });
  }) satisfies Electron.Dialog['showErrorBox'],
  showMessageBox: showMessageBox satisfies Electron.Dialog['showMessageBox'],
});

export const shell: Electron.Shell = strict('shell', {
  openExternal: ((url) => {
    record.openedExternally.push(url);
    return Promise.resolve();
  }) satisfies Electron.Shell['openExternal'],
  openPath: (() => Promise.resolve('')) satisfies Electron.Shell['openPath'],
});

/** No system key store on the test machine: the till keeps its key file plain (0600). */
export const safeStorage: Electron.SafeStorage = strict('safeStorage', {
  isEncryptionAvailable: (() => false) satisfies Electron.SafeStorage['isEncryptionAvailable'],
});

type PermissionRequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];
const permissions: { request: PermissionRequestHandler; check: PermissionCheckHandler } = { request: null, check: null };

export const session: typeof Electron.session = strict('session', {
  defaultSession: strict<Electron.Session>('session.defaultSession', {
    setPermissionRequestHandler: ((handler) => {
      permissions.request = handler;
    }) satisfies Electron.Session['setPermissionRequestHandler'],
    setPermissionCheckHandler: ((handler) => {
      permissions.check = handler;
    }) satisfies Electron.Session['setPermissionCheckHandler'],
  }),
});

// ---------------------------------------------------------------- ipcMain

type InvokeHandler = Parameters<Electron.IpcMain['handle']>[1];
const invokeHandlers = new Map<string, InvokeHandler>();
const ipcEvents = new EventEmitter();

export const ipcMain: Electron.IpcMain = strict('ipcMain', {
  handle: ((channel, listener) => {
    if (invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    invokeHandlers.set(channel, listener);
  }) satisfies Electron.IpcMain['handle'],
  on: ((channel: string, listener: Listener) => {
    ipcEvents.on(channel, listener as (...args: unknown[]) => void);
    return ipcMain;
  }) satisfies Electron.IpcMain['on'],
});

// ---------------------------------------------------------------- webContents and windows

let nextId = 1;

/** A page's webContents: its URL, its navigation events and its window-open handler. */
export class StandInWebContents extends EventEmitter {
  readonly id = nextId++;
  url = '';
  /** What each load found at the URL: the HTTP status, or the error when nothing answered. */
  readonly loads: { url: string; status: number | string }[] = [];
  windowOpenHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | null = null;

  readonly getURL: Electron.WebContents['getURL'] = () => this.url;
  readonly setWindowOpenHandler: Electron.WebContents['setWindowOpenHandler'] = (handler) => {
    this.windowOpenHandler = handler;
  };

  /** Loads a URL as a window would: it asks the server for the page, so a dead origin shows up. */
  async load(url: string): Promise<void> {
    this.url = url;
    try {
      const response = await fetch(url);
      this.loads.push({ url, status: response.status });
    } catch (error) {
      this.loads.push({ url, status: error instanceof Error ? error.message : String(error) });
    }
  }
}

export class StandInBrowserWindow extends EventEmitter {
  static readonly all: StandInBrowserWindow[] = [];
  readonly webContents = new StandInWebContents();
  visible = false;
  minimized = false;
  destroyed = false;
  readonly shows: string[] = [];

  constructor(readonly options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    StandInBrowserWindow.all.push(this);
    // As in Electron, every new webContents is announced on the app before the app can load it.
    appEvents.emit('web-contents-created', new StandInEvent(), this.webContents);
    const typed: Electron.BrowserWindow = strict('BrowserWindow', this);
    return typed as unknown as StandInBrowserWindow;
  }

  readonly loadURL: Electron.BrowserWindow['loadURL'] = async (url) => {
    this.shows.push(`load ${url}`);
    await this.webContents.load(url);
    if (!this.options.show) this.emit('ready-to-show', new StandInEvent());
  };
  readonly show: Electron.BrowserWindow['show'] = () => {
    this.shows.push('show');
    this.visible = true;
  };
  readonly hide: Electron.BrowserWindow['hide'] = () => {
    this.shows.push('hide');
    this.visible = false;
  };
  readonly focus: Electron.BrowserWindow['focus'] = () => {
    this.shows.push('focus');
  };
  readonly isMinimized: Electron.BrowserWindow['isMinimized'] = () => this.minimized;
  readonly restore: Electron.BrowserWindow['restore'] = () => {
    this.minimized = false;
  };
  readonly isDestroyed: Electron.BrowserWindow['isDestroyed'] = () => this.destroyed;

  /** The cashier closes the window: 'close' may be prevented (the dashboard hides instead). */
  userCloses(): void {
    const event = new StandInEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

/**
 * A window with no web contents (Electron's BaseWindow): the app keeps a hidden one on Windows only to
 * hear 'session-end' (session-end.ts). A test plays Windows ending the session on it.
 */
export class StandInBaseWindow extends EventEmitter {
  static readonly all: StandInBaseWindow[] = [];
  destroyed = false;

  constructor(readonly options: Electron.BaseWindowConstructorOptions = {}) {
    super();
    StandInBaseWindow.all.push(this);
    note('new BaseWindow');
    const typed: Electron.BaseWindow = strict('BaseWindow', this);
    return typed as unknown as StandInBaseWindow;
  }

  readonly isDestroyed: Electron.BaseWindow['isDestroyed'] = () => this.destroyed;
}

// ---------------------------------------------------------------- powerMonitor

const powerEvents = new EventEmitter();

export const powerMonitor: Electron.PowerMonitor = strict('powerMonitor', {
  on: ((event: string, listener: Listener) => {
    note(`powerMonitor.on ${event}`);
    powerEvents.on(event, listener as (...args: unknown[]) => void);
    return powerMonitor;
  }) satisfies Electron.PowerMonitor['on'],
});

// ---------------------------------------------------------------- tray, menu, images, notifications

export interface StandInMenuItem {
  id?: string;
  label?: string;
  type?: string;
  enabled: boolean;
  checked?: boolean;
  click?: () => void;
}

export class StandInMenu {
  constructor(readonly items: StandInMenuItem[]) {}
}

export const Menu = {
  buildFromTemplate: ((template) =>
    new StandInMenu(
      template.map((entry) => {
        const item = entry as Electron.MenuItemConstructorOptions;
        const click = item.click;
        return {
          ...(item.id === undefined ? {} : { id: item.id }),
          ...(item.label === undefined ? {} : { label: item.label }),
          ...(item.type === undefined ? {} : { type: item.type }),
          ...(item.checked === undefined ? {} : { checked: item.checked }),
          enabled: item.enabled !== false,
          ...(click ? { click: () => click(item as unknown as Electron.MenuItem, undefined, { triggeredByAccelerator: false } as Electron.KeyboardEvent) } : {}),
        };
      }),
    ) as unknown as Electron.Menu) satisfies (typeof Electron.Menu)['buildFromTemplate'],
  setApplicationMenu: ((menu) => {
    note(`Menu.setApplicationMenu ${menu === null ? 'null' : 'menu'}`);
  }) satisfies (typeof Electron.Menu)['setApplicationMenu'],
};

/** An image is its file path here; the test checks the path names an existing PNG. */
export class StandInImage {
  constructor(readonly path: string) {}
}

export const nativeImage = {
  createFromPath: ((path) => new StandInImage(path) as unknown as Electron.NativeImage) satisfies (typeof Electron.nativeImage)['createFromPath'],
};

export class StandInTray extends EventEmitter {
  static readonly all: StandInTray[] = [];
  image: StandInImage;
  tooltip = '';
  menu: StandInMenu | null = null;
  destroyed = false;

  constructor(image: Electron.NativeImage | string) {
    super();
    this.image = typeof image === 'string' ? new StandInImage(image) : (image as unknown as StandInImage);
    StandInTray.all.push(this);
    const typed: Electron.Tray = strict('Tray', this);
    return typed as unknown as StandInTray;
  }

  readonly setImage: Electron.Tray['setImage'] = (image) => {
    this.image = typeof image === 'string' ? new StandInImage(image) : (image as unknown as StandInImage);
  };
  readonly setToolTip: Electron.Tray['setToolTip'] = (text) => {
    this.tooltip = text;
  };
  readonly setContextMenu: Electron.Tray['setContextMenu'] = (menu) => {
    this.menu = menu as unknown as StandInMenu | null;
  };
  readonly destroy: Electron.Tray['destroy'] = () => {
    this.destroyed = true;
  };
}

export class StandInNotification extends EventEmitter {
  static readonly all: StandInNotification[] = [];
  static readonly isSupported: (typeof Electron.Notification)['isSupported'] = () => true;
  // Windows only: asked when a run plays Windows (run-main.ts, the session-end scenario).
  static readonly handleActivation: (typeof Electron.Notification)['handleActivation'] = () => {
    note('Notification.handleActivation');
  };
  shown = false;

  constructor(readonly options: Electron.NotificationConstructorOptions = {}) {
    super();
    StandInNotification.all.push(this);
    const typed: Electron.Notification = strict('Notification', this);
    return typed as unknown as StandInNotification;
  }

  readonly show: Electron.Notification['show'] = () => {
    this.shown = true;
  };
}

export const BrowserWindow = StandInBrowserWindow;
export const BaseWindow = StandInBaseWindow;
export const Tray = StandInTray;
export const Notification = StandInNotification;

// ---------------------------------------------------------------- the test's side

/** A frame as IPC's `event.senderFrame` shows it. */
export interface SenderFrame {
  url: string;
  parent: SenderFrame | null;
}

export const standIn = {
  record,
  windows: StandInBrowserWindow.all,
  baseWindows: StandInBaseWindow.all,
  trays: StandInTray.all,
  notifications: StandInNotification.all,
  setAppPath(path: string): void {
    appPath = path;
  },
  setPath(name: string, value: string): void {
    paths.set(name, value);
  },
  refuseSingleInstanceLock(): void {
    singleInstanceLock = false;
  },
  /** The OS says the app is ready: `whenReady` resolves and 'ready' fires. */
  ready(): void {
    note('ready');
    readyResolve();
    appEvents.emit('ready', new StandInEvent(), {});
  },
  /**
   * Windows ends the session (shutdown, restart, log-off): WM_ENDSESSION reaches `window` as
   * 'session-end', with its reasons on the event (electron.d.ts, WindowSessionEndEvent).
   */
  sessionEnds(window: StandInBaseWindow | StandInBrowserWindow, reasons: Electron.WindowSessionEndEvent['reasons'] = ['shutdown']): void {
    const event = Object.assign(new StandInEvent(), { reasons });
    window.emit('session-end', event);
  },
  /** Linux or macOS is about to shut down: powerMonitor's 'shutdown'. Returns whether the app asked the OS to wait. */
  systemShutdown(): boolean {
    const event = new StandInEvent();
    powerEvents.emit('shutdown', event);
    return event.defaultPrevented;
  },
  /** Someone launched the app again: the OS hands it to this (first) instance. */
  secondInstance(argv: string[]): void {
    appEvents.emit('second-instance', new StandInEvent(), argv, process.cwd(), {});
  },
  /** A page calls a bridge method: ipcRenderer.invoke from `frame`. */
  async invoke(channel: string, frame: SenderFrame | null, ...args: unknown[]): Promise<unknown> {
    const handler = invokeHandlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event = { senderFrame: frame, sender: null, processId: 1, frameId: 1 } as unknown as Electron.IpcMainInvokeEvent;
    return (await handler(event, ...args)) as unknown;
  },
  channels(): string[] {
    return [...invokeHandlers.keys()];
  },
  /** A page asks for a permission (camera, clipboard, …): what the app's handler answers. */
  requestPermission(contents: StandInWebContents, permission: 'media' | 'clipboard-read' | 'notifications'): Promise<boolean | 'no handler'> {
    const handler = permissions.request;
    if (!handler) return Promise.resolve('no handler');
    return new Promise((resolve) => {
      handler(contents as unknown as Electron.WebContents, permission, resolve, { requestingUrl: contents.url, isMainFrame: true } as Electron.PermissionRequest);
    });
  },
  checkPermission(permission: 'media' | 'clipboard-read'): boolean | 'no handler' {
    const handler = permissions.check;
    if (!handler) return 'no handler';
    return handler(null, permission, 'http://127.0.0.1', { isMainFrame: true } as Electron.PermissionCheckHandlerHandlerDetails);
  },
  /** A page tries to navigate its window (a link, a script): whether the app let it. */
  navigate(contents: StandInWebContents, url: string, kind: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const event = new StandInEvent(url);
    contents.emit(kind, event);
    return !event.defaultPrevented;
  },
  attachWebview(contents: StandInWebContents): boolean {
    const event = new StandInEvent();
    contents.emit('will-attach-webview', event, {}, {});
    return !event.defaultPrevented;
  },
  openWindow(contents: StandInWebContents, url: string): string {
    const handler = contents.windowOpenHandler;
    if (!handler) return 'no handler';
    return handler({ url } as Electron.HandlerDetails).action;
  },
};

export default { app, BaseWindow, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeImage, Notification, powerMonitor, session, shell, Tray };
