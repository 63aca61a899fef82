import { homedir, platform } from 'node:os';
import path from 'node:path';

export const APP_NAME = 'GetMeBack Till';

/**
 * Where the till keeps its data when no --data-dir is given: the same folder Electron uses as the
 * app's userData, so the desktop app and the headless host share one database and one settings file.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, os: NodeJS.Platform = platform(), home = homedir()): string {
  if (env.GMB_DATA_DIR) return env.GMB_DATA_DIR;
  if (os === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (os === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export function logDirOf(dataDir: string): string {
  return path.join(dataDir, 'logs');
}
