import type { StorageTroubleKind } from '../../../shared/events.js';

export type { StorageTroubleKind };

/**
 * What went wrong with the disk under the till's data, from an error SQLite or the file system
 * raised: `full` (no space, or a file grown past the system's limit), `readOnly` (the folder or its
 * disk refuses writes), `ioError` (the disk failed a read or write). Anything else is not the disk's.
 */
const BY_CODE: Record<string, StorageTroubleKind> = {
  SQLITE_FULL: 'full',
  ENOSPC: 'full',
  EDQUOT: 'full',
  EFBIG: 'full',
  SQLITE_READONLY: 'readOnly',
  EROFS: 'readOnly',
  SQLITE_IOERR: 'ioError',
  EIO: 'ioError',
};

/** The kind of disk trouble behind `error` (SQLITE_FULL, SQLITE_READONLY*, SQLITE_IOERR*, ENOSPC…), or null. */
export function storageTroubleOf(error: unknown): StorageTroubleKind | null {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code !== 'string') return null;
  // Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…) belong to their primary code.
  const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;
  return BY_CODE[primary] ?? null;
}
