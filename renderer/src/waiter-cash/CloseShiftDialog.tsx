import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../api/client.js';
import type { CloseShiftAnswer, CloseShiftRequest } from '../../../shared/admin/shifts.js';
import type { ShiftReport } from '../../../shared/admin/waiter-cash.js';
import { formatDateTime } from '../format/date.js';
import { formatRoubles } from '../format/money.js';
import { useLanguage, useTexts } from '../stores/status-store.js';
import { newIdempotencyKey } from './hand-in.js';
import { useWaitersStore } from './waiters-store.js';
import { waiterName } from './waiter-name.js';

/**
 * «Закрыть смену №N?»: the open shift's totals and what each waiter still owes (closing forgives no
 * debt), then one press. The dialog sends the shift's number and one key, so a double click or a
 * retry closes this shift once and never the next one.
 */
export function CloseShiftDialog({ shift, onClosed, onCancel }: { shift: number; onClosed: (answer: CloseShiftAnswer) => void; onCancel: () => void }) {
  const t = useTexts();
  const language = useLanguage();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [idempotencyKey] = useState(() => newIdempotencyKey(undefined, 'shift-close'));
  const [report, setReport] = useState<ShiftReport | null>(null);
  const [closedBy, setClosedBy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const money = (kopecks: number) => formatRoubles(kopecks, language);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  // Read again whenever the waiters' cash changes (a payment or a hand-in while the dialog is open):
  // the totals the cashier approves are the ones the close will take.
  const waiters = useWaitersStore((state) => state.waiters);
  useEffect(() => {
    // An answer to an older read never replaces a newer one; a read that succeeds clears a failed one's error.
    let current = true;
    api.get<ShiftReport>(`/api/reports/shift?shift=${shift}`).then(
      (read) => {
        if (!current) return;
        setReport(read);
        setError((shown) => (shown === t.error.loadFailed ? null : shown));
      },
      () => {
        if (current) setError(t.error.loadFailed);
      },
    );
    return () => {
      current = false;
    };
  }, [shift, t, waiters]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: CloseShiftRequest = { shift, idempotencyKey, ...(closedBy.trim() ? { closedBy: closedBy.trim() } : {}) };
      onClosed(await api.post<CloseShiftAnswer>('/api/shifts/close', body));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t.cash.noAnswer);
    } finally {
      setBusy(false);
    }
  };

  const owing = report?.waiters.filter((line) => line.closingDebt !== 0) ?? [];
  return (
    <dialog ref={dialogRef} className="dialog close-shift" aria-labelledby="close-shift-title" onClose={onCancel}>
      <h2 id="close-shift-title">{t.cash.closeShiftTitle(shift)}</h2>
      {report && (
        <>
          <p data-testid="close-shift-period">{t.cash.closeShiftPeriod(formatDateTime(report.from, language), formatDateTime(report.to, language))}</p>
          <table className="table" data-testid="close-shift-totals">
            <tbody>
              {/* The report's columns in its order, so that the cashier can add them up: opening + taken − handed in − refunds = closing. */}
              <tr>
                <th scope="row">{t.cash.openingDebt}</th>
                <td className="num">{money(report.totals.openingDebt)}</td>
              </tr>
              <tr>
                <th scope="row">{t.cash.taken}</th>
                <td className="num">{money(report.totals.taken)}</td>
              </tr>
              <tr>
                <th scope="row">{t.cash.handedIn}</th>
                <td className="num">{money(report.totals.handedIn)}</td>
              </tr>
              <tr>
                <th scope="row">{t.cash.reversed}</th>
                <td className="num">{money(report.totals.reversed)}</td>
              </tr>
              <tr>
                <th scope="row">{t.cash.closingDebt}</th>
                <td className="num">{money(report.totals.closingDebt)}</td>
              </tr>
              <tr>
                <th scope="row">{t.cash.cashToTill}</th>
                <td className="num">{money(report.cashToTill)}</td>
              </tr>
            </tbody>
          </table>
          <h3>{t.cash.outstanding}</h3>
          {owing.length === 0 ? (
            <p>{t.cash.noDebts}</p>
          ) : (
            <ul data-testid="close-shift-debts">
              {owing.map((line) => (
                <li key={line.id}>
                  {waiterName(line, t)}: {money(line.closingDebt)}
                </li>
              ))}
            </ul>
          )}
          <p className="note">{t.cash.debtsStay}</p>
        </>
      )}
      <div className="field">
        <label htmlFor="close-shift-by">{t.cash.closedBy}</label>
        <input id="close-shift-by" value={closedBy} onChange={(change) => setClosedBy(change.target.value)} />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || report === null} onClick={() => void confirm()}>
          {t.cash.closeShift}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t.cash.cancel}
        </button>
      </div>
    </dialog>
  );
}
