import { describe, expect, it } from 'vitest';
import { isPerMachineInstall, machineDataFolder, migrationPlan, MOVED_MARKER } from './machine-data-folder.js';

const windows = {
  platform: 'win32' as const,
  isPackaged: true,
  execPath: 'C:\\Program Files\\GetMeBack Till\\GetMeBack Till.exe',
  env: { ProgramFiles: 'C:\\Program Files', ProgramData: 'C:\\ProgramData' },
  markerPresent: () => false,
};
const userData = 'C:\\Users\\kassa1\\AppData\\Roaming\\GetMeBack Till';

describe('machineDataFolder', () => {
  it('keeps a per-machine install’s data in ProgramData: one ledger for every cashier account', () => {
    expect(isPerMachineInstall(windows)).toBe(true);
    expect(machineDataFolder(windows, userData)).toBe('C:\\ProgramData\\GetMeBack Till');
    expect(machineDataFolder({ ...windows, execPath: 'c:\\program files\\GetMeBack Till\\GetMeBack Till.exe' }, userData)).toBe('C:\\ProgramData\\GetMeBack Till');
  });

  it('keeps userData for a per-user install, an unpackaged run and other systems', () => {
    expect(machineDataFolder({ ...windows, execPath: 'C:\\Users\\kassa1\\AppData\\Local\\Programs\\GetMeBack Till\\GetMeBack Till.exe' }, userData)).toBe(userData);
    expect(machineDataFolder({ ...windows, isPackaged: false }, userData)).toBe(userData);
    expect(machineDataFolder({ ...windows, platform: 'linux', execPath: '/opt/GetMeBack Till/getmeback-till' }, '/home/k/.config/GetMeBack Till')).toBe('/home/k/.config/GetMeBack Till');
  });

  it('knows a per-machine install in a folder the manager chose by the installer’s marker', () => {
    const chosen = { ...windows, execPath: 'D:\\Till\\GetMeBack Till.exe' };
    expect(isPerMachineInstall(chosen)).toBe(false);
    expect(machineDataFolder({ ...chosen, markerPresent: () => true }, userData)).toBe('C:\\ProgramData\\GetMeBack Till');
    // The marker is asked about only for a packed Windows app (process.resourcesPath exists only there).
    const asked: string[] = [];
    isPerMachineInstall({ ...windows, platform: 'linux', markerPresent: () => (asked.push('linux'), true) });
    isPerMachineInstall({ ...windows, isPackaged: false, markerPresent: () => (asked.push('unpacked'), true) });
    expect(asked).toEqual([]);
  });

  it('does not take a folder that only starts like Program Files for it', () => {
    expect(isPerMachineInstall({ ...windows, execPath: 'C:\\Program Files Extra\\GetMeBack Till.exe' })).toBe(false);
  });
});

describe('migrationPlan', () => {
  it('copies an existing per-user till (ledger, its WAL, settings) into the empty machine folder', () => {
    expect(migrationPlan({ files: ['till.db', 'till.db-wal', 'till.db-shm', 'till.key', 'settings.json', 'logs'] }, { files: null })).toEqual({
      kind: 'copy',
      files: ['till.db', 'till.db-wal', 'till.key', 'settings.json'],
    });
  });

  it('does nothing without a per-user ledger, and never overwrites a machine ledger', () => {
    expect(migrationPlan({ files: null }, { files: null })).toEqual({ kind: 'none' });
    expect(migrationPlan({ files: ['settings.json'] }, { files: [] })).toEqual({ kind: 'none' });
    expect(migrationPlan({ files: ['till.db'] }, { files: ['till.db'] }).kind).toBe('conflict');
  });

  it('never moves a folder twice: the note left after a move (or a conflict) ends it', () => {
    expect(migrationPlan({ files: ['till.db', MOVED_MARKER] }, { files: null })).toEqual({ kind: 'none' });
    expect(migrationPlan({ files: ['till.db', MOVED_MARKER] }, { files: ['till.db'] })).toEqual({ kind: 'none' });
  });
});
