import path from 'node:path';
import { APP_NAME } from '../core/data-dir.js';

/**
 * One till per machine (issue 18). The NSIS installer installs for every Windows user
 * (`perMachine: true`), but Electron's userData is per user (`%APPDATA%`): two cashier accounts would
 * get two ledgers. A per-machine install keeps its data in `%ProgramData%\GetMeBack Till` instead
 * (created by the installer with modify rights for Users), and moves a per-user folder there once.
 */

/** Written by the per-machine installer (assets/installer.nsh) into the app's `resources` folder. */
export const PER_MACHINE_MARKER = 'per-machine-install';

export interface InstallFacts {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** `process.execPath` */
  execPath: string;
  env: NodeJS.ProcessEnv;
  /** Whether `resources/per-machine-install` exists beside the app; asked only for a packed Windows app. */
  markerPresent: () => boolean;
}

/**
 * A per-machine install: the installer's marker is there (any folder the manager chose), or — for a
 * build from before the marker — the app runs from under Program Files, where only the per-machine
 * installer puts it (a per-user install goes to `%LOCALAPPDATA%\Programs`).
 */
export function isPerMachineInstall(facts: InstallFacts): boolean {
  if (facts.platform !== 'win32' || !facts.isPackaged) return false;
  if (facts.markerPresent()) return true;
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

/**
 * The files that make a till: its ledger with SQLite's write-ahead log, its key and its settings.
 * Not `till.db-shm`: SQLite rebuilds that index from the log when it opens the ledger.
 */
export const TILL_FILES = ['till.db', 'till.db-wal', 'till.key', 'settings.json'] as const;

/** Left in the per-user folder once it has been dealt with: it names the machine folder, and the move is never tried again. */
export const MOVED_MARKER = 'moved-to-machine-folder.txt';

export type MigrationPlan =
  | { kind: 'none' }
  /** Copy these files into the machine folder before the database is opened; the old folder stays as it was, as a backup. */
  | { kind: 'copy'; files: string[] }
  /** Both folders hold a ledger: the machine one is used, and the manager is told where the other is. */
  | { kind: 'conflict'; reason: string };

export function migrationPlan(perUser: FolderFacts, machine: FolderFacts): MigrationPlan {
  const userHas = perUser.files?.includes('till.db') ?? false;
  const machineHas = machine.files?.includes('till.db') ?? false;
  if (!userHas || perUser.files?.includes(MOVED_MARKER)) return { kind: 'none' };
  if (machineHas) return { kind: 'conflict', reason: 'both the user’s folder and the machine folder hold a till.db: the machine one is used, the other is left untouched' };
  return { kind: 'copy', files: TILL_FILES.filter((file) => perUser.files?.includes(file)) };
}
