/**
 * Who recorded a cash entry, and its note, as people read them. The till marks an entry it made on
 * nobody's word with its own words — `cashier` (a hand-in or a shift close whose cashier left the
 * name empty, before this was stored as ''), `refund` (the note of a refund's reversal, which its
 * kind already says) — and a waiter by the PIN hash iikoWaiter gave (`pin:…`) or by iiko's employee
 * id (`iiko:…`): none of them is a name. Shown: nothing for the first two, the waiter's name (or
 * `iikoWaiter` when it has none) for a waiter's id.
 */
export function recorderShown(recordedBy: string, nameOf: (waiterId: string) => string | null): string {
  if (recordedBy === '' || recordedBy === 'cashier') return '';
  if (recordedBy.startsWith('pin:') || recordedBy.startsWith('iiko:')) return nameOf(recordedBy)?.trim() || 'iikoWaiter';
  return recordedBy;
}

export function cashNoteShown(kind: string, note: string): string {
  return kind === 'refund_reversal' && note === 'refund' ? '' : note;
}
