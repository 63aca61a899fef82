import path from 'node:path';
import { HIDDEN_FLAG, loginItemSettings } from './launch-plan.js';

/** The file name of the till's XDG autostart entry (`~/.config/autostart/…`). */
export const XDG_AUTOSTART_FILE = 'getmeback-till.desktop';

export type AutostartPlan =
  /** Windows and macOS: the OS's login item, through `app.setLoginItemSettings`. */
  | { kind: 'login-item'; settings: { openAtLogin: boolean; args: string[] } }
  /** Linux: `setLoginItemSettings` does nothing there; desktops start what `~/.config/autostart` lists. */
  | { kind: 'xdg-entry'; file: string; contents: string | null }
  /** Nothing to register with the OS, and why (for the log). */
  | { kind: 'none'; reason: string };

export interface AutostartMachine {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  home: string;
  /** The running executable (`process.execPath`). */
  execPath: string;
}

/**
 * What autostart means on this machine, applied at every start of the app (so a login item that
 * went missing or points at an old install is put right) and whenever the setting changes.
 * `contents: null` removes the entry.
 */
export function autostartPlan(enabled: boolean, machine: AutostartMachine): AutostartPlan {
  // An unpackaged app would register the bare Electron binary, which opens nothing at login.
  if (!machine.isPackaged) return { kind: 'none', reason: 'autostart is saved but only registered with the OS by the installed app' };
  if (machine.platform === 'win32' || machine.platform === 'darwin') return { kind: 'login-item', settings: loginItemSettings(enabled) };
  if (machine.platform !== 'linux') return { kind: 'none', reason: `autostart is not supported on ${machine.platform}` };
  const configHome = machine.env.XDG_CONFIG_HOME && path.isAbsolute(machine.env.XDG_CONFIG_HOME) ? machine.env.XDG_CONFIG_HOME : path.join(machine.home, '.config');
  const file = path.join(configHome, 'autostart', XDG_AUTOSTART_FILE);
  // An AppImage runs from a temporary mount: the file to start at login is the AppImage itself.
  const executable = machine.env.APPIMAGE || machine.execPath;
  return { kind: 'xdg-entry', file, contents: enabled ? xdgAutostartEntry(executable) : null };
}

/** A Desktop Entry (freedesktop.org) that starts the till in the tray at login. */
export function xdgAutostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=GetMeBack Till',
    'Name[ru]=GetMeBack Till',
    'Comment=GetMeBack loyalty for iikoWaiter on the main till',
    `Exec=${quoteExec(executable)} ${HIDDEN_FLAG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** The Exec key's quoting rules: a path with spaces or reserved characters goes in double quotes, escaped. */
function quoteExec(argument: string): string {
  if (!/[\s"'\\$`<>~|&;*?#()%]/.test(argument)) return argument;
  return `"${argument.replace(/[\\"`$]/g, (char) => `\\${char}`)}"`.replace(/%/g, '%%');
}
