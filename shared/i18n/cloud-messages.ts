import type { Language } from './language.js';
import { LOCALES } from './numbers.js';

/**
 * Why the GetMeBack cloud has not taken an operation (the «Облако» screen's last answer), as the
 * till read it. The screen says it in the manager's language; the till's own technical text (in
 * English) stays in the log, the call journal and the provider's `lastError`.
 *
 * - `refused`: GetMeBack's own refusal (`result: "error"`), `message` its words;
 * - `http`: an HTTP error (`status`), `message` the words in its body if the cloud wrote any;
 * - `timeout`: no answer within `waitedMs`;
 * - `unreachable`: no connection (refused, reset, name not found…);
 * - `unreadable`: an answer the till cannot read (not JSON, or JSON of no GetMeBack shape), `message` any words in it;
 * - `notConfigured`: no account address or API key;
 * - `other`: anything else, `message` the till's text as it is (an older till stored only that).
 */
export const CLOUD_REASON_KINDS = ['refused', 'http', 'timeout', 'unreachable', 'unreadable', 'notConfigured', 'other'] as const;
export type CloudReasonKind = (typeof CLOUD_REASON_KINDS)[number];

export interface CloudReason {
  kind: CloudReasonKind;
  /** The cloud's own words, verbatim (for `other`, the till's stored text). */
  message: string | null;
  /** The HTTP status of an `http` answer. */
  status: number | null;
  /** How long the till waited for an answer (`timeout`). */
  waitedMs: number | null;
}

/** A reason with only what its kind needs; the rest null. */
export function cloudReason(kind: CloudReasonKind, fields: Partial<Omit<CloudReason, 'kind'>> = {}): CloudReason {
  return { kind, message: fields.message ?? null, status: fields.status ?? null, waitedMs: fields.waitedMs ?? null };
}

const TEXT = {
  ru: {
    refused: (message: string | null) => (message ? `Облако отклонило операцию: «${message}»` : 'Облако отклонило операцию, не назвав причину'),
    http: (status: string, message: string | null) => `Облако ответило кодом ошибки ${status}${message ? `: «${message}»` : ''}`,
    timeout: (waited: string) => `Облако не ответило за ${waited}`,
    late: 'Облако не ответило вовремя',
    unreachable: 'Нет связи с облаком: проверьте интернет на главной кассе',
    unreadable: (message: string | null) => `Ответ облака не удалось прочитать${message ? `: «${message}»` : ''}`,
    notConfigured: 'Облако не настроено: укажите адрес личного кабинета и API-ключ на экране «Настройки»',
    notSent: (payment: string) =>
      `Не отправлялся: облако не получало оплату ${payment} (её операцию закрыли вручную как непроведённую), возвращать в облаке нечего`,
    droppedWith: (by: string, at: string, payment: string, note: string) => `${by}, ${at}: закрыт вместе с оплатой ${payment}, которую облако не получало: ${note}`,
  },
  en: {
    refused: (message: string | null) => (message ? `The cloud refused the operation: “${message}”` : 'The cloud refused the operation without a reason'),
    http: (status: string, message: string | null) => `The cloud answered with error code ${status}${message ? `: “${message}”` : ''}`,
    timeout: (waited: string) => `The cloud did not answer within ${waited}`,
    late: 'The cloud did not answer in time',
    unreachable: 'No connection to the cloud: check the main till’s internet',
    unreadable: (message: string | null) => `The cloud’s answer could not be read${message ? `: “${message}”` : ''}`,
    notConfigured: 'The cloud is not set up: enter the account URL and the API key on the Settings screen',
    notSent: (payment: string) =>
      `Not sent: the cloud never got payment ${payment} (its operation was settled by hand as dropped), so there is nothing to refund there`,
    droppedWith: (by: string, at: string, payment: string, note: string) => `${by}, ${at}: dropped with payment ${payment}, which the cloud never got: ${note}`,
  },
} as const;

/** "10 секунд", "2,5 секунды", "10 seconds": through `Intl`, never a plural built by hand. */
function seconds(ms: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'unit', unit: 'second', unitDisplay: 'long', maximumFractionDigits: 1 }).format(ms / 1000);
}

/** What the cloud last said about an operation, in the manager's language (the cloud's own words kept as they are). */
export function cloudReasonText(reason: CloudReason, language: Language): string {
  const t = TEXT[language];
  switch (reason.kind) {
    case 'refused':
      return t.refused(reason.message);
    case 'http':
      return t.http(String(reason.status ?? '—'), reason.message);
    case 'timeout':
      return reason.waitedMs === null ? t.late : t.timeout(seconds(reason.waitedMs, language));
    case 'unreachable':
      return t.unreachable;
    case 'unreadable':
      return t.unreadable(reason.message);
    case 'notConfigured':
      return t.notConfigured;
    case 'other':
      return reason.message ?? '';
  }
}

/**
 * A refund's call dropped because the cloud never got the payment it refunds (that payment's call
 * was settled by hand as dropped): when the refund was recorded (`by` null: the till itself, it was
 * never sent), or together with the payment's settling (`by`, `at`, `note`: that person's).
 */
export function droppedWithPaymentText(settled: { payment: string; by: string | null; at: string; note: string }, language: Language): string {
  const t = TEXT[language];
  return settled.by ? t.droppedWith(settled.by, settled.at, settled.payment, settled.note) : t.notSent(settled.payment);
}
