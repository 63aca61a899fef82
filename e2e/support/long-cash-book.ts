import { createCore } from '../../main/core/create-core.js';
import { recordCashEntry, waiterAccount, SALES_ACCOUNT } from '../../main/core/ledger/cash-book.js';
import { fileSettingsStore } from '../../main/core/settings/file-settings-store.js';

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
