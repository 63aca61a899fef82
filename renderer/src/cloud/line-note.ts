import type { OutboxLine } from '../../../shared/admin/cloud.js';
import { cloudReasonText, droppedWithPaymentText } from '../../../shared/i18n/cloud-messages.js';
import type { Language } from '../../../shared/i18n/language.js';
import { formatClock } from '../format/time.js';

/**
 * What the «Облако» list says of an operation, in the manager's language: who settled it and why, or
 * the cloud's last answer (its own words kept as they are). A row an older till stored only as text
 * (no reason) shows that text.
 */
export function lineNote(
  line: Pick<OutboxLine, 'settled' | 'reason' | 'lastError'>,
  language: Language,
  settledBy: (by: string, at: string, note: string) => string,
  now?: Date,
): string {
  const { settled } = line;
  if (settled) {
    const at = formatClock(settled.at, language, now);
    if (settled.withPayment) return droppedWithPaymentText({ payment: settled.withPayment, by: settled.by || null, at, note: settled.note }, language);
    return settledBy(settled.by, at, settled.note);
  }
  if (line.reason) return cloudReasonText(line.reason, language);
  return line.lastError ?? '';
}
