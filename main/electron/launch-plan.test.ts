import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIDDEN_FLAG, desktopDataDir, launchDataFolder, loginItemSettings, startsHidden } from './launch-plan.js';

describe('startsHidden', () => {
  it('starts in the tray only when launched at login with autostart on', () => {
    expect(startsHidden({ argv: ['GetMeBack Till.exe', HIDDEN_FLAG], autostart: true, openedAtLogin: false })).toBe(true);
    expect(startsHidden({ argv: ['GetMeBack Till'], autostart: true, openedAtLogin: true })).toBe(true);
  });

  it('shows the window for a double-click, and for a stale login item after autostart was turned off', () => {
    expect(startsHidden({ argv: ['GetMeBack Till.exe'], autostart: true, openedAtLogin: false })).toBe(false);
    expect(startsHidden({ argv: ['GetMeBack Till.exe', HIDDEN_FLAG], autostart: false, openedAtLogin: false })).toBe(false);
  });
});

describe('loginItemSettings', () => {
  it('registers the login item with the hidden flag, and removes it when autostart is off', () => {
    expect(loginItemSettings(true)).toEqual({ openAtLogin: true, args: ['--hidden'] });
    expect(loginItemSettings(false)).toEqual({ openAtLogin: false, args: ['--hidden'] });
  });
});

describe('desktopDataDir', () => {
  it('uses Electron’s userData unless GMB_DATA_DIR names another folder', () => {
    expect(desktopDataDir({}, '/home/till/.config/GetMeBack Till', '/tmp')).toBe('/home/till/.config/GetMeBack Till');
    expect(desktopDataDir({ GMB_DATA_DIR: '/srv/till' }, '/home/till/.config/GetMeBack Till', '/tmp')).toBe('/srv/till');
    expect(desktopDataDir({ GMB_DATA_DIR: '' }, '/u', '/tmp')).toBe('/u');
  });

  it('makes a relative GMB_DATA_DIR absolute from the folder the app was started in (app.setPath refuses relative paths)', () => {
    const dir = desktopDataDir({ GMB_DATA_DIR: 'till-data' }, '/u', '/home/dev/getmeback-till');
    expect(dir).toBe(path.resolve('/home/dev/getmeback-till', 'till-data'));
    expect(path.isAbsolute(dir)).toBe(true);
  });
});

describe('launchDataFolder', () => {
  const install = {
    platform: 'win32' as const,
    isPackaged: true,
    execPath: 'C:\\Program Files\\GetMeBack Till\\GetMeBack Till.exe',
    env: { ProgramFiles: 'C:\\Program Files', ProgramData: 'C:\\ProgramData' },
    markerPresent: () => true,
  };
  const userData = 'C:\\Users\\kassa1\\AppData\\Roaming\\GetMeBack Till';

  it('is the machine folder for the per-machine install, and says so (the per-user till is moved there)', () => {
    expect(launchDataFolder(install, userData, 'C:\\')).toEqual({ dataDir: 'C:\\ProgramData\\GetMeBack Till', perMachine: true });
  });

  it('is GMB_DATA_DIR when set, even installed per machine: nothing is moved', () => {
    expect(launchDataFolder({ ...install, env: { ...install.env, GMB_DATA_DIR: '/srv/till' } }, userData, '/')).toEqual({ dataDir: '/srv/till', perMachine: false });
  });

  it('is userData for `npm start` and other systems', () => {
    expect(launchDataFolder({ ...install, isPackaged: false }, userData, '/')).toEqual({ dataDir: userData, perMachine: false });
  });
});
