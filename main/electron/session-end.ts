import type { BaseWindowConstructorOptions } from 'electron';
import { QUIT_DEADLINE_MS, withinDeadline } from './quit-deadline.js';

/**
 * The till's close when the computer's session ends rather than when the cashier quits.
 *
 * Windows' shutdown, restart or log-off never reaches Electron's 'before-quit' (Electron's own
 * documentation says so): the app was simply ended, the database left open, the WAL not merged,
 * payments waiting for their group commit dropped. Windows tells a top-level WINDOW instead
 * (WM_ENDSESSION, BaseWindow's 'session-end'), and once that message has been handled "the session
 * can end any time" (Microsoft's WM_ENDSESSION): whatever must happen has to be done before the
 * handler returns, so the database is closed synchronously, inside it. Linux and macOS tell
 * powerMonitor's 'shutdown' instead; logind then waits for the app only while it holds the delay
 * lock Electron takes, at most InhibitDelayMaxSec (5 s by default).
 *
 * What runs then is the clean close minus the shutdown backup: the listener stops taking requests,
 * the payments waiting for their group commit are committed, the WAL is checkpointed into till.db and
 * the database closed — milliseconds. The backup is left out: on a year's database (110 MB) its
 * integrity check alone took 0.8–1.1 s (README), on top of copying and syncing 110 MB, while the
 * whole machine is closing every other program too — no sure fit in the ~5 s Windows grants (and
 * nothing at all may run after the handler returns); a backup cut short leaves only a `.partial`
 * file. The hourly
 * daily-backup check (core/backups/till-backups.ts) already keeps a backup at most a day old, also on
 * a till switched off every night. Without the shutdown backup there is no checked copy to vouch for
 * the file, so no note of a verified close is left: the next start runs its full integrity check
 * (about a second on a year's database) — slower, never less safe.
 */

/** The event Electron passes to powerMonitor's 'shutdown' listener (electron.d.ts types the listener without it). */
export interface Preventable {
  preventDefault(): void;
}

/** What ended the session: Windows' 'session-end', or powerMonitor's 'shutdown' (Linux, macOS). */
export type SessionEnding = 'session-end' | 'system-shutdown';

/** Where this platform tells the app that the session ends. */
export interface SessionEndSources {
  /** Windows: a hidden window of the app's own hears 'session-end' (SESSION_END_WINDOW). */
  hiddenWindow: boolean;
  /** Linux and macOS: powerMonitor's 'shutdown' (Electron emits it nowhere else). */
  powerMonitor: boolean;
}

export function sessionEndSources(platform: NodeJS.Platform): SessionEndSources {
  return { hiddenWindow: platform === 'win32', powerMonitor: platform === 'linux' || platform === 'darwin' };
}

/**
 * The window that exists only to hear Windows end the session. Windows sends WM_ENDSESSION to
 * top-level windows, and a till mostly runs in the tray with no window at all (started hidden at
 * login; the dashboard's window is made only when opened): without a window of its own the app
 * would never hear it. A BaseWindow, not a BrowserWindow: it has no web contents, so no page, no
 * renderer process, nothing for the security rules to watch — one hidden native window, never shown,
 * 1×1, off the taskbar, never focused.
 */
export const SESSION_END_WINDOW: BaseWindowConstructorOptions = {
  show: false,
  width: 1,
  height: 1,
  frame: false,
  skipTaskbar: true,
  focusable: false,
  resizable: false,
  title: 'GetMeBack Till',
};

/** How the app is closed, one step each; desktop-app.ts binds them, session-end.test.ts fakes them. */
export interface EndingSteps {
  /** The cashier's quit (tray, update install): the listener, then the core with its shutdown backup. */
  closeFully(): Promise<void>;
  /**
   * The session ends: the listener stops and the database closes BEFORE this returns (Windows may
   * end the process as soon as the handler has returned). The promise is what may still finish
   * afterwards (the provider, the log); it is waited for at most `deadlineMs`.
   */
  closeAtOnce(ending: SessionEnding, reasons: readonly string[]): Promise<void>;
  /** Once the till is closed, whichever way: the tray icon and the data folder's lock. */
  closed(): void;
  /** Electron's app.quit(): its 'before-quit' then lets the quit go on. */
  quit(): void;
}

/**
 * The till's one close, whichever asks first: the cashier's quit ('before-quit') or the end of the
 * session. The core is closed once: a 'before-quit' after the session ended waits for that close
 * and starts none of its own (its full close would back up a closed database); a second 'session-end'
 * (or 'shutdown' after it) does nothing. The session ending while a quit is closing still closes the
 * database at once: the quit's backup would not finish before Windows ends the process anyway (it
 * then fails on the closed database: a log line, and no note of a verified close).
 */
export class TillEnding {
  private closing: Promise<void> | null = null;
  private closedAtOnce = false;
  private done = false;

  constructor(
    private readonly steps: EndingSteps,
    private readonly deadlineMs = QUIT_DEADLINE_MS,
    private readonly failed: (error: unknown) => void = () => undefined,
  ) {}

  /** Whether the till is closed and the quit may go on. */
  get finished(): boolean {
    return this.done;
  }

  /** Electron's 'before-quit': 'hold' — prevent it, the app quits again once closed — or 'go'. */
  beforeQuit(): 'hold' | 'go' {
    if (this.done) return 'go';
    this.begin(() => this.steps.closeFully());
    return 'hold';
  }

  /**
   * The session ends: returns once the database is closed; the app then quits within the deadline.
   * `reasons`: Windows' (WindowSessionEndEvent: 'shutdown', 'logoff', 'close-app', 'critical').
   */
  sessionEnds(ending: SessionEnding, reasons: readonly string[] = []): void {
    if (this.done || this.closedAtOnce) return;
    this.closedAtOnce = true;
    let rest: Promise<void>;
    try {
      rest = this.steps.closeAtOnce(ending, reasons);
    } catch (error) {
      // A close that threw still ends the app: a till whose database or listener is half closed serves no one.
      this.failed(error);
      rest = Promise.resolve();
    }
    rest.catch((error: unknown) => this.failed(error));
    // What follows the close is waited for at most the quit deadline: then the app quits, finished or not.
    this.begin(() => withinDeadline(rest, this.deadlineMs).then(() => undefined));
  }

  /** The cashier's close keeps its own bounds (desktop-app.ts, stopTill); the one started first is the one. */
  private begin(work: () => Promise<void>): void {
    if (this.closing) return;
    let started: Promise<void>;
    try {
      started = work();
    } catch (error) {
      started = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    this.closing = started
      .catch((error: unknown) => this.failed(error))
      .then(() => {
        this.done = true;
        this.steps.closed();
        this.steps.quit();
      });
  }
}
