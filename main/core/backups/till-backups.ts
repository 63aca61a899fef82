import { readdirSync, rmSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { BackupSettings } from '../../../shared/settings/schema.js';
import type { Clock } from '../clock.js';
import type { EventBus } from '../events/event-bus.js';
import { BACKUP_FILE, BACKUP_FOLDER, backUpDatabase, backupFileName, backupNumberOf, copyBackup, nextBackupNumber, type BackupProgress } from '../ledger/backup.js';
import type { TillDatabase } from '../ledger/database.js';
import { ensurePrivateFolder } from '../ledger/private-files.js';
import type { Logger } from '../logger.js';
import type { StorageWatch } from '../storage/storage-watch.js';

export interface LastBackup {
  at: string;
  file: string;
  sizeBytes: number;
}

export interface TillBackupsDeps {
  db: TillDatabase;
  dataDir: string;
  settings: () => { backups: BackupSettings };
  events: EventBus;
  clock: Clock;
  logger: Logger;
  /** Told when the backup failed for the disk (full, read-only): the cashier hears of it once. */
  storage?: StorageWatch;
}

const DAY_MS = 86_400_000;
/** How often the till looks whether its daily backup is due. */
const DUE_CHECK_MS = 3_600_000;
/** After a failed backup the next try waits this long. */
const RETRY_AFTER_FAILURE_MS = 6 * 3_600_000;

/** A backup was asked for while one is being written. */
export class BackupRunning extends Error {
  constructor() {
    super('a backup is already being written');
    this.name = 'BackupRunning';
  }
}

/**
 * The till's backups: a verified online copy of till.db into `<data dir>/backups/` (and the second
 * folder when one is set) each day, at a clean shutdown, and on demand; the newest `keep` are kept
 * in each folder. A failing backup never stops the till: it becomes a `backup.failed` event (the
 * feed, the tray) and a log line.
 */
export class TillBackups {
  private timer: NodeJS.Timeout | null = null;
  private last: LastBackup | null = null;
  private failedAt: string | null = null;
  private running: Promise<LastBackup | null> | null = null;

  constructor(private readonly deps: TillBackupsDeps) {
    this.last = this.newestOnDisk();
  }

  get folder(): string {
    return path.join(this.deps.dataDir, BACKUP_FOLDER);
  }

  lastBackup(): LastBackup | null {
    return this.last;
  }

  /** When a backup last failed since the till started (null: none has). */
  lastFailure(): string | null {
    return this.failedAt;
  }

  /** Backs up now; one at a time (a second call while one runs waits for it). */
  async backUp(reason: 'daily' | 'shutdown' | 'manual', onProgress?: (progress: BackupProgress) => void): Promise<LastBackup | null> {
    this.running ??= this.run(reason, onProgress).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Whether a backup (daily, at shutdown or asked for) is being written now. */
  get busy(): boolean {
    return this.running !== null;
  }

  /**
   * The backup the cashier asked for from the dashboard, telling each step: refused with
   * `BackupRunning` while another runs (its progress belongs to whoever started it).
   */
  async backUpNow(onProgress: (progress: BackupProgress) => void): Promise<LastBackup | null> {
    if (this.running) throw new BackupRunning();
    return this.backUp('manual', onProgress);
  }

  /**
   * A backup each day: every hour (a timer that never keeps the process alive) the till takes one
   * when its newest is a day old. Not a timer of a day from the start: a till switched on in the
   * morning and off at night never ran a whole day, and a Windows shutdown leaves no time for the
   * shutdown backup (the desktop shell then closes the core at once, without one) — it had none at all.
   */
  startDaily(dayMs = DAY_MS, checkEveryMs = DUE_CHECK_MS): void {
    this.stopDaily();
    this.timer = setInterval(() => {
      if (this.dailyDue(dayMs)) void this.backUp('daily');
    }, checkEveryMs);
    this.timer.unref();
  }

  /**
   * Whether a daily backup is due: none written yet, the newest a day old or more, or dated ahead of
   * the clock (set back since). Not within 6 hours of a failed one: a full disk is told once a spell,
   * not every hour.
   */
  dailyDue(dayMs = DAY_MS): boolean {
    if (this.running) return false;
    const now = this.deps.clock.now().getTime();
    if (this.failedAt !== null && now - Date.parse(this.failedAt) < RETRY_AFTER_FAILURE_MS && now >= Date.parse(this.failedAt)) return false;
    if (this.last === null) return true;
    const age = now - Date.parse(this.last.at);
    return age >= dayMs || age < 0;
  }

  stopDaily(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async run(reason: string, onProgress?: (progress: BackupProgress) => void): Promise<LastBackup | null> {
    const { backups } = this.deps.settings();
    const at = this.deps.clock.now();
    // Numbered past every backup in both folders: the second folder may hold newer ones than the
    // first (a first folder emptied by hand).
    const name = backupFileName(at, reason, nextBackupNumber([this.folder, ...(backups.secondFolder ? [backups.secondFolder] : [])]));
    let target = this.folder;
    try {
      ensurePrivateFolder(target);
      const file = path.join(target, name);
      const sizeBytes = await backUpDatabase(this.deps.db, file, onProgress, this.checkedHere(file));
      pruneOldBackups(target, backups.keep, name);
      this.last = { at: at.toISOString(), file, sizeBytes };
      if (backups.secondFolder) {
        target = backups.secondFolder;
        ensurePrivateFolder(target);
        const copy = path.join(target, name);
        // Checked like the backup: a copy cut short (a full USB disk) fails here, not at a restore.
        await copyBackup(file, copy, this.checkedHere(copy));
        pruneOldBackups(target, backups.keep, name);
      }
      this.deps.logger.info({ file, sizeBytes, reason }, 'backup written');
      return this.last;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.failedAt = at.toISOString();
      this.deps.logger.error({ err: error, folder: target, reason }, 'backup failed');
      this.deps.storage?.report(error, 'work');
      // A full disk cannot keep this event in the feed; it still reaches the screen and the tray.
      this.deps.events.tell('backup.failed', { reason, folder: target, message });
      return null;
    }
  }

  /** Told when a copy's check ran on the event loop after all (no worker). */
  private checkedHere(file: string): (why: string) => void {
    return (why) => this.deps.logger.warn({ file, why }, 'the backup was checked on the event loop: the waiters waited for it');
  }

  private newestOnDisk(): LastBackup | null {
    const newest = backupsIn(this.folder).at(-1);
    if (!newest) return null;
    const file = path.join(this.folder, newest.name);
    return { at: newest.at, file, sizeBytes: newest.sizeBytes };
  }
}

/**
 * The backups in a folder in the order they were written, oldest first: by the number in their
 * names (ledger/backup.ts), which the clock cannot reorder. Backups named before the numbers come
 * first, by when each file was written and then by name (FAT keeps times to two seconds).
 */
export function backupsIn(folder: string): { name: string; at: string; sizeBytes: number }[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && BACKUP_FILE.test(entry.name))
    .map((entry) => ({ name: entry.name, number: backupNumberOf(entry.name), stats: statsOf(path.join(folder, entry.name)) }))
    .sort((a, b) => a.number - b.number || a.stats.modifiedMs - b.stats.modifiedMs || (a.name < b.name ? -1 : 1))
    .map(({ name, stats }) => {
      const [, date = '', time = ''] = /^till-(\d{8})-(\d{6})/.exec(name) ?? [];
      const at = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.000Z`;
      return { name, at, sizeBytes: stats.size };
    });
}

function statsOf(file: string): { size: number; modifiedMs: number } {
  try {
    const stats = statSync(file);
    return { size: stats.size, modifiedMs: stats.mtimeMs };
  } catch {
    return { size: 0, modifiedMs: 0 };
  }
}

/**
 * Keeps the newest `keep` backups in the folder (newest as written: `backupsIn`), `written` (the
 * one just written) always among them: it is already reported as made.
 */
export function pruneOldBackups(folder: string, keep: number, written?: string): number {
  const all = backupsIn(folder);
  const others = all.filter((backup) => backup.name !== written);
  const room = Math.max(0, keep - (all.length - others.length));
  const old = others.slice(0, Math.max(0, others.length - room));
  for (const { name } of old) rmSync(path.join(folder, name), { force: true });
  // Left by a backup cut short, or beside every backup of versions before 0.1.0's worker check (its
  // copy's WAL and shared-memory files): no backup is under way while one prunes, so none is in use.
  for (const name of readdirSync(folder)) if (LEFT_BY_A_COPY.test(name)) rmSync(path.join(folder, name), { force: true });
  return old.length;
}

/** What a backup's temporary copy leaves if it is not cleaned up: the copy itself, its WAL and shared memory. */
const LEFT_BY_A_COPY = /^till-\d{8}-\d{6}-[a-z0-9-]+\.db\.partial(?:-wal|-shm|-journal)?$/;
