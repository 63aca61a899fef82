import { existsSync, readFileSync } from 'node:fs';

/**
 * Commits written to a SQLite WAL file since it was last reset, read from the file itself: a frame
 * whose header holds the database size is the last frame of a commit (sqlite.org/fileformat2.html#walformat),
 * and only frames with the header's current salt belong to this run of the file. With
 * `synchronous = FULL` each commit is one fsync of the WAL, so this counts the fsyncs of commits.
 */
export function walCommits(walFile: string): number {
  if (!existsSync(walFile)) return 0;
  const wal = readFileSync(walFile);
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  const salts = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salts[0] || wal.readUInt32BE(at + 12) !== salts[1]) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits += 1;
  }
  return commits;
}
