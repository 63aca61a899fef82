import { closeSync, openSync, readFileSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import path from 'node:path';
import { formatDateTime } from '../../shared/i18n/numbers.js';

/**
 * One till per data folder, across Windows users (issue 18). Electron's single-instance lock is per
 * user: a second cashier account logged in at the same time would start a second till on the same
 * `%ProgramData%` folder and port. So the till also holds `till.lock` in its data folder: who holds
 * it (user, process, machine, since when), its modification time touched every HEARTBEAT_MS.
 *
 * A lock is stale — its till crashed or the machine lost power — when its process is gone (same
 * machine) or it has not been touched for STALE_AFTER_MS (a reused process id after a reboot). A
 * stale lock is taken over by one process only: the one that creates `till.lock.takeover` first,
 * and only if the lock it found stale is still the same file content when it holds that claim.
 */
export const LOCK_FILE = 'till.lock';
const TAKEOVER_FILE = `${LOCK_FILE}.takeover`;
export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 60_000;

export interface LockHolder {
  pid: number;
  /** The OS user that started that till. */
  user: string;
  host: string;
  /** ISO time the till took the lock. */
  since: string;
}

export interface LockFacts {
  /** The lock file's modification time: its holder's last heartbeat. */
  touchedAt: number;
  now: number;
  host: string;
  pidAlive: (pid: number) => boolean;
}

/** Whether a lock found in the folder still belongs to a running till. */
export function lockVerdict(holder: LockHolder | null, facts: LockFacts): 'held' | 'stale' {
  if (facts.now - facts.touchedAt > STALE_AFTER_MS) return 'stale';
  // Unreadable (being written this very moment) but fresh: someone is taking it.
  if (holder === null) return 'held';
  if (holder.host === facts.host && !facts.pidAlive(holder.pid)) return 'stale';
  return 'held';
}

/** process.kill(pid, 0): EPERM means the process exists but is another user's (the case this lock is for). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type LockResult = { kind: 'acquired'; release: () => void } | { kind: 'held'; holder: LockHolder | null };

export interface LockOptions {
  now?: () => number;
  pidAlive?: (pid: number) => boolean;
}

export function acquireDataFolderLock(folder: string, me: LockHolder, options: LockOptions = {}): LockResult {
  const now = options.now ?? Date.now;
  const pidAlive = options.pidAlive ?? processAlive;
  const file = path.join(folder, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (createExclusive(file, JSON.stringify(me))) return { kind: 'acquired', release: holdLock(file, JSON.stringify(me)) };
    const seen = readLock(file);
    if (seen === null) continue; // released between our two looks: try again
    if (lockVerdict(seen.holder, { touchedAt: seen.touchedAt, now: now(), host: me.host, pidAlive }) === 'held') return { kind: 'held', holder: seen.holder };
    if (!takeOver(folder, file, seen.text, now)) return { kind: 'held', holder: seen.holder };
  }
  return { kind: 'held', holder: readLock(file)?.holder ?? null };
}

/** Removes the stale lock under the takeover claim, if it is still the one judged stale. */
function takeOver(folder: string, file: string, staleText: string, now: () => number): boolean {
  const claim = path.join(folder, TAKEOVER_FILE);
  if (!createExclusive(claim, String(process.pid))) {
    // A claim left by a process that died while taking over is itself stale after a while.
    if (!olderThan(claim, STALE_AFTER_MS, now) || !removeIfPresent(claim) || !createExclusive(claim, String(process.pid))) return false;
  }
  try {
    const again = readLock(file);
    if (again !== null && again.text !== staleText) return false; // another till took it over first
    removeIfPresent(file);
    return true;
  } finally {
    removeIfPresent(claim);
  }
}

/** Keeps the lock fresh until released; the timer never keeps the app alive. */
function holdLock(file: string, mine: string): () => void {
  const heartbeat = setInterval(() => {
    try {
      const time = new Date();
      utimesSync(file, time, time);
    } catch {
      // Gone (someone judged us dead after a long freeze): the next start will say so; nothing to do here.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return () => {
    clearInterval(heartbeat);
    // Only our own lock: never one another till took over.
    if (readLock(file)?.text === mine) removeIfPresent(file);
  };
}

function createExclusive(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readLock(file: string): { text: string; holder: LockHolder | null; touchedAt: number } | null {
  try {
    const touchedAt = statSync(file).mtimeMs;
    const text = readFileSync(file, 'utf8');
    return { text, holder: parseHolder(text), touchedAt };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.user === 'string' && typeof value.host === 'string' && typeof value.since === 'string') {
      return { pid: value.pid, user: value.user, host: value.host, since: value.since };
    }
  } catch {
    // A lock being written this very moment: judged by its age alone.
  }
  return null;
}

function olderThan(file: string, ms: number, now: () => number): boolean {
  try {
    return now() - statSync(file).mtimeMs > ms;
  } catch {
    return true;
  }
}

function removeIfPresent(file: string): boolean {
  try {
    unlinkSync(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/** Who runs the till on this machine, and what to do, in one language. */
export function lockHeldText(holder: LockHolder | null, language: 'ru' | 'en'): string {
  // `since` is stored in UTC (ISO): shown in this machine's time and the language's format, as every other moment.
  const since = holder ? new Date(holder.since) : null;
  const who = holder && since ? `«${holder.user}» (${Number.isNaN(since.getTime()) ? holder.since : formatDateTime(since, language)})` : null;
  if (language === 'ru') {
    return [
      who ? `GetMeBack Till уже работает на этом компьютере: его запустил пользователь ${who}.` : 'GetMeBack Till уже работает на этом компьютере у другого пользователя.',
      'На компьютере работает одна копия GetMeBack Till: одна база и один порт для iikoWaiter. Работайте в ней или попросите того пользователя выйти из GetMeBack Till (значок в трее → «Выйти»).',
    ].join('\n');
  }
  return [
    who ? `GetMeBack Till is already running on this computer, started by user ${who}.` : 'GetMeBack Till is already running on this computer for another user.',
    'One copy runs per computer (one database, one port for iikoWaiter): use that one, or ask that user to quit GetMeBack Till (tray icon → Quit).',
  ].join('\n');
}

/** The box a second Windows user sees (both languages: the settings are not read yet). */
export function lockHeldMessage(holder: LockHolder | null, dataDir: string): { title: string; content: string } {
  return { title: 'GetMeBack Till', content: [lockHeldText(holder, 'ru'), '', lockHeldText(holder, 'en'), '', dataDir].join('\n') };
}
