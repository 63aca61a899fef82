import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import { APP_NAME } from '../core/data-dir.js';
import { machineDataFolder, PER_MACHINE_MARKER } from './machine-data-folder.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The NSIS include cannot run here (no Windows, no makensis): it is read and its rules checked. */
describe('the NSIS include (assets/installer.nsh)', () => {
  const script = readFileSync(path.join(root, 'assets/installer.nsh'), 'utf8');
  const macro = (name: string): string => {
    const match = new RegExp(`^!macro ${name}\\s*$([\\s\\S]*?)^!macroend`, 'm').exec(script);
    if (!match?.[1]) throw new Error(`no macro ${name}`);
    return match[1];
  };
  const defined = (name: string): string => new RegExp(`^!define ${name} "([^"]*)"`, 'm').exec(script)?.[1] ?? '';

  it('is the include electron-builder.yml names, and is not packed into the app', async () => {
    const config = await getConfig(root, null, null);
    expect(config.nsis?.include).toBe('assets/installer.nsh');
    expect(JSON.stringify(config.files)).toContain('"!assets/installer.nsh"');
  });

  it('on install, replaces the inbound rule: this program only, TCP on the default port, private networks', () => {
    const install = macro('customInstall');
    const lines = install.split('\n').map((line) => line.trim());
    const deleteAt = lines.findIndex((line) => line.includes('firewall delete rule name="${GMB_FIREWALL_RULE}"'));
    const addAt = lines.findIndex((line) => line.includes('firewall add rule'));
    expect(deleteAt).toBeGreaterThanOrEqual(0);
    expect(addAt).toBeGreaterThan(deleteAt);
    const add = lines[addAt] ?? '';
    for (const part of ['name="${GMB_FIREWALL_RULE}"', 'dir=in', 'action=allow', 'program="$INSTDIR\\${APP_EXECUTABLE_FILENAME}"', 'protocol=TCP', 'localport=${GMB_DEFAULT_PORT}', 'profile=private,domain']) {
      expect(add, part).toContain(part);
    }
    expect(add).not.toMatch(/profile=(any|public)|remoteip=/);
    expect(defined('GMB_DEFAULT_PORT')).toBe(String(DEFAULT_SETTINGS.server.port));
  });

  it('on uninstall, removes the same rule by name', () => {
    expect(macro('customUnInstall')).toContain('netsh advfirewall firewall delete rule name="${GMB_FIREWALL_RULE}"');
    expect(defined('GMB_FIREWALL_RULE')).toBe('GetMeBack Till (iikoWaiter)');
  });

  it('checks every command’s result off the stack and restores the register it borrows, so the installer’s stack stays balanced', () => {
    for (const name of ['customInstall', 'customUnInstall']) {
      const body = macro(name);
      expect(body.match(/nsExec::ExecToLog/g)?.length, name).toBe(body.match(/Pop \$0/g)?.length);
      expect(body.match(/Push \$1/g)?.length ?? 0, name).toBe(body.match(/Pop \$1/g)?.length ?? 0);
    }
  });

  it('makes the machine’s data folder in ProgramData, modifiable by every local user, where the app looks for it', () => {
    const install = macro('customInstall');
    expect(defined('GMB_DATA_FOLDER')).toBe(APP_NAME);
    expect(install).toContain('ExpandEnvStrings $1 "%PROGRAMDATA%"');
    expect(install).toContain('CreateDirectory "$1\\${GMB_DATA_FOLDER}"');
    const grant = install.split('\n').find((line) => line.includes('icacls')) ?? '';
    expect(grant).toContain('"$1\\${GMB_DATA_FOLDER}" /grant ${GMB_USERS_SID}:(OI)(CI)M');
    // The Users group by its SID: a Russian Windows calls it «Пользователи».
    expect(defined('GMB_USERS_SID')).toBe('*S-1-5-32-545');
    expect(machineDataFolder({ platform: 'win32', isPackaged: true, execPath: 'D:\\Till\\GetMeBack Till.exe', env: { ProgramData: 'C:\\ProgramData' }, markerPresent: () => true }, 'unused')).toBe(
      `C:\\ProgramData\\${defined('GMB_DATA_FOLDER')}`,
    );
    // Never removed on uninstall: it holds the till's database.
    expect(macro('customUnInstall')).not.toMatch(/RMDir|GMB_DATA_FOLDER/);
  });

  it('leaves the per-machine marker the app checks for in its resources folder', () => {
    const install = macro('customInstall');
    expect(defined('GMB_PER_MACHINE_MARKER')).toBe(PER_MACHINE_MARKER);
    expect(install).toContain('FileOpen $0 "$INSTDIR\\resources\\${GMB_PER_MACHINE_MARKER}" w');
    expect(install.indexOf('FileClose $0')).toBeGreaterThan(install.indexOf('FileOpen $0'));
  });
});
