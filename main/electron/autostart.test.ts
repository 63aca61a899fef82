import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartPlan, xdgAutostartEntry } from './autostart.js';

const linux = { platform: 'linux' as const, isPackaged: true, env: {}, home: '/home/kassa', execPath: '/opt/GetMeBack Till/getmeback-till' };

describe('autostartPlan', () => {
  it('uses the OS login item on Windows and macOS, with the flag that starts in the tray', () => {
    expect(autostartPlan(true, { ...linux, platform: 'win32' })).toEqual({ kind: 'login-item', settings: { openAtLogin: true, args: ['--hidden'] } });
    expect(autostartPlan(false, { ...linux, platform: 'darwin' })).toEqual({ kind: 'login-item', settings: { openAtLogin: false, args: ['--hidden'] } });
  });

  it('on Linux writes an XDG autostart entry (setLoginItemSettings does nothing there), and removes it when off', () => {
    const on = autostartPlan(true, linux);
    expect(on).toMatchObject({ kind: 'xdg-entry', file: path.join('/home/kassa/.config/autostart', 'getmeback-till.desktop') });
    expect(on.kind === 'xdg-entry' && on.contents).toContain('Exec="/opt/GetMeBack Till/getmeback-till" --hidden');
    expect(autostartPlan(false, linux)).toMatchObject({ kind: 'xdg-entry', contents: null });
  });

  it('follows XDG_CONFIG_HOME, and starts the AppImage file rather than its temporary mount', () => {
    const plan = autostartPlan(true, { ...linux, env: { XDG_CONFIG_HOME: '/cfg', APPIMAGE: '/home/kassa/GetMeBack-Till.AppImage' }, execPath: '/tmp/.mount_GetMeB/getmeback-till' });
    expect(plan).toMatchObject({ kind: 'xdg-entry', file: path.join('/cfg/autostart', 'getmeback-till.desktop') });
    expect(plan.kind === 'xdg-entry' && plan.contents).toContain('Exec=/home/kassa/GetMeBack-Till.AppImage --hidden');
  });

  it('registers nothing for an unpackaged run (it would start the bare Electron binary at login)', () => {
    expect(autostartPlan(true, { ...linux, isPackaged: false }).kind).toBe('none');
    expect(autostartPlan(true, { ...linux, platform: 'win32', isPackaged: false }).kind).toBe('none');
  });
});

describe('xdgAutostartEntry', () => {
  it('is a Desktop Entry of type Application, escaping what the Exec key reserves', () => {
    const entry = xdgAutostartEntry('/opt/till $1/app');
    expect(entry.split('\n')[0]).toBe('[Desktop Entry]');
    expect(entry).toContain('Type=Application');
    expect(entry).toContain('Exec="/opt/till \\$1/app" --hidden');
    expect(entry).toContain('Terminal=false');
  });
});
