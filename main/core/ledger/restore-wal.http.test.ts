import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreBackup } from './restore.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { newOrderId, paymentBody, waiterSteps } from '../testing/waiter-steps.js';
import { temporaryFolders } from '../testing/temporary-folders.js';

const tills: TestTill[] = [];
afterEach(async () => {
  for (const till of tills.splice(0)) await till.close();
});
const tempDir = temporaryFolders('restore-wal');
const paymentsIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('restoring from a copy of the data folder taken while the till ran (a nightly folder copy, a crashed till)', () => {
  it('restores what the file it checked holds: the payments in the copy’s WAL are not dropped', async () => {
    const liveDir = tempDir();
    const live = await startTestTill({ dataDir: liveDir });
    tills.push(live);
    const pay = async (n: number) =>
      expect((await waiterSteps(live).pay(newOrderId(), paymentBody(1000, { cash: 1000 }), `wal-${n}`)).status).toBe(200);
    for (let n = 0; n < 5; n += 1) await pay(n);
    // SQLite's own automatic checkpoint (every 1 000 pages) has moved the older payments into till.db ...
    live.core.db.pragma('wal_checkpoint(TRUNCATE)');
    // ... and the evening's last ones are still in till.db-wal.
    for (let n = 5; n < 8; n += 1) await pay(n);
    // The folder copy: till.db and its till.db-wal, as any file copy tool takes them.
    const copyDir = tempDir();
    for (const name of ['till.db', 'till.db-wal']) {
      if (existsSync(path.join(liveDir, name))) copyFileSync(path.join(liveDir, name), path.join(copyDir, name));
    }
    expect(existsSync(path.join(copyDir, 'till.db-wal'))).toBe(true);
    const paidInCopy = paymentsIn(path.join(copyDir, 'till.db'));
    expect(paidInCopy).toBe(8);

    const target = tempDir();
    // The data folder it is restored into keeps its till.key (README, Restoring).
    copyFileSync(path.join(liveDir, 'till.key'), path.join(target, 'till.key'));
    restoreBackup(target, path.join(copyDir, 'till.db'), new Date()); // accepted: its check passed
    const restored = await startTestTill({ dataDir: target });
    tills.push(restored);
    const paidAfterRestore = (restored.core.db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number }).n;
    expect({ paidInCopy, paidAfterRestore }).toEqual({ paidInCopy: 8, paidAfterRestore: 8 });
  });
});
