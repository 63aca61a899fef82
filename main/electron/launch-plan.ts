import path from 'node:path';
import { isPerMachineInstall, machineDataFolder, type InstallFacts } from './machine-data-folder.js';

/** The flag the login item passes, so a till that boots in the morning starts in the tray. */
export const HIDDEN_FLAG = '--hidden';

/**
 * GMB_DATA_DIR when set (tests, a second till profile), else Electron's userData: the headless host's
 * default too. A relative GMB_DATA_DIR is taken from the folder the app was started in, as the
 * headless host does: Electron's `app.setPath` throws on a relative path.
 */
export function desktopDataDir(env: NodeJS.ProcessEnv, userData: string, cwd: string): string {
  return env.GMB_DATA_DIR ? path.resolve(cwd, env.GMB_DATA_DIR) : userData;
}

/**
 * The till's data folder for this launch, and whether it is the machine's folder a per-user till is
 * moved into: GMB_DATA_DIR when set; `%ProgramData%\GetMeBack Till` for the per-machine install;
 * else Electron's per-user userData.
 */
export function launchDataFolder(install: InstallFacts, userData: string, cwd: string): { dataDir: string; perMachine: boolean } {
  const perMachine = !install.env.GMB_DATA_DIR && isPerMachineInstall(install);
  return { dataDir: desktopDataDir(install.env, machineDataFolder(install, userData), cwd), perMachine };
}

/**
 * Electron's userData for this launch. The till's own data folder, so that a till on another data
 * folder is another till for the single-instance lock — but not the machine's folder of a per-machine
 * install: userData holds Chromium's profile, the key safeStorage encrypts with (Windows keeps it in
 * `<userData>\Local State`, wrapped for the user) and the single-instance lock file. Pointed at the
 * shared folder, the user's key there is a new one, and the per-user `till.key` it wrapped before
 * cannot be unwrapped to move the till (every start failed); and a second Windows user's launch
 * found the lock file open and quit without a word, where the data folder's own lock shows a box.
 */
export function electronUserData(launch: { dataDir: string; perMachine: boolean }, perUserFolder: string): string {
  return launch.perMachine ? perUserFolder : launch.dataDir;
}

/**
 * Whether this launch shows only the tray icon. Only a launch by the OS at login does: the login
 * item adds `--hidden` on Windows and Linux, macOS says so itself. A cashier who double-clicks the
 * icon always gets the window, even with autostart on.
 */
export function startsHidden(launch: { argv: readonly string[]; autostart: boolean; openedAtLogin: boolean }): boolean {
  return launch.autostart && (launch.openedAtLogin || launch.argv.includes(HIDDEN_FLAG));
}

/** The login item for `app.setLoginItemSettings`: on or off, always with the flag that hides the window. */
export function loginItemSettings(autostart: boolean): { openAtLogin: boolean; args: string[] } {
  return { openAtLogin: autostart, args: [HIDDEN_FLAG] };
}
