import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StorageTroubleKind } from '../../../shared/events.js';

/**
 * A data folder whose disk a test can fill and free again while a till runs on it. As root: a small
 * tmpfs mounted for the test (the real thing: ENOSPC → SQLITE_FULL). Elsewhere (a CI runner that may
 * not mount): this process's file-size limit lowered with prlimit (EFBIG → SQLITE_IOERR_WRITE), and
 * `how` says so, so a test never passes without saying what it tried.
 */
export interface SmallDisk {
  dir: string;
  how: string;
  /** The trouble the till sees when the disk is filled. */
  fullKind: StorageTroubleKind;
  fill(): void;
  free(): void;
  /** Makes the mounted file system read-only; the reason when the system refuses (it does while files are open for writing). */
  remountReadOnly(): string | null;
  release(): void;
}

export function smallDisk(sizeBytes = 24 * 1024 * 1024): SmallDisk {
  const dir = mkdtempSync(path.join(tmpdir(), 'gmb-small-disk-'));
  const forced = process.env.GMB_SMALL_DISK === 'limit';
  const mountRefusal = forced ? 'GMB_SMALL_DISK=limit asked for the file-size limit' : tryRun('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0700`, 'tmpfs', dir]);
  if (mountRefusal === null) return tmpfsDisk(dir);
  const prlimitMissing = tryRun('prlimit', ['--version']);
  if (prlimitMissing !== null) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`cannot fill a disk for this test: mount failed (${mountRefusal}) and prlimit is missing (${prlimitMissing})`);
  }
  return limitDisk(dir, `mount refused (${mountRefusal}): the file-size limit of this process stands in for a full disk`);
}

function tmpfsDisk(dir: string): SmallDisk {
  const filler = path.join(dir, 'filler');
  return {
    dir,
    how: `a ${dir} tmpfs mounted for the test`,
    fullKind: 'full',
    fill() {
      const fd = openSync(filler, 'w');
      try {
        for (const size of [1024 * 1024, 4096, 1]) {
          const chunk = Buffer.alloc(size, 1);
          try {
            for (;;) writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    remountReadOnly() {
      return tryRun('mount', ['-o', 'remount,ro', dir]);
    },
    release() {
      tryRun('mount', ['-o', 'remount,rw', dir]);
      // A file a failed test left open keeps the mount busy: detach it lazily rather than leave it mounted.
      const refusal = tryRun('umount', [dir]) === null ? null : tryRun('umount', ['-l', dir]);
      if (refusal !== null) throw new Error(`umount ${dir}: ${refusal}`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function limitDisk(dir: string, how: string): SmallDisk {
  const setLimit = (limit: string) => execFileSync('prlimit', ['--pid', String(process.pid), `--fsize=${limit}`]);
  return {
    dir,
    how,
    fullKind: 'ioError',
    fill() {
      // No file may grow past what the largest one holds now: the next append to the WAL fails.
      const largest = readdirSync(dir).reduce((most, name) => Math.max(most, statSync(path.join(dir, name)).size), 0);
      setLimit(`${largest}:unlimited`);
    },
    free() {
      setLimit('unlimited:unlimited');
    },
    remountReadOnly() {
      return 'nothing is mounted: the file-size limit stands in for a disk';
    },
    release() {
      setLimit('unlimited:unlimited');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** null when the command ran, else why not (its stderr, or the reason it could not start). */
function tryRun(command: string, args: string[]): string | null {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    return null;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return stderr || (error as Error).message;
  }
}
