import type { AppUpdater } from 'electron-updater';
import type { UpdateFailureStage, UpdateState } from '../../shared/update-state.js';
import { updateAction, updateFeed, type UpdateTrigger } from './update-policy.js';

/**
 * electron-updater, driven by the update policy (update-policy.ts): the generic provider on the
 * folder from the settings, a check at start and once a day, the download in the background, the
 * install only on the manager's word or at the next quit (`autoInstallOnAppQuit`) — never a restart
 * during service. It imports no Electron: desktop-app.ts hands it electron-updater's `autoUpdater`, and
 * till-updater.test.ts a fake one.
 */

/** What the till uses of electron-updater's updater: the compiler checks `autoUpdater` against it. */
export type UpdaterPort = Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'setFeedURL' | 'checkForUpdates' | 'quitAndInstall' | 'on' | 'logger'>;

/** How often the timer asks the policy; the policy checks once a day (CHECK_EVERY_MS). */
export const TICK_MS = 60 * 60 * 1000;

export interface UpdateFailure {
  stage: UpdateFailureStage;
  version: string | null;
  /** electron-updater's words, for the log and the journal. */
  message: string;
}

export interface TillUpdaterOptions {
  installed: boolean;
  now?: () => number;
  onState: (state: UpdateState) => void;
  onFailure: (failure: UpdateFailure) => void;
}

/** electron-updater's codes for a file whose sha512 or signature did not match: refused, never installed. */
const TAMPERED = new Set(['ERR_CHECKSUM_MISMATCH', 'ERR_UPDATER_INVALID_SIGNATURE']);

/** Which step failed, from electron-updater's error and what the updater was doing. */
export function failureStage(error: Error, during: UpdateState['kind']): UpdateFailureStage {
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string' && TAMPERED.has(code)) return 'verify';
  return during === 'downloading' ? 'download' : 'check';
}

export class TillUpdater {
  private current: UpdateState;
  private url = '';
  private lastCheckAt: number | null = null;
  private busy = false;
  private downloaded: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(
    private readonly updater: UpdaterPort,
    private readonly options: TillUpdaterOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.current = { kind: 'off', reason: options.installed ? 'no-url' : 'not-installed' };
    updater.on('checking-for-update', () => this.set({ kind: 'checking' }));
    updater.on('update-available', (info) => this.set({ kind: 'downloading', version: info.version, percent: 0 }));
    updater.on('download-progress', (progress) => {
      if (this.current.kind === 'downloading') this.set({ ...this.current, percent: Math.floor(progress.percent) });
    });
    updater.on('update-not-available', () => {
      this.busy = false;
      this.set({ kind: 'up-to-date', checkedAt: new Date(this.now()).toISOString() });
    });
    updater.on('update-downloaded', (event) => {
      this.busy = false;
      this.downloaded = event.version;
      this.set({ kind: 'downloaded', version: event.version });
    });
    updater.on('error', (error) => {
      const during = this.current.kind;
      const version = this.current.kind === 'downloading' ? this.current.version : null;
      const stage = failureStage(error, during);
      this.busy = false;
      this.set({ kind: 'failed', stage, version, at: new Date(this.now()).toISOString() });
      this.options.onFailure({ stage, version, message: error.message });
    });
  }

  get state(): UpdateState {
    return this.current;
  }

  /** At start: download in the background; install at quit; check now and then on the daily timer. */
  start(url: string): void {
    this.updater.autoDownload = true;
    this.setUrl(url);
    this.run('start');
    // unref: a pending timer never keeps the app from quitting.
    this.timer = setInterval(() => this.run('timer'), TICK_MS);
    this.timer.unref();
  }

  /** The manager changed the update folder: used from now on, and checked at once when it is new and valid. */
  setUrl(url: string): void {
    const changed = url !== this.url;
    this.url = url;
    const feed = updateFeed(url);
    const on = this.options.installed && feed.kind === 'ok';
    // A downloaded update is installed at the next quit (the policy's 'install-at-quit') while updates
    // are on. electron-updater reads this flag when a download completes, so it is set beforehand.
    this.updater.autoInstallOnAppQuit = on;
    if (feed.kind === 'ok') this.updater.setFeedURL({ provider: 'generic', url: feed.url });
    if (!on) {
      this.set({ kind: 'off', reason: this.options.installed ? 'no-url' : 'not-installed' });
      return;
    }
    if (this.current.kind === 'off') this.set(this.downloaded ? { kind: 'downloaded', version: this.downloaded } : { kind: 'idle' });
    if (changed && this.timer !== null) this.run('start');
  }

  /** The manager's word (the tray's item, the setup screen's button): install now, which restarts the app. */
  installNow(): boolean {
    if (updateAction(this.situation('manager-install')) !== 'install-now') return false;
    // Silent (no wizard for the cashier), and the till starts again after the install.
    this.updater.quitAndInstall(true, true);
    return true;
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * The computer's session ends (session-end.ts): no install at this quit. The installer would run
   * while Windows (or logind) is ending every process, and one killed halfway leaves a till that may
   * not start. electron-updater reads the flag again when the app quits (BaseUpdater's quit handler);
   * the download stays in its cache and is offered again at the next start, for the next quit.
   */
  noInstallAtThisQuit(): void {
    this.stop();
    this.updater.autoInstallOnAppQuit = false;
  }

  private run(trigger: UpdateTrigger): void {
    if (updateAction(this.situation(trigger)) !== 'check') return;
    this.busy = true;
    this.lastCheckAt = this.now();
    // A failure is reported once, by the updater's 'error' event; the promise only ends the check.
    this.updater.checkForUpdates().then(
      (result) => {
        // null: electron-updater skipped the check (not a packed app).
        if (result === null) this.busy = false;
      },
      () => {
        this.busy = false;
      },
    );
  }

  private situation(trigger: UpdateTrigger) {
    return { installed: this.options.installed, url: this.url, trigger, now: this.now(), lastCheckAt: this.lastCheckAt, busy: this.busy, downloaded: this.downloaded };
  }

  private set(state: UpdateState): void {
    this.current = state;
    this.options.onState(state);
  }
}
