import { describe, expect, it } from 'vitest';
import { CLOUD_REASON_KINDS, cloudReason, cloudReasonText, droppedWithPaymentText, type CloudReason } from './cloud-messages.js';
import { russianTextProblems } from './text-check.js';

const PAYMENT = '8cfa5c76-3b1e-4c2a-9d0f-1a2b3c4d5e6f';

/** Every kind, with and without the cloud's own (Russian) words, as the «Облако» screen may show it. */
const REASONS: CloudReason[] = [
  cloudReason('refused', { message: 'Чек отклонён' }),
  cloudReason('refused'),
  cloudReason('http', { status: 409, message: 'Чек уже проведён' }),
  cloudReason('http', { status: 503 }),
  cloudReason('timeout', { waitedMs: 10_000 }),
  cloudReason('timeout', { waitedMs: 599 }),
  cloudReason('timeout'),
  cloudReason('unreachable'),
  cloudReason('unreadable', { message: 'Клиент заблокирован' }),
  cloudReason('unreadable'),
  cloudReason('notConfigured'),
];

describe('the cloud’s last answer, as the «Облако» screen says it', () => {
  it('has a text for every kind, in Russian without a Latin word (the cloud’s own words kept as they are)', () => {
    expect(new Set(REASONS.map((reason) => reason.kind))).toEqual(new Set(CLOUD_REASON_KINDS.filter((kind) => kind !== 'other')));
    const russian = REASONS.map((reason) => cloudReasonText(reason, 'ru'));
    for (const text of russian) expect(russianTextProblems(text), text).toEqual([]);
    expect(russian).toEqual([
      'Облако отклонило операцию: «Чек отклонён»',
      'Облако отклонило операцию, не назвав причину',
      'Облако ответило кодом ошибки 409: «Чек уже проведён»',
      'Облако ответило кодом ошибки 503',
      'Облако не ответило за 10 секунд',
      'Облако не ответило за 0,6 секунды',
      'Облако не ответило вовремя',
      'Нет связи с облаком: проверьте интернет на главной кассе',
      'Ответ облака не удалось прочитать: «Клиент заблокирован»',
      'Ответ облака не удалось прочитать',
      'Облако не настроено: укажите адрес личного кабинета и API-ключ на экране «Настройки»',
    ]);
    expect(REASONS.map((reason) => cloudReasonText(reason, 'en'))).toContain('The cloud did not answer within 10 seconds');
    expect(cloudReasonText(cloudReason('http', { status: 409, message: 'Чек уже проведён' }), 'en')).toBe('The cloud answered with error code 409: “Чек уже проведён”');
  });

  it('shows a text it has no reason for (an older till’s row) as it is', () => {
    expect(cloudReasonText(cloudReason('other', { message: 'something the till once said' }), 'ru')).toBe('something the till once said');
  });

  it('says why a refund was not sent: the cloud never got the payment it refunds', () => {
    const atOnce = droppedWithPaymentText({ payment: PAYMENT, by: null, at: '12:05:09', note: '' }, 'ru');
    const withPayment = droppedWithPaymentText({ payment: PAYMENT, by: 'Ольга', at: '12:05:09', note: 'не проводить' }, 'ru');
    for (const text of [atOnce, withPayment]) expect(russianTextProblems(text), text).toEqual([]);
    expect(atOnce).toBe(
      `Не отправлялся: облако не получало оплату ${PAYMENT} (её операцию закрыли вручную как непроведённую), возвращать в облаке нечего`,
    );
    expect(withPayment).toBe(`Ольга, 12:05:09: закрыт вместе с оплатой ${PAYMENT}, которую облако не получало: не проводить`);
    expect(droppedWithPaymentText({ payment: PAYMENT, by: null, at: '12:05:09', note: '' }, 'en')).toMatch(/^Not sent: the cloud never got payment/);
  });
});
