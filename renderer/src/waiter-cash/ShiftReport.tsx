import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, query } from '../api/client.js';
import type { ShiftReport as Report } from '../../../shared/admin/waiter-cash.js';
import { formatDateTime } from '../format/date.js';
import { formatRoubles } from '../format/money.js';
import { useLanguage, useTexts } from '../stores/status-store.js';
import { useWaitersStore } from './waiters-store.js';
import { CashMovementsExport } from './CashMovementsExport.js';
import { printPiece } from './print-paper.js';
import { reportRange } from './report-range.js';
import { waiterName } from './waiter-name.js';

/**
 * The shift's cash by waiter (opening debt, taken, handed in, refunds, closing debt), as CSV and on
 * paper. Periods are business days typed as «27.11.2026» (no native date input: those follow the
 * OS's locale); empty is the current business day.
 */
export function ShiftReport() {
  const t = useTexts();
  const language = useLanguage();
  const waiters = useWaitersStore((state) => state.waiters);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [failed, setFailed] = useState(false);
  const [applied, setApplied] = useState({ from: '', to: '' });
  const chosen = reportRange(applied.from, applied.to);
  const typed = reportRange(from, to);

  const range = 'problem' in chosen ? '' : query(chosen);
  const load = useCallback(async () => {
    try {
      setReport(await api.get<Report>(`/api/reports/shift${range}`));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [range]);

  // Follows the chosen period and the waiters' figures, so the report is never behind the cards above it.
  useEffect(() => {
    void load();
  }, [load, waiters]);

  const show = (submit: FormEvent) => {
    submit.preventDefault();
    if ('problem' in typed) return;
    // A new period loads through the effect below; the same one again is reloaded here.
    if (from === applied.from && to === applied.to) void load();
    else setApplied({ from, to });
  };
  const money = (kopecks: number) => formatRoubles(kopecks, language);

  return (
    <section className="panel print-report" aria-labelledby="report-title">
      <h3 id="report-title">{t.cash.report}</h3>
      <form className="row no-print" onSubmit={show} noValidate>
        <DayField field="from" label={t.cash.businessDay} placeholder={t.cash.datePlaceholder} value={from} onChange={setFrom} invalid={'problem' in typed && typed.field === 'from'} />
        <DayField field="to" label={t.cash.throughDay} placeholder={t.cash.datePlaceholder} value={to} onChange={setTo} invalid={'problem' in typed && typed.field === 'to'} />
        <button type="submit">{t.cash.show}</button>
        <a className="button" href={`/api/reports/shift${range}${range ? '&' : '?'}format=csv`} download>
          {t.cash.csv}
        </a>
        <button type="button" onClick={() => printPiece('report', 'a4')}>
          {t.cash.printA4}
        </button>
        <button type="button" onClick={() => printPiece('report', 'receipt')}>
          {t.cash.printReceipt}
        </button>
      </form>
      <CashMovementsExport range={range} />
      {'problem' in typed && (
        <p id="report-period-error" className="field-error" role="alert">
          {t.cash.dateProblem}
        </p>
      )}
      {report && (
        <p className="report-period" data-testid="report-period">
          {t.cash.period(formatDateTime(report.from, language), formatDateTime(report.to, language))}
        </p>
      )}
      {failed && <p role="alert" className="error">{t.error.loadFailed}</p>}
      {report && (
        <table className="table" aria-labelledby="report-title">
          <thead>
            <tr>
              <th scope="col">{t.cash.waiter}</th>
              <th scope="col" className="num">{t.cash.openingDebt}</th>
              <th scope="col" className="num">{t.cash.taken}</th>
              <th scope="col" className="num">{t.cash.handedIn}</th>
              <th scope="col" className="num">{t.cash.reversed}</th>
              <th scope="col" className="num">{t.cash.closingDebt}</th>
            </tr>
          </thead>
          <tbody>
            {report.waiters.map((row) => (
              <tr key={row.id}>
                <th scope="row">{waiterName(row, t)}</th>
                <td className="num">{money(row.openingDebt)}</td>
                <td className="num">{money(row.taken)}</td>
                <td className="num">{money(row.handedIn)}</td>
                <td className="num">{money(row.reversed)}</td>
                <td className="num">{money(row.closingDebt)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.cash.total}</th>
              <td className="num">{money(report.totals.openingDebt)}</td>
              <td className="num">{money(report.totals.taken)}</td>
              <td className="num">{money(report.totals.handedIn)}</td>
              <td className="num">{money(report.totals.reversed)}</td>
              <td className="num">{money(report.totals.closingDebt)}</td>
            </tr>
            <tr>
              <th scope="row">{t.cash.cashToTill}</th>
              <td className="num" colSpan={5}>
                {money(report.cashToTill)}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

/** A business day typed as «27.11.2026»: a plain text field, never a native date input that follows the OS's locale. */
function DayField(props: { field: 'from' | 'to'; label: string; placeholder: string; value: string; onChange: (value: string) => void; invalid: boolean }) {
  return (
    <>
      <label htmlFor={`report-${props.field}`}>{props.label}</label>
      <input
        id={`report-${props.field}`}
        className="date-input"
        inputMode="numeric"
        placeholder={props.placeholder}
        value={props.value}
        onChange={(change) => props.onChange(change.target.value)}
        aria-invalid={props.invalid}
        aria-describedby="report-period-error"
      />
    </>
  );
}
