import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, query } from '../api/client.js';
import type { ShiftReport as Report } from '../../../shared/admin/waiter-cash.js';
import { formatRoubles } from '../format/money.js';
import { startOfDay, toLocalInputValue } from '../format/time.js';
import { useLanguage, useTexts } from '../stores/status-store.js';
import { useWaitersStore } from '../stores/waiters-store.js';
import { waiterName } from './waiter-name.js';

/** The shift's cash by waiter (opening debt, taken, handed in, refunds, closing debt), and as CSV. */
export function ShiftReport() {
  const t = useTexts();
  const language = useLanguage();
  const waiters = useWaitersStore((state) => state.waiters);
  const [from, setFrom] = useState(() => toLocalInputValue(startOfDay(new Date())));
  const [to, setTo] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [failed, setFailed] = useState(false);

  const range = query({ from: from ? new Date(from).toISOString() : undefined, to: to ? new Date(to).toISOString() : undefined });
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
    void load();
  };
  const money = (kopecks: number) => formatRoubles(kopecks, language);

  return (
    <section className="panel" aria-labelledby="report-title">
      <h3 id="report-title">{t.cash.report}</h3>
      <form className="row" onSubmit={show}>
        <label htmlFor="report-from">{t.cash.from}</label>
        <input id="report-from" type="datetime-local" value={from} onChange={(change) => setFrom(change.target.value)} />
        <label htmlFor="report-to">{t.cash.to}</label>
        <input id="report-to" type="datetime-local" value={to} onChange={(change) => setTo(change.target.value)} />
        <button type="submit">{t.cash.show}</button>
        <a className="button" href={`/api/reports/shift${range}${range ? '&' : '?'}format=csv`} download>
          {t.cash.csv}
        </a>
      </form>
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
