import { existsSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { backupsIn, pruneOldBackups } from './till-backups.js';
import { temporaryFolders } from '../testing/temporary-folders.js';

const tills: TestTill[] = [];
afterEach(async () => {
  for (const till of tills.splice(0)) await till.close();
});
const tempDir = temporaryFolders('clock-back');

const DAY_MS = 86_400_000;
const namesIn = (folder: string): string[] => backupsIn(folder).map((backup) => backup.name);

/** Backup files in `folder`, each written (modified) at the time given, seconds apart. */
function backupsWrittenAt(folder: string, files: Record<string, string>): void {
  for (const [name, modified] of Object.entries(files)) {
    writeFileSync(path.join(folder, name), 'x');
    utimesSync(path.join(folder, name), new Date(modified), new Date(modified));
  }
}

/**
 * A till whose clock the test moves, with three daily backups a day apart written while that clock
 * ran a year ahead, then the clock set back to the real date. The machine's clock is the till's: each
 * backup's file (in both folders) is dated by it, as the file system would date it.
 */
async function tillWithClockSetBack(secondFolder = ''): Promise<{ till: TestTill; dataDir: string; backUp: (reason: 'daily' | 'manual') => Promise<string> }> {
  const dataDir = tempDir();
  let now = Date.parse('2027-06-10T10:00:00.000Z');
  const till = await startTestTill({ dataDir, clock: { now: () => new Date(now) }, settings: { backups: { keep: 3, secondFolder } } });
  tills.push(till);
  const backUp = async (reason: 'daily' | 'manual'): Promise<string> => {
    const written = await till.core.backups.backUp(reason);
    expect(written).not.toBeNull();
    const name = path.basename(written?.file as string);
    for (const folder of [path.join(dataDir, 'backups'), ...(secondFolder ? [secondFolder] : [])]) utimesSync(path.join(folder, name), new Date(now), new Date(now));
    return name;
  };
  for (let n = 0; n < 3; n += 1) {
    now += DAY_MS;
    await backUp('daily');
  }
  now = Date.parse('2026-06-10T10:00:00.000Z'); // a year back: NTP, or the manager setting the date right
  return {
    till,
    dataDir,
    backUp: (reason) => {
      now += 60_000;
      return backUp(reason);
    },
  };
}

describe('backups after the till’s clock is set back (NTP correcting a clock that ran ahead, a CMOS reset)', () => {
  it('the backup reported as written is still on disk', async () => {
    const { till } = await tillWithClockSetBack();
    const manual = await till.core.backups.backUp('manual'); // «Резервная копия сделана», with its time and size
    expect(manual).not.toBeNull();
    expect(till.core.backups.lastBackup()).toEqual(manual);
    expect(existsSync(manual?.file as string)).toBe(true);
  });

  it('in both folders the backups written after the set-back are kept and the newest is the last written, whatever the dates say', async () => {
    const second = tempDir();
    const { till, dataDir, backUp } = await tillWithClockSetBack(second);
    const after = [await backUp('manual'), await backUp('daily'), await backUp('manual')];
    // Named and dated a year before the three written while the clock ran ahead, and kept over them.
    expect(after[0]).toMatch(/^till-20260610-100100-n000004-manual\.db$/);
    expect(namesIn(path.join(dataDir, 'backups'))).toEqual(after);
    expect(namesIn(second)).toEqual(after);
    // The newest backup (the one a damaged database's message names to restore, the setup screen's
    // «Последняя копия» after a restart) is the last written, not one from the clock that ran ahead.
    expect(backupsIn(path.join(dataDir, 'backups')).at(-1)?.name).toBe(after[2]);
    const folder = till.core.backups.folder;
    await till.close();
    tills.splice(0);
    const restarted = await startTestTill({ dataDir, clock: { now: () => new Date('2026-06-10T11:00:00.000Z') }, settings: { backups: { keep: 3, secondFolder: second } } });
    tills.push(restarted);
    expect(restarted.core.backups.lastBackup()?.file).toBe(path.join(folder, namesIn(path.join(dataDir, 'backups')).at(-1) as string));
  });

  it('numbers a backup past the second folder’s when the first folder was emptied by hand', async () => {
    const second = tempDir();
    const { till, dataDir, backUp } = await tillWithClockSetBack(second);
    for (const name of readdirSync(path.join(dataDir, 'backups'))) rmSync(path.join(dataDir, 'backups', name));
    const next = await backUp('manual');
    expect(next).toMatch(/-n000004-manual\.db$/);
    expect(namesIn(second).at(-1)).toBe(next);
    expect(till.core.backups.lastBackup()?.file).toBe(path.join(dataDir, 'backups', next));
  });

  it('a numbered backup is newer than any named before the numbers, whatever its time says', () => {
    const folder = tempDir();
    backupsWrittenAt(folder, {
      'till-20270612-100000-daily.db': '2027-06-12T10:00:00.000Z',
      'till-20270613-100000-daily.db': '2027-06-13T10:00:00.000Z',
      'till-20260610-100000-n000001-daily.db': '2026-06-10T10:00:00.000Z',
    });
    expect(namesIn(folder).at(-1)).toBe('till-20260610-100000-n000001-daily.db');
    expect(pruneOldBackups(folder, 2)).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(['till-20260610-100000-n000001-daily.db', 'till-20270613-100000-daily.db']);
  });

  it('keeps the backup just written even when its file is dated before all the others', () => {
    const folder = tempDir();
    // The file system's clock went back with the till's: the new file is the oldest by every date.
    backupsWrittenAt(folder, {
      'till-20260610-100100-daily.db': '2026-06-10T10:01:00.000Z',
      'till-20260610-100200-daily.db': '2026-06-10T10:02:00.000Z',
      'till-20260610-100300-daily.db': '2026-06-10T10:03:00.000Z',
      'till-20260609-100300-manual.db': '2026-06-09T10:03:00.000Z',
    });
    expect(pruneOldBackups(folder, 3, 'till-20260609-100300-manual.db')).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(['till-20260609-100300-manual.db', 'till-20260610-100200-daily.db', 'till-20260610-100300-daily.db']);
  });

  it('prunes the backup written first, not the one whose name holds the earliest time', () => {
    const folder = tempDir();
    // The names hold a clock that was set back; the files' times do not (a network share keeps its server's).
    backupsWrittenAt(folder, {
      'till-20260612-100000-daily.db': '2026-06-12T10:00:00.000Z', // by the clock that ran ahead
      'till-20260610-100000-daily.db': '2026-06-13T10:00:00.000Z',
      'till-20260611-100000-daily.db': '2026-06-14T10:00:00.000Z',
    });
    expect(pruneOldBackups(folder, 2)).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(['till-20260610-100000-daily.db', 'till-20260611-100000-daily.db']);
  });
});
