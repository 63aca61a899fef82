import { describe, expect, it } from 'vitest';
import { cloudReason } from '../../../shared/i18n/cloud-messages.js';
import { russianTextProblems } from '../../../shared/i18n/text-check.js';
import { en } from '../i18n/en.js';
import { ru } from '../i18n/ru.js';
import { lineNote } from './line-note.js';

const NOW = new Date('2026-12-03T15:00:00');
const AT = new Date('2026-12-03T12:05:09').toISOString();
const PAYMENT = '8cfa5c76-3b1e-4c2a-9d0f-1a2b3c4d5e6f';
const open = (fields: { reason?: ReturnType<typeof cloudReason> | null; lastError?: string | null }) => ({ settled: null, reason: null, lastError: null, ...fields });

describe('what the «Облако» list says of an operation', () => {
  it('says the cloud’s last answer in the manager’s language, the cloud’s words kept', () => {
    const line = open({ lastError: 'the cloud refused operation x: Чек отклонён', reason: cloudReason('refused', { message: 'Чек отклонён' }) });
    expect(lineNote(line, 'ru', ru.cloud.settledBy, NOW)).toBe('Облако отклонило операцию: «Чек отклонён»');
    expect(lineNote(line, 'en', en.cloud.settledBy, NOW)).toBe('The cloud refused the operation: “Чек отклонён”');
    const offline = open({ lastError: 'GetMeBack: connection refused', reason: cloudReason('unreachable') });
    expect(russianTextProblems(lineNote(offline, 'ru', ru.cloud.settledBy, NOW))).toEqual([]);
  });

  it('shows a row with no reason (stored as text by an older till) as its text', () => {
    expect(lineNote(open({ lastError: 'Клиент заблокирован' }), 'ru', ru.cloud.settledBy, NOW)).toBe('Клиент заблокирован');
    expect(lineNote(open({}), 'ru', ru.cloud.settledBy, NOW)).toBe('');
  });

  it('says who settled it, and why a refund dropped with its payment was not sent', () => {
    const byHand = { settled: { at: AT, by: 'Ольга', note: 'вернули в кабинете', outcome: 'applied' as const, withPayment: null }, reason: null, lastError: null };
    expect(lineNote(byHand, 'ru', ru.cloud.settledBy, NOW)).toBe('Ольга, 12:05:09: вернули в кабинете');
    const atOnce = { ...byHand, settled: { at: AT, by: '', note: '', outcome: 'dropped' as const, withPayment: PAYMENT } };
    expect(lineNote(atOnce, 'ru', ru.cloud.settledBy, NOW)).toMatch(new RegExp(`^Не отправлялся: облако не получало оплату ${PAYMENT}`));
    const withPayment = { ...byHand, settled: { at: AT, by: 'Ольга', note: 'не проводить', outcome: 'dropped' as const, withPayment: PAYMENT } };
    expect(lineNote(withPayment, 'ru', ru.cloud.settledBy, NOW)).toBe(`Ольга, 12:05:09: закрыт вместе с оплатой ${PAYMENT}, которую облако не получало: не проводить`);
    for (const line of [atOnce, withPayment]) expect(russianTextProblems(lineNote(line, 'ru', ru.cloud.settledBy, NOW))).toEqual([]);
  });
});
