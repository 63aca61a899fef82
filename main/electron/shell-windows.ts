import { BrowserWindow } from 'electron';
import type { Language } from '../../shared/i18n/language.js';
import { dashboardUrl } from './navigation-policy.js';
import type { DashboardRoute } from './notification-policy.js';
import { windowOptions, type ShellWindow } from './window-options.js';
import { pageAfterMove, pageToShow } from './window-routing.js';

interface WindowDeps {
  preload: string;
  icon: string;
  origin: () => string | null;
  language: () => Language;
  /** While the app is not quitting, closing the dashboard only hides it: the till keeps serving. */
  quitting: () => boolean;
}

/** The dashboard window and the settings window: at most one of each, reused and brought forward. */
export class ShellWindows {
  private readonly open = new Map<ShellWindow, { window: BrowserWindow; route: string }>();

  constructor(private readonly deps: WindowDeps) {}

  /** The dashboard, on `route` when given (a notification's screen); without one it is shown as it is. */
  showDashboard(route?: DashboardRoute | '#/settings'): void {
    this.show('dashboard', route);
  }

  showSettings(): void {
    this.show('settings', '#/settings');
  }

  /** After the server moved (a new port, or its port-taken fallback), every open window follows it, on the screen it was on. */
  followOrigin(): void {
    const origin = this.deps.origin();
    if (origin === null) return;
    for (const { window, route } of this.open.values()) void window.loadURL(pageAfterMove(window.webContents.getURL(), origin, route));
  }

  /** Every window, for the test hook and for closing on quit. */
  all(): BrowserWindow[] {
    return [...this.open.values()].map((entry) => entry.window);
  }

  private show(kind: ShellWindow, route: string | undefined): void {
    const origin = this.deps.origin();
    if (origin === null) return;
    const existing = this.open.get(kind);
    if (existing) {
      // Loaded only when another screen is asked for: a reload would lose what the manager was typing.
      const page = pageToShow(existing.window.webContents.getURL(), origin, route);
      if (route !== undefined) existing.route = route;
      if (page !== null) void existing.window.loadURL(page);
      if (existing.window.isMinimized()) existing.window.restore();
      existing.window.show();
      existing.window.focus();
      return;
    }
    const first = route ?? '#/';
    const window = new BrowserWindow(windowOptions(kind, this.deps.language(), this.deps.preload, this.deps.icon));
    this.open.set(kind, { window, route: first });
    window.once('ready-to-show', () => window.show());
    window.on('close', (event) => {
      if (kind === 'dashboard' && !this.deps.quitting()) {
        event.preventDefault();
        window.hide();
      }
    });
    window.on('closed', () => this.open.delete(kind));
    void window.loadURL(dashboardUrl(origin, first));
  }
}
