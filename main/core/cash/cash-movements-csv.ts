import type { Language } from '../../../shared/i18n/language.js';
import { cashMovementsPage, type CashMovementRow, type MovementsCursor } from '../ledger/cash-movements.js';
import type { TillDatabase } from '../ledger/database.js';
import { CSV_BOM, csvMoney, csvText } from './shift-report-csv.js';
import { cashMessage } from './waiter-cash-messages.js';
import { cashNoteShown, recorderShown } from '../../../shared/cash-recorder.js';

/** Rows read and sent at a time: small enough that a waiter's request never waits long behind a page. */
export const MOVEMENTS_PAGE = 500;

/** `27.11.2026 19:10:05` on the till's clock: a moment Russian Excel reads as a date and time. */
export function csvMoment(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

function line(row: CashMovementRow, language: Language, timeZone: string): string {
  return [
    csvMoment(row.at, timeZone),
    // A refund's cash given back from the drawer (no waiter's account) says so.
    csvText(cashMessage(language, row.kind === 'refund_reversal' && row.waiterId === null ? 'movement_refund_from_till' : `movement_${row.kind}`)),
    csvText(row.waiterName ?? ''),
    csvText(row.waiterId ?? ''),
    csvMoney(row.amount),
    csvText(row.orderId ?? ''),
    csvText(recorderShown(row.recordedBy, () => row.recorderName)),
    csvText(cashNoteShown(row.kind, row.note)),
  ].join(';');
}

/**
 * Every cash-book entry of [from, to) as CSV for Russian Excel (the shift report's conventions),
 * one page of the book per chunk: the till streams it to the browser, which counts the lines as
 * they arrive (the progress bar), and nothing holds the whole file in memory.
 */
export async function* cashMovementsCsv(
  db: TillDatabase,
  period: { from: string; to: string },
  options: { language: Language; timeZone: string; pageSize?: number },
): AsyncGenerator<string> {
  const header = (['csvTime', 'csvOperation', 'csvWaiter', 'csvWaiterId', 'csvAmount', 'csvOrder', 'csvRecordedBy', 'csvNote'] as const).map((key) =>
    csvText(cashMessage(options.language, key)),
  );
  yield `${CSV_BOM}${header.join(';')}\r\n`;
  let cursor: MovementsCursor = { at: period.from, id: 0 };
  for (;;) {
    const rows = cashMovementsPage(db, period, cursor, options.pageSize ?? MOVEMENTS_PAGE);
    const last = rows.at(-1);
    if (!last) return;
    yield rows.map((row) => `${line(row, options.language, options.timeZone)}\r\n`).join('');
    cursor = { at: last.at, id: last.id };
    // Let the waiters' requests in between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
