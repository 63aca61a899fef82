import { existsSync, renameSync, rmSync, statSync } from 'node:fs';

/** A busy restaurant writes a few MB of log a day; the till keeps the newest ~50 MB of it. */
export const LOG_ROTATION = { maxBytes: 10 * 1024 * 1024, keep: 4 };

/**
 * At start-up, moves a log that has grown past `maxBytes` to `<file>.1`, shifting older ones up to
 * `<file>.<keep>` and dropping the oldest, so the log never fills the till's disk.
 */
export function rotateLogIfLarge(file: string, limits = LOG_ROTATION): boolean {
  if (!existsSync(file) || statSync(file).size < limits.maxBytes) return false;
  rmSync(`${file}.${limits.keep}`, { force: true });
  for (let n = limits.keep - 1; n >= 1; n -= 1) {
    if (existsSync(`${file}.${n}`)) renameSync(`${file}.${n}`, `${file}.${n + 1}`);
  }
  renameSync(file, `${file}.1`);
  return true;
}
