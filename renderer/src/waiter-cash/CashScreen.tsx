import { useEffect, useState } from 'react';
import type { WaiterCashSummary as WaiterSummary } from '../../../shared/admin/waiter-cash.js';
import { useStatusStore, useTexts } from '../stores/status-store.js';
import { useWaitersStore } from './waiters-store.js';
import { HandInDialog } from './HandInDialog.js';
import { ShiftReport } from './ShiftReport.js';
import { WaiterCard } from './WaiterCard.js';
import { WaiterHistory } from './WaiterHistory.js';

/** Cash each waiter holds for the till, hand-ins, each waiter's history and the shift report. */
export function CashScreen() {
  const t = useTexts();
  const cashToWaiter = useStatusStore((state) => state.status?.cashToWaiter ?? true);
  const { waiters, loaded, available, failed, load } = useWaitersStore();
  const [handingIn, setHandingIn] = useState<WaiterSummary | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  // A dialog opened again gets a fresh key; one dialog keeps its key across retries.
  const [dialogKey, setDialogKey] = useState(0);

  useEffect(() => {
    void load();
  }, [load]);

  const openHandIn = (waiter: WaiterSummary) => {
    setDialogKey((key) => key + 1);
    setHandingIn(waiter);
  };

  return (
    <section aria-labelledby="cash-title" className="page">
      <h2 id="cash-title">{t.cash.title}</h2>
      {!cashToWaiter && <p className="note">{t.cash.off}</p>}
      {failed && <p role="alert" className="error">{t.error.loadFailed}</p>}
      {!available && <p className="note">{t.cash.unavailable}</p>}
      {available && loaded && waiters.length === 0 && <p className="empty">{t.cash.empty}</p>}
      <ul className="cards" aria-labelledby="cash-title">
        {waiters.map((waiter) => (
          <WaiterCard key={waiter.id} waiter={waiter} onHandIn={() => openHandIn(waiter)} onHistory={() => setHistoryOf(waiter.id)} />
        ))}
      </ul>
      {historyOf && <WaiterHistory key={historyOf} waiterId={historyOf} onClose={() => setHistoryOf(null)} />}
      {available && <ShiftReport />}
      {handingIn && <HandInDialog key={dialogKey} waiter={handingIn} onClose={() => setHandingIn(null)} />}
    </section>
  );
}
