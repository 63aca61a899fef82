import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore } from '../../main/core/create-core.js';
import { recordCashEntry, waiterAccount, SALES_ACCOUNT } from '../../main/core/ledger/cash-book.js';
import { fileSettingsStore } from '../../main/core/settings/file-settings-store.js';
import { startTill, type RunningTill } from './till-server.js';

/**
 * A till's data folder with a long cash book: `count` payments in cash taken by Анна (PIN 1111),
 * one every 25 minutes from `start`, written through the ledger in one transaction before the
 * till starts (a year of a busy restaurant, in seconds rather than 20 000 HTTP payments).
 */
export async function writeLongCashBook(dataDir: string, start: Date, count: number): Promise<void> {
  const core = createCore({ dataDir, settingsStore: fileSettingsStore(dataDir) });
  try {
    const anna = core.waiters.idForPin('1111');
    core.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        recordCashEntry(core.db, {
          kind: 'cash_taken',
          debitAccount: waiterAccount(anna),
          creditAccount: SALES_ACCOUNT,
          amount: 10_000 + i,
          orderId: null,
          operationId: `long-${i}`,
          cashTypeId: '',
          recordedBy: anna,
          note: '',
          createdAt: new Date(start.getTime() + i * 25 * 60_000).toISOString(),
        });
      }
    })();
  } finally {
    await core.close();
  }
}

/** A till started on a new data folder that already holds a long cash book (`writeLongCashBook`); its `dispose()` also removes the folder. */
export async function startTillOnLongCashBook(start: Date, count: number): Promise<RunningTill> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-e2e-long-'));
  await writeLongCashBook(dataDir, start, count);
  const till = await startTill({ dataDir });
  return {
    ...till,
    dispose: async () => {
      await till.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
