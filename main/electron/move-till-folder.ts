import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readTillKeyFile, writeTillKeyFile, type KeyWrapper } from '../core/waiters/till-key.js';
import { migrationPlan, MOVED_MARKER, type FolderFacts } from './machine-data-folder.js';

export type MoveOutcome = { kind: 'none' } | { kind: 'moved'; files: string[] } | { kind: 'conflict'; perUserFolder: string };

/**
 * Moves a per-user till into the machine folder once, before its database is opened (issue 18):
 * each file is copied under a temporary name and renamed into place, the ledger last, so a move cut
 * short by a power cut leaves no ledger in the machine folder and is simply done again. The per-user
 * folder is left as it was, as a backup, with a note naming the machine folder (and the move is not
 * tried again). The till's key, wrapped with this Windows user's DPAPI, is written plain: another
 * user's DPAPI could not unwrap it (the folder's ACL protects it instead).
 */
export function moveTillToMachineFolder(perUserFolder: string, machineFolder: string, keyWrapper: KeyWrapper | undefined, now: Date = new Date()): MoveOutcome {
  if (path.resolve(perUserFolder) === path.resolve(machineFolder)) return { kind: 'none' };
  const plan = migrationPlan(folderFacts(perUserFolder), folderFacts(machineFolder));
  if (plan.kind === 'none') return plan;
  if (plan.kind === 'conflict') {
    note(perUserFolder, `Not moved on ${now.toISOString()}: ${machineFolder} already held a till.db, which GetMeBack Till uses. This folder is left as it was.\n`);
    return { kind: 'conflict', perUserFolder };
  }
  mkdirSync(machineFolder, { recursive: true });
  const ledgerLast = [...plan.files.filter((file) => file !== 'till.db'), ...plan.files.filter((file) => file === 'till.db')];
  for (const file of ledgerLast) {
    const from = path.join(perUserFolder, file);
    const to = path.join(machineFolder, file);
    if (file === 'till.key') {
      writeTillKeyFile(to, readTillKeyFile(from, keyWrapper));
      continue;
    }
    const moving = `${to}.moving`;
    copyFileSync(from, moving);
    renameSync(moving, to);
  }
  note(perUserFolder, `Moved on ${now.toISOString()} to ${machineFolder} (one till for every Windows user). This folder is an old copy, kept as a backup.\n`);
  return { kind: 'moved', files: ledgerLast };
}

function folderFacts(folder: string): FolderFacts {
  return { files: existsSync(folder) ? readdirSync(folder) : null };
}

function note(folder: string, text: string): void {
  writeFileSync(path.join(folder, MOVED_MARKER), text);
}
