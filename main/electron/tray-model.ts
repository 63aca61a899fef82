import type { Language } from '../../shared/i18n/language.js';
import { formatCount } from '../../shared/i18n/numbers.js';
import type { Settings } from '../../shared/settings/schema.js';
import type { ProviderStatus } from '../core/providers/loyalty-provider.js';
import { installUpdateLabel, updateTrayLine } from '../../shared/i18n/update-messages.js';
import type { UpdateState } from '../../shared/update-state.js';
import { localDashboardUrl, type ServerState } from './server-state.js';

/** Each has a PNG in assets/tray/ (16 px and @2x), drawn by scripts/make-icons.mjs. */
export const TRAY_ICONS = ['running', 'stopped', 'error', 'offline'] as const;
export type TrayIcon = (typeof TRAY_ICONS)[number];

export type TrayItemId =
  | 'status'
  | 'open-dashboard'
  | 'open-settings'
  | 'copy-address'
  | 'toggle-server'
  | 'pause-notifications'
  | 'install-update'
  | 'quit';

export interface TrayItem {
  id: TrayItemId;
  label: string;
  enabled: boolean;
  /** Present on the items shown as a check box. */
  checked?: boolean;
}

export interface TrayModel {
  icon: TrayIcon;
  tooltip: string;
  items: TrayItem[];
}

export interface TrayInput {
  serverState: ServerState;
  providerStatus: ProviderStatus | null;
  settings: Settings;
  /** The Server Address for iikoWaiter, while the server is running. */
  serverAddress: string | null;
  notificationsPaused: boolean;
  language: Language;
  /** The installed app's updates (till-updater.ts). */
  update: UpdateState;
}

/** Windows cuts a tray tooltip at 127 characters; a cut is better shown than hidden. */
export const TOOLTIP_LIMIT = 127;

const TEXT = {
  ru: {
    app: 'GetMeBack Till',
    starting: 'Сервер для iikoWaiter запускается…',
    running: 'Сервер для iikoWaiter работает',
    stopping: 'Сервер для iikoWaiter останавливается…',
    stopped: 'Сервер для iikoWaiter остановлен',
    portInUse: (port: number) => `Порт ${port} занят другой программой`,
    failed: 'Сервер для iikoWaiter не запустился (подробности в журнале)',
    providerOffline: (cloud: boolean) => (cloud ? 'Нет связи с облаком GetMeBack' : 'Нет связи с программой лояльности'),
    outbox: (count: number) => `ждут отправки: ${formatCount(count, 'ru')}`,
    notificationsPaused: 'уведомления на паузе',
    openDashboard: 'Открыть GetMeBack Till',
    openSettings: 'Настройки…',
    copyAddress: 'Скопировать адрес сервера (Server Address)',
    stop: 'Остановить сервер для iikoWaiter',
    start: 'Запустить сервер для iikoWaiter',
    pause: 'Приостановить уведомления',
    quit: 'Выйти',
  },
  en: {
    app: 'GetMeBack Till',
    starting: 'Server for iikoWaiter starting…',
    running: 'Server for iikoWaiter running',
    stopping: 'Server for iikoWaiter stopping…',
    stopped: 'Server for iikoWaiter stopped',
    portInUse: (port: number) => `Port ${port} is used by another program`,
    failed: 'Server for iikoWaiter did not start (details in the log)',
    providerOffline: (cloud: boolean) => (cloud ? 'GetMeBack cloud offline' : 'Loyalty programme offline'),
    outbox: (count: number) => `waiting to be sent: ${formatCount(count, 'en')}`,
    notificationsPaused: 'notifications paused',
    openDashboard: 'Open GetMeBack Till',
    openSettings: 'Settings…',
    copyAddress: 'Copy the Server Address',
    stop: 'Stop the server for iikoWaiter',
    start: 'Start the server for iikoWaiter',
    pause: 'Pause notifications',
    quit: 'Quit',
  },
} as const;

/**
 * The tray icon, its tooltip and its menu for this moment. A server that is not serving outranks a
 * loyalty programme that is offline: waiters can do nothing at all without the server.
 */
export function trayModel(input: TrayInput): TrayModel {
  const t = TEXT[input.language];
  const state = input.serverState;
  const running = state.kind === 'running';
  // With its port taken the till still shows its own dashboard (on a loopback fallback): the way to fix it.
  const reachable = localDashboardUrl(state) !== null;
  const providerOffline = input.providerStatus !== null && !input.providerStatus.online;
  const icon: TrayIcon =
    state.kind === 'error' ? 'error' : !running ? 'stopped' : providerOffline ? 'offline' : 'running';

  const status = serverStatusText(state, t);
  const providerLine = running && providerOffline ? t.providerOffline(input.providerStatus?.provider === 'cloud') : null;
  const details: string[] = [];
  if (providerLine) details.push(providerLine);
  const outbox = input.providerStatus?.outbox ?? 0;
  if (providerLine && outbox > 0) details.push(t.outbox(outbox));
  if (running && input.serverAddress) details.push(input.serverAddress);
  if (input.notificationsPaused) details.push(t.notificationsPaused);
  // Only an update waiting for the manager, or one that failed, is worth the tooltip's few characters.
  const update = input.update;
  const updateLine = updateTrayLine(update, input.language);
  if (updateLine) details.push(updateLine);

  const notificationsOn = input.settings.notifications.enabled;
  return {
    icon,
    tooltip: clip([t.app, status, ...details].join('\n'), TOOLTIP_LIMIT),
    items: [
      { id: 'status', label: providerLine ? `${status} · ${providerLine}` : status, enabled: false },
      { id: 'open-dashboard', label: t.openDashboard, enabled: reachable },
      { id: 'open-settings', label: t.openSettings, enabled: reachable },
      { id: 'copy-address', label: t.copyAddress, enabled: running && input.serverAddress !== null },
      {
        id: 'toggle-server',
        label: running ? t.stop : t.start,
        enabled: running || state.kind === 'stopped' || state.kind === 'error',
      },
      {
        id: 'pause-notifications',
        label: t.pause,
        enabled: notificationsOn,
        checked: notificationsOn && input.notificationsPaused,
      },
      // Installing restarts the app: only on the manager's word, never by itself (update-policy.ts).
      ...(update.kind === 'downloaded' ? [{ id: 'install-update' as const, label: installUpdateLabel(update.version, input.language), enabled: true }] : []),
      { id: 'quit', label: t.quit, enabled: true },
    ],
  };
}

function serverStatusText(state: ServerState, t: (typeof TEXT)[Language]): string {
  switch (state.kind) {
    case 'starting':
      return t.starting;
    case 'running':
      return t.running;
    case 'stopping':
      return t.stopping;
    case 'stopped':
      return t.stopped;
    case 'error':
      // The error's own words are in the log; the tray says what happened in the till's language.
      return state.portInUse !== null ? t.portInUse(state.portInUse) : t.failed;
  }
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
