import type { Language } from '../../../shared/i18n/language.js';
import type { ShiftReport, ShiftTotals } from './shift-report.js';
import { cashMessage } from './waiter-cash-messages.js';

/**
 * The shift report as a file the manager opens in Excel with a Russian locale: UTF-8 with a BOM
 * (without it Excel reads Cyrillic as cp1251 mojibake), `;` between cells (the Russian list
 * separator, since `,` is the decimal mark), CRLF line ends, money as `1500,00`.
 */
export const CSV_BOM = '\ufeff';

/** `1500,00`, `-900,00`: a number Russian Excel reads as a number (no thousands separator, no ₽). */
export function csvMoney(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A text cell, quoted when it holds a separator, a quote, a line break or edge spaces. Names come
 * from iikoWaiter and the manager: one starting with = + - @ would run as an Excel formula, so it
 * is prefixed with an apostrophe and stays text.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function sums(line: ShiftTotals): string[] {
  return [line.openingDebt, line.taken, line.handedIn, line.reversed, line.closingDebt].map(csvMoney);
}

export function shiftReportCsv(report: ShiftReport, language: Language): string {
  const header = (['csvWaiter', 'csvWaiterId', 'csvOpeningDebt', 'csvTaken', 'csvHandedIn', 'csvReversed', 'csvClosingDebt'] as const).map(
    (key) => csvText(cashMessage(language, key)),
  );
  const rows: string[][] = [
    header,
    ...report.waiters.map((line) => [csvText(line.name ?? ''), csvText(line.id), ...sums(line)]),
    [csvText(cashMessage(language, 'csvTotals')), '', ...sums(report.totals)],
    // Cash that never became a waiter's debt: in the "cash taken" column, since it was taken straight into the till.
    [csvText(cashMessage(language, 'csvCashToTill')), '', '', csvMoney(report.cashToTill), '', '', ''],
  ];
  return CSV_BOM + rows.map((row) => row.join(';')).join('\r\n') + '\r\n';
}

/** `shift-report-2026-11-29.csv`, `cash-movements-2026-11-29.csv`: the local date the period starts on. */
export function reportFileName(from: Date, name = 'shift-report'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${name}-${from.getFullYear()}-${pad(from.getMonth() + 1)}-${pad(from.getDate())}.csv`;
}
