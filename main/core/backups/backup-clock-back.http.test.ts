import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
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

/** A till whose clock the test moves, with three daily backups a minute apart, then the clock set back a day. */
async function tillWithClockSetBack(secondFolder = ''): Promise<{ till: TestTill; dataDir: string; later: () => void }> {
  const dataDir = tempDir();
  let now = Date.parse('2026-06-10T10:00:00.000Z');
  const till = await startTestTill({ dataDir, clock: { now: () => new Date(now) }, settings: { backups: { keep: 3, secondFolder } } });
  tills.push(till);
  for (let n = 0; n < 3; n += 1) {
    now += 60_000;
    expect(await till.core.backups.backUp('daily')).not.toBeNull();
  }
  now -= DAY_MS; // the next backup's name sorts before the others
  return { till, dataDir, later: () => (now += 60_000) };
}

describe('backups after the till’s clock is set back (NTP correcting a clock that ran ahead, a CMOS reset)', () => {
  it('the backup reported as written is still on disk', async () => {
    const { till } = await tillWithClockSetBack();
    const manual = await till.core.backups.backUp('manual'); // «Резервная копия сделана», with its time and size
    expect(manual).not.toBeNull();
    expect(till.core.backups.lastBackup()).toEqual(manual);
    expect(existsSync(manual?.file as string)).toBe(true);
  });

  it('in both folders the oldest written backup is pruned, not the one just written', async () => {
    const second = tempDir();
    const { till, dataDir, later } = await tillWithClockSetBack(second);
    expect(await till.core.backups.backUp('manual')).not.toBeNull();
    const afterClockBack = ['till-20260609-100300-manual.db', 'till-20260610-100200-daily.db', 'till-20260610-100300-daily.db'];
    expect(namesIn(path.join(dataDir, 'backups'))).toEqual(afterClockBack);
    expect(namesIn(second)).toEqual(afterClockBack);

    // The next backup goes by when each was written: the older daily goes, the manual one stays.
    later();
    expect(await till.core.backups.backUp('manual')).not.toBeNull();
    const next = ['till-20260609-100300-manual.db', 'till-20260609-100400-manual.db', 'till-20260610-100300-daily.db'];
    expect(namesIn(path.join(dataDir, 'backups'))).toEqual(next);
    expect(namesIn(second)).toEqual(next);
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
