import { nextDate, parseTypedDate } from '../format/date.js';

/**
 * The shift report's query from the business days the cashier typed: from the first day's start to
 * the start of the day after the last one (the server reads a bare date as its business day's
 * start). Both empty: the current business day, the server's default.
 */
export function reportRange(fromText: string, toText: string): { from?: string; to?: string } | { problem: 'dateInvalid'; field: 'from' | 'to' } {
  const from = fromText.trim() === '' ? null : parseTypedDate(fromText);
  if (fromText.trim() !== '' && from === null) return { problem: 'dateInvalid', field: 'from' };
  const through = toText.trim() === '' ? from : parseTypedDate(toText);
  if (toText.trim() !== '' && through === null) return { problem: 'dateInvalid', field: 'to' };
  if (from === null) return through === null ? {} : { to: nextDate(through) };
  return { from, ...(through === null ? {} : { to: nextDate(through) }) };
}
