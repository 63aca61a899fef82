import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, query } from '../api/client.js';
import type { ShiftReport as Report } from '../../../shared/admin/waiter-cash.js';
import type { CloseShiftAnswer, ShiftsResponse } from '../../../shared/admin/shifts.js';
import { formatDateTime } from '../format/date.js';
import { formatRoubles } from '../format/money.js';
import { useLanguage, useTexts } from '../stores/status-store.js';
import { useWaitersStore } from './waiters-store.js';
import { CountedExport } from './CountedExport.js';
import { CloseShiftDialog } from './CloseShiftDialog.js';
import { printPiece, type Paper } from './print-paper.js';
import { reportRange } from './report-range.js';
import { waiterName } from './waiter-name.js';

/**
 * The shift's cash by waiter (opening debt, taken, handed in, refunds, closing debt), as CSV and on
 * paper. Periods are business days typed as «27.11.2026» (no native date input: those follow the
 * OS's locale); empty is the current business day. Once the cashier has closed a shift, the report
 * covers shift to shift: the open one by default, or a closed one picked from the list.
 */
export function ShiftReport() {
  const t = useTexts();
  const language = useLanguage();
  const waiters = useWaitersStore((state) => state.waiters);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [failed, setFailed] = useState<boolean | string>(false);
  const [applied, setApplied] = useState({ from: '', to: '' });
  const [shifts, setShifts] = useState<ShiftsResponse | null>(null);
  // '' = by business days; 'current' or a closed shift's number. Until the cashier picks, it follows the shifts.
  const [picked, setPicked] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [closedNote, setClosedNote] = useState<number | null>(null);
  const shiftChoice = picked ?? (shifts && shifts.closed.length > 0 ? 'current' : '');
  const chosen = reportRange(applied.from, applied.to);
  const typed = reportRange(from, to);

  const range = shiftChoice !== '' ? query({ shift: shiftChoice }) : 'problem' in chosen ? '' : query(chosen);
  // Printing waits for the report to be loaded afresh («Готовим…»), then prints once it is on screen.
  const [preparing, setPreparing] = useState<Paper | null>(null);
  const [printWhenShown, setPrintWhenShown] = useState<Paper | null>(null);
  const load = useCallback(async (): Promise<boolean> => {
    try {
      setReport(await api.get<Report>(`/api/reports/shift${range}`));
      setFailed(false);
      return true;
    } catch (error) {
      // The till's own words where it gave them (a period that ends before it starts); the old figures go.
      setFailed(error instanceof ApiError && error.status < 500 ? error.message : true);
      setReport(null);
      return false;
    }
  }, [range]);

  const print = async (paper: Paper) => {
    setPreparing(paper);
    const loaded = await load();
    setPreparing(null);
    if (loaded) setPrintWhenShown(paper);
  };
  // An effect runs after the new figures are in the page: what prints is what was just loaded.
  useEffect(() => {
    if (printWhenShown === null) return;
    setPrintWhenShown(null);
    printPiece('report', printWhenShown);
  }, [printWhenShown]);

  const loadShifts = useCallback(async () => {
    try {
      setShifts(await api.get<ShiftsResponse>('/api/shifts'));
    } catch {
      setFailed(true);
    }
  }, []);

  // Follows the chosen period and the waiters' figures, so the report is never behind the cards above it.
  useEffect(() => {
    void load();
  }, [load, waiters]);
  // A shift closed (here or on another screen) moves the waiters' figures too.
  useEffect(() => {
    void loadShifts();
  }, [loadShifts, waiters]);

  const closed = (answer: CloseShiftAnswer) => {
    setClosing(false);
    setClosedNote(answer.shift.number);
    setPicked(String(answer.shift.number));
    void loadShifts();
  };

  const show = (submit: FormEvent) => {
    submit.preventDefault();
    if ('problem' in typed) return;
    setPicked('');
    // A new period loads through the effect below; the same one again is reloaded here.
    if (from === applied.from && to === applied.to) void load();
    else setApplied({ from, to });
  };
  const money = (kopecks: number) => formatRoubles(kopecks, language);

  return (
    <section className="panel print-report" aria-labelledby="report-title">
      <h3 id="report-title">{t.cash.report}</h3>
      <div className="row shift-row no-print">
        <label htmlFor="report-shift">{t.cash.shift}</label>
        <select id="report-shift" value={shiftChoice} onChange={(change) => setPicked(change.target.value)}>
          <option value="">{t.cash.shiftByDays}</option>
          {shifts && <option value="current">{t.cash.shiftOpen(shifts.open.number, formatDateTime(shifts.open.from, language))}</option>}
          {shifts?.closed.map((shift) => (
            <option key={shift.number} value={String(shift.number)}>
              {t.cash.shiftClosedRange(shift.number, formatDateTime(shift.from, language), formatDateTime(shift.to, language))}
            </option>
          ))}
        </select>
        <button type="button" disabled={!shifts} onClick={() => setClosing(true)}>
          {t.cash.closeShift}
        </button>
        {closedNote !== null && (
          <span role="status" data-testid="shift-closed">
            {t.cash.shiftClosedDone(closedNote)}
          </span>
        )}
      </div>
      <form className="row no-print" onSubmit={show} noValidate>
        <DayField field="from" label={t.cash.businessDay} placeholder={t.cash.datePlaceholder} value={from} onChange={setFrom} invalid={'problem' in typed && typed.field === 'from'} />
        <DayField field="to" label={t.cash.throughDay} placeholder={t.cash.datePlaceholder} value={to} onChange={setTo} invalid={'problem' in typed && typed.field === 'to'} />
        <button type="submit">{t.cash.show}</button>
        <button type="button" disabled={preparing !== null} onClick={() => void print('a4')}>
          {t.cash.printA4}
        </button>
        <button type="button" disabled={preparing !== null} onClick={() => void print('receipt')}>
          {t.cash.printReceipt}
        </button>
        {preparing && (
          <span role="status" data-testid="print-preparing">
            {t.cash.preparingPrint}
          </span>
        )}
      </form>
      <CountedExport
        url={`/api/reports/shift${range}${range ? '&' : '?'}format=csv`}
        label={t.cash.csv}
        progressText={t.cash.reportCsvProgress}
        doneText={t.cash.reportCsvDone}
        testId="report-export"
      />
      <CountedExport url={`/api/reports/cash-movements${range}`} label={t.cash.movementsCsv} progressText={t.cash.movementsProgress} doneText={t.cash.movementsDone} testId="export" />
      {'problem' in typed && (
        <p id="report-period-error" className="field-error" role="alert">
          {t.cash.dateProblem}
        </p>
      )}
      {report && shiftChoice !== '' && (
        <p className="report-shift" data-testid="report-shift">
          {shiftChoice === 'current' ? t.cash.shiftOpen(shifts?.open.number ?? 0, formatDateTime(report.from, language)) : t.cash.shiftNumber(shiftChoice)}
        </p>
      )}
      {report && (
        <p className="report-period" data-testid="report-period">
          {t.cash.period(formatDateTime(report.from, language), formatDateTime(report.to, language))}
        </p>
      )}
      {failed && (
        <p role="alert" className="error">
          {failed === true ? t.error.loadFailed : failed}
        </p>
      )}
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
      {closing && shifts && <CloseShiftDialog shift={shifts.open.number} onClosed={closed} onCancel={() => setClosing(false)} />}
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
