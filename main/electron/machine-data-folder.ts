import path from 'node:path';
import { APP_NAME } from '../core/data-dir.js';

/**
 * One till per machine (issue 18; not wired yet — the rule the per-machine install will follow).
 * The NSIS installer installs for every Windows user (`perMachine: true`), but Electron's userData is
 * per user (`%APPDATA%`): two cashier accounts would get two ledgers. A per-machine install keeps
 * its data in `%ProgramData%\GetMeBack Till` instead, and moves a per-user folder there once.
 */

export interface InstallFacts {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** `process.execPath` */
  execPath: string;
  env: NodeJS.ProcessEnv;
}

/** Installed under Program Files: that is where the per-machine NSIS installer puts the app. */
export function isPerMachineInstall(facts: InstallFacts): boolean {
  if (facts.platform !== 'win32' || !facts.isPackaged) return false;
  const exe = path.win32.normalize(facts.execPath).toLowerCase();
  return [facts.env.ProgramFiles, facts.env.ProgramW6432, facts.env['ProgramFiles(x86)']]
    .filter((dir): dir is string => typeof dir === 'string' && dir !== '')
    .some((dir) => exe.startsWith(`${path.win32.normalize(dir).toLowerCase().replace(/\\+$/, '')}\\`));
}

/** The till's data folder: GMB_DATA_DIR wins (resolved elsewhere); a per-machine install uses ProgramData; else userData. */
export function machineDataFolder(facts: InstallFacts, userData: string): string {
  if (!isPerMachineInstall(facts)) return userData;
  return path.win32.join(facts.env.ProgramData || facts.env.ALLUSERSPROFILE || 'C:\\ProgramData', APP_NAME);
}

export interface FolderFacts {
  /** The files of the folder, by name (`till.db`, `settings.json`, …); null when it does not exist. */
  files: readonly string[] | null;
}

/** The files that make a till: its ledger (with SQLite's write-ahead log) and its settings. */
const TILL_FILES = ['till.db', 'till.db-wal', 'till.db-shm', 'settings.json'];

export type MigrationPlan =
  | { kind: 'none' }
  /** Copy these files into the machine folder before the database is opened; the old folder stays as it was, as a backup. */
  | { kind: 'copy'; files: string[] }
  /** Both folders hold a ledger: the machine one is used, and the manager is told where the other is. */
  | { kind: 'conflict'; reason: string };

export function migrationPlan(perUser: FolderFacts, machine: FolderFacts): MigrationPlan {
  const userHas = perUser.files?.includes('till.db') ?? false;
  const machineHas = machine.files?.includes('till.db') ?? false;
  if (!userHas) return { kind: 'none' };
  if (machineHas) return { kind: 'conflict', reason: 'both the user’s folder and the machine folder hold a till.db: the machine one is used, the other is left untouched' };
  return { kind: 'copy', files: TILL_FILES.filter((file) => perUser.files?.includes(file)) };
}
