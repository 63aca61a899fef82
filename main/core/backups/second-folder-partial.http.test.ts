import { existsSync, readdirSync, type PathLike } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { integrityOfFile } from '../ledger/integrity.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { backupsIn } from './till-backups.js';
import { temporaryFolders } from '../testing/temporary-folders.js';

/**
 * The second folder's disk (a USB disk, a network share): `full` runs out of space half way through
 * a copy (ENOSPC, half the file written); `short` loses the second half without a word (a share that
 * drops the tail); `fine` copies whole.
 */
const secondDisk = vi.hoisted(() => ({ folder: '', state: 'fine' as 'fine' | 'full' | 'short' }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const copyFileSync = (from: PathLike, to: PathLike, mode?: number): void => {
    if (secondDisk.state === 'fine' || !String(to).startsWith(secondDisk.folder)) return actual.copyFileSync(from, to, mode);
    const bytes = actual.readFileSync(from);
    actual.writeFileSync(to, bytes.subarray(0, Math.floor(bytes.length / 2)));
    if (secondDisk.state === 'full') {
      throw Object.assign(new Error(`ENOSPC: no space left on device, copyfile '${String(from)}' -> '${String(to)}'`), { code: 'ENOSPC', errno: -28 });
    }
  };
  return { ...actual, copyFileSync, default: { ...actual, copyFileSync } };
});

const tills: TestTill[] = [];
afterEach(async () => {
  secondDisk.state = 'fine';
  for (const till of tills.splice(0)) await till.close();
});
const tempDir = temporaryFolders('second-folder');

/** A till backing up into its data folder and into a second folder on `secondDisk`. */
async function tillWithSecondFolder(): Promise<{ till: TestTill; second: string }> {
  const second = tempDir();
  secondDisk.folder = second;
  const till = await startTestTill({ dataDir: tempDir(), settings: { backups: { keep: 14, secondFolder: second } } });
  tills.push(till);
  return { till, second };
}

/** What each backup.failed event in the feed says. */
function failures(till: TestTill): { reason: string; folder: string; message: string }[] {
  const rows = till.core.db.prepare("SELECT payload FROM events WHERE type = 'backup.failed'").all() as { payload: string }[];
  return rows.map((row) => (JSON.parse(row.payload) as { data: { reason: string; folder: string; message: string } }).data);
}

describe('a copy to the second backup folder that does not arrive whole', () => {
  it('a disk that fills up half way leaves nothing in the second folder, is a backup.failed naming it, and the next copy arrives whole', async () => {
    const { till, second } = await tillWithSecondFolder();
    secondDisk.state = 'full';
    expect(await till.core.backups.backUp('manual')).toBeNull();
    expect(readdirSync(second)).toEqual([]);
    expect(failures(till)).toEqual([{ reason: 'manual', folder: second, message: expect.stringContaining('ENOSPC') }]);
    // The backup in the data folder is whole and is still the last one written.
    const written = till.core.backups.lastBackup()?.file as string;
    expect(existsSync(written)).toBe(true);
    expect(integrityOfFile(written)).toBe('ok');

    secondDisk.state = 'fine'; // space made on the disk
    const next = await till.core.backups.backUp('manual');
    expect(next).not.toBeNull();
    const copies = backupsIn(second);
    expect(copies.map((copy) => copy.name)).toEqual([path.basename(next?.file as string)]);
    expect(readdirSync(second)).toEqual([path.basename(next?.file as string)]);
    expect(integrityOfFile(path.join(second, copies[0]?.name as string))).toBe('ok');
  });

  it('a copy that ends short without an error fails its check: nothing is named a backup, and the failure is told', async () => {
    const { till, second } = await tillWithSecondFolder();
    secondDisk.state = 'short';
    expect(await till.core.backups.backUp('daily')).toBeNull();
    expect(readdirSync(second)).toEqual([]);
    expect(failures(till)).toEqual([{ reason: 'daily', folder: second, message: expect.stringMatching(/malformed|integrity check/) }]);
  });
});
