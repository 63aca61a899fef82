import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { temporaryFolders } from '../testing/temporary-folders.js';
import { backupsIn } from './till-backups.js';

const tills: TestTill[] = [];
afterEach(async () => {
  for (const till of tills.splice(0)) await till.close();
});
const tempDir = temporaryFolders('daily-backup');

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const dailyIn = (dataDir: string) => backupsIn(path.join(dataDir, 'backups')).filter((backup) => backup.name.endsWith('-daily.db'));

/** Waits for what the till does on its own timers (checked every 20 ms here, hourly in the app). */
async function soon(done: () => boolean): Promise<boolean> {
  for (let waited = 0; waited < 2_000; waited += 20) {
    if (done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return done();
}

/** A till switched on at 9:00 whose newest backup (its last close's) is `ageMs` old. */
async function tillOpenedAfter(ageMs: number): Promise<{ till: TestTill; dataDir: string; at: (ms: number) => void }> {
  const dataDir = tempDir();
  let now = Date.parse('2026-06-10T09:00:00.000Z') - ageMs;
  const clock = { now: () => new Date(now) };
  await (await startTestTill({ dataDir, clock })).close();
  expect(backupsIn(path.join(dataDir, 'backups')).map((backup) => backup.at)).toEqual([new Date(now).toISOString()]);
  now = Date.parse('2026-06-10T09:00:00.000Z');
  const till = await startTestTill({ dataDir, clock });
  tills.push(till);
  return { till, dataDir, at: (ms) => (now = ms) };
}

describe('the daily backup of a till switched off every night', () => {
  it('takes one within the hour when the newest is more than a day old, though the till never runs a whole day', async () => {
    const { till, dataDir } = await tillOpenedAfter(14 * HOUR_MS + DAY_MS);
    expect(dailyIn(dataDir)).toEqual([]);
    till.core.backups.startDaily(DAY_MS, 20);
    expect(await soon(() => dailyIn(dataDir).length === 1)).toBe(true);
    // Then not again the same day.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(dailyIn(dataDir)).toHaveLength(1);
  });

  it('takes none while the newest is younger than a day, and one once it is a day old', async () => {
    const { till, dataDir, at } = await tillOpenedAfter(14 * HOUR_MS); // closed at 19:00 yesterday
    till.core.backups.startDaily(DAY_MS, 20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(dailyIn(dataDir)).toEqual([]);
    at(Date.parse('2026-06-10T19:00:00.000Z')); // the evening: 24 h since last night's backup
    expect(await soon(() => dailyIn(dataDir).length === 1)).toBe(true);
  });

  it('takes one when the newest is dated ahead of the clock (set back since)', async () => {
    const { till, dataDir } = await tillOpenedAfter(-2 * DAY_MS);
    till.core.backups.startDaily(DAY_MS, 20);
    expect(await soon(() => dailyIn(dataDir).length === 1)).toBe(true);
  });
});
