import { existsSync, renameSync, rmSync, statSync } from 'node:fs';

/** A busy restaurant writes a few MB of log a day; the till keeps the newest ~50 MB of it. */
export const LOG_ROTATION = { maxBytes: 10 * 1024 * 1024, keep: 4 };

/** Moves `<file>` to `<file>.1`, shifting older ones up to `<file>.<keep>` and dropping the oldest. */
export function rotateLog(file: string, keep: number): void {
  rmSync(`${file}.${keep}`, { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    if (existsSync(`${file}.${n}`)) renameSync(`${file}.${n}`, `${file}.${n + 1}`);
  }
  if (existsSync(file)) renameSync(file, `${file}.1`);
}

/** At start-up, rotates a log that has already grown past `maxBytes`. */
export function rotateLogIfLarge(file: string, limits = LOG_ROTATION): boolean {
  if (!existsSync(file) || statSync(file).size < limits.maxBytes) return false;
  rotateLog(file, limits.keep);
  return true;
}
