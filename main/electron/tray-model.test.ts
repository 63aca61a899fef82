import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings/schema.js';
import type { ServerState } from './server-state.js';
import { TOOLTIP_LIMIT, trayModel, type TrayInput, type TrayItemId } from './tray-model.js';

const running: ServerState = { kind: 'running', host: '0.0.0.0', port: 3000, localUrl: 'http://127.0.0.1:3000' };
const address = 'http://192.168.1.10:3000/GetMeBack';

function input(overrides: Partial<TrayInput> = {}): TrayInput {
  return {
    serverState: running,
    providerStatus: { provider: 'local', online: true, lastError: null, trouble: null, parked: 0, outbox: 0 },
    settings: DEFAULT_SETTINGS,
    serverAddress: address,
    notificationsPaused: false,
    language: 'ru',
    update: { kind: 'up-to-date', checkedAt: '2026-12-02T09:00:00.000Z' },
    ...overrides,
  };
}

const item = (model: ReturnType<typeof trayModel>, id: TrayItemId) => {
  const found = model.items.find((entry) => entry.id === id);
  if (!found) throw new Error(`no tray item ${id}`);
  return found;
};

describe('trayModel', () => {
  it('shows a running till in Russian with every action available and the Server Address in the tooltip', () => {
    const model = trayModel(input());
    expect(model.icon).toBe('running');
    expect(model.tooltip).toBe(`GetMeBack Till\nСервер для iikoWaiter работает\n${address}`);
    expect(model.items.map((entry) => entry.id)).toEqual([
      'status',
      'open-dashboard',
      'open-settings',
      'copy-address',
      'toggle-server',
      'pause-notifications',
      'quit',
    ]);
    expect(item(model, 'status')).toEqual({ id: 'status', label: 'Сервер для iikoWaiter работает', enabled: false });
    expect(item(model, 'toggle-server')).toEqual({ id: 'toggle-server', label: 'Остановить сервер для iikoWaiter', enabled: true });
    expect(item(model, 'pause-notifications')).toEqual({ id: 'pause-notifications', label: 'Приостановить уведомления', enabled: true, checked: false });
    for (const id of ['open-dashboard', 'open-settings', 'copy-address', 'quit'] as const) expect(item(model, id).enabled).toBe(true);
  });

  it('speaks English when the setting says so', () => {
    const model = trayModel(input({ language: 'en' }));
    expect(model.tooltip.split('\n').slice(0, 2)).toEqual(['GetMeBack Till', 'Server for iikoWaiter running']);
    expect(item(model, 'open-dashboard').label).toBe('Open GetMeBack Till');
    expect(item(model, 'copy-address').label).toBe('Copy the Server Address');
    expect(item(model, 'quit').label).toBe('Quit');
  });

  it('offers only "start" and "quit" when the server is stopped: the dashboard lives on the server', () => {
    const model = trayModel(input({ serverState: { kind: 'stopped' }, serverAddress: null }));
    expect(model.icon).toBe('stopped');
    expect(item(model, 'toggle-server')).toMatchObject({ label: 'Запустить сервер для iikoWaiter', enabled: true });
    expect(item(model, 'open-dashboard').enabled).toBe(false);
    expect(item(model, 'open-settings').enabled).toBe(false);
    expect(item(model, 'copy-address').enabled).toBe(false);
    expect(model.tooltip).not.toContain('http://');
  });

  it('names the busy port when the server could not start, with the error icon', () => {
    const model = trayModel(input({ serverState: { kind: 'error', portInUse: 3000, message: 'Port 3000 is already used by another program', localUrl: null }, serverAddress: null }));
    expect(model.icon).toBe('error');
    expect(item(model, 'open-settings').enabled).toBe(false);
    expect(item(model, 'status').label).toBe('Порт 3000 занят другой программой');
    expect(item(model, 'toggle-server')).toMatchObject({ label: 'Запустить сервер для iikoWaiter', enabled: true });
    const english = trayModel(input({ language: 'en', serverState: { kind: 'error', portInUse: null, message: 'EACCES', localUrl: null }, serverAddress: null }));
    // The error's own words (often English) stay in the log.
    expect(item(english, 'status').label).toBe('Server for iikoWaiter did not start (details in the log)');
    const russian = trayModel(input({ serverState: { kind: 'error', portInUse: null, message: 'EACCES', localUrl: null }, serverAddress: null }));
    expect(item(russian, 'status').label).toBe('Сервер для iikoWaiter не запустился (подробности в журнале)');
  });

  it('with its port taken but a loopback fallback open, still offers the dashboard and settings (the way to pick another port)', () => {
    const model = trayModel(input({ serverState: { kind: 'error', portInUse: 3000, message: 'Port 3000 is already used by another program', localUrl: 'http://127.0.0.1:41234' }, serverAddress: null }));
    expect(model.icon).toBe('error');
    expect(item(model, 'open-dashboard').enabled).toBe(true);
    expect(item(model, 'open-settings').enabled).toBe(true);
    expect(item(model, 'copy-address').enabled).toBe(false);
  });

  it('lets nobody press start or stop again while the server is starting or stopping', () => {
    for (const kind of ['starting', 'stopping'] as const) {
      const model = trayModel(input({ serverState: { kind }, serverAddress: null }));
      expect(model.icon).toBe('stopped');
      expect(item(model, 'toggle-server').enabled).toBe(false);
    }
  });

  it('turns amber when the loyalty programme is offline and says how much waits to be sent', () => {
    const model = trayModel(input({ providerStatus: { provider: 'cloud', online: false, lastError: 'timeout', trouble: 'unreachable', parked: 0, outbox: 3 } }));
    expect(model.icon).toBe('offline');
    expect(item(model, 'status').label).toBe('Сервер для iikoWaiter работает · Нет связи с облаком GetMeBack');
    expect(model.tooltip).toContain('ждут отправки: 3');
    expect(item(model, 'open-dashboard').enabled).toBe(true);
    // A day's backlog in the language's format (before: «12500»).
    const backlog = trayModel(input({ providerStatus: { provider: 'cloud', online: false, lastError: 'timeout', trouble: 'unreachable', parked: 0, outbox: 12_500 } }));
    expect(backlog.tooltip).toContain('ждут отправки: 12\u00a0500');
  });

  it('lets a stopped server outrank an offline provider', () => {
    const model = trayModel(input({ serverState: { kind: 'stopped' }, serverAddress: null, providerStatus: { provider: 'cloud', online: false, lastError: null, trouble: 'unreachable', parked: 0, outbox: 0 } }));
    expect(model.icon).toBe('stopped');
  });

  it('ticks the pause box while paused and greys it out when notifications are off in the settings', () => {
    const paused = trayModel(input({ notificationsPaused: true }));
    expect(item(paused, 'pause-notifications')).toMatchObject({ checked: true, enabled: true });
    expect(paused.tooltip).toContain('уведомления на паузе');
    const off: Settings = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, enabled: false } };
    expect(item(trayModel(input({ settings: off, notificationsPaused: true })), 'pause-notifications')).toMatchObject({ checked: false, enabled: false });
  });

  it('cuts the tooltip to what Windows shows', () => {
    const long = `http://192.168.100.100:3000/${'Loyalty/'.repeat(20)}GetMeBack`;
    const model = trayModel(input({ serverAddress: long, notificationsPaused: true }));
    expect(model.tooltip.length).toBe(TOOLTIP_LIMIT);
    expect(model.tooltip.endsWith('…')).toBe(true);
  });

  it('offers to install a downloaded update only on the manager’s click, and says when an update failed', () => {
    expect(trayModel(input({ update: { kind: 'downloading', version: '0.2.0', percent: 50 } })).items.map((entry) => entry.id)).not.toContain('install-update');
    const ready = trayModel(input({ update: { kind: 'downloaded', version: '0.2.0' } }));
    expect(item(ready, 'install-update')).toEqual({ id: 'install-update', label: 'Установить обновление 0.2.0 (перезапуск)', enabled: true });
    expect(ready.items.at(-1)?.id).toBe('quit');
    expect(ready.tooltip).toContain('обновление 0.2.0 готово к установке');
    const refused = trayModel(input({ update: { kind: 'failed', stage: 'verify', version: '0.2.0', at: '2026-12-02T09:00:00.000Z' }, language: 'en' }));
    expect(refused.tooltip).toContain('update not installed');
    expect(refused.items.map((entry) => entry.id)).not.toContain('install-update');
  });
});
