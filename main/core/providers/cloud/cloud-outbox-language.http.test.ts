import { afterEach, describe, expect, it } from 'vitest';
import { OutboxResponse, type OutboxLine } from '../../../../shared/admin/cloud.js';
import { StatusResponse } from '../../../../shared/admin/status.js';
import { cloudReasonText } from '../../../../shared/i18n/cloud-messages.js';
import { providerTroubleTexts } from '../../../../shared/i18n/provider-messages.js';
import { russianTextProblems } from '../../../../shared/i18n/text-check.js';
import type { FakeGetMeBackCloud } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { FAST_TIMING, cashPayment, closeCloud, eventually, paymentOperationIds, startCloudWithGuests } from '../../testing/cloud-test-kit.js';

const A = 'a1111111-1111-4111-8111-111111111111';
const B = 'b2222222-2222-4222-8222-222222222222';
let fake: FakeGetMeBackCloud;
let till: TestTill;
afterEach(() => closeCloud(till, fake));

const lines = async () => OutboxResponse.parse((await till.http('GET', '/api/cloud/outbox')).body).operations;
const lineOf = async (invoiceNum: string) => (await lines()).find((line) => line.invoiceNum === invoiceNum) as OutboxLine;
/** What the manager reads of the line on «Облако» in a Russian till. */
const shownInRussian = (line: OutboxLine) => (line.reason ? cloudReasonText(line.reason, 'ru') : line.lastError);

/**
 * The «Облако» list showed the cloud's last answer as the till's English text ("the cloud refused
 * operation 8cfa…: Чек отклонён", "GetMeBack: connection refused", "GetMeBack: no answer within
 * 600 ms", "GetMeBack: HTTP 409 from http://…") in a Russian till. Each now comes with a reason the
 * screen says in the manager's language, the cloud's own words kept; the English text stays for the
 * log, the journal and the provider's `lastError`.
 */
describe('the cloud’s last answer on «Облако», in a Russian till', () => {
  it('says a refusal, no connection and no answer in Russian, the cloud’s own words kept', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    expect(till.core.loyalty.settings().language).toBe('ru');
    await till.waiter('POST', `/orders/${A}/checkin`, { Value: 'GMB-G-1001' });
    await till.waiter('POST', `/orders/${B}/checkin`, { Value: 'GMB-G-1002' });
    await fake.down();
    await till.waiter('POST', `/orders/${A}/payments`, cashPayment(1000), { 'Idempotency-Key': 'a' });
    await till.waiter('POST', `/orders/${B}/payments`, cashPayment(200), { 'Idempotency-Key': 'b' });
    const [refused, unanswered] = paymentOperationIds(till) as [string, string];

    await eventually(async () => (await lines()).every((line) => line.lastError !== null), 'both to fail once');
    for (const line of await lines()) {
      expect(line).toMatchObject({ lastError: 'GetMeBack: connection refused', reason: { kind: 'unreachable' } });
      expect(shownInRussian(line)).toBe('Нет связи с облаком: проверьте интернет на главной кассе');
    }

    fake.refuseOperation(refused, 'Чек отклонён');
    fake.silenceGuest('g-2');
    await fake.up();
    await eventually(async () => (await lineOf(refused)).state === 'parked', 'the refused operation to be parked');
    await eventually(async () => (await lineOf(unanswered)).reason?.kind === 'timeout', 'the silenced guest’s operation to time out');

    const parked = await lineOf(refused);
    expect(parked.lastError).toBe(`the cloud refused operation ${refused}: Чек отклонён`);
    expect(parked.reason).toEqual({ kind: 'refused', message: 'Чек отклонён', status: null, waitedMs: null });
    expect(shownInRussian(parked)).toBe('Облако отклонило операцию: «Чек отклонён»');

    const late = await lineOf(unanswered);
    expect(late.lastError).toMatch(/^GetMeBack: no answer within \d+ ms$/);
    expect(shownInRussian(late)).toMatch(/^Облако не ответило за \d(,\d)? секунд/);

    for (const line of [parked, late]) expect(russianTextProblems(shownInRussian(line) ?? ''), String(shownInRussian(line))).toEqual([]);

    // The header says the provider's trouble in Russian; its `lastError` stays the technical text, for the log.
    const status = StatusResponse.parse((await till.http('GET', '/api/status')).body);
    expect(status.provider.lastError).toContain(`last: the cloud refused operation ${refused}: Чек отклонён`);
    const header = providerTroubleTexts(status.provider, 'ru');
    expect(header.length).toBeGreaterThan(0);
    for (const text of header) expect(russianTextProblems(text), text).toEqual([]);
  });

  it.each([
    [
      'an HTTP 409 with the cloud’s words in it',
      { status: 409, text: JSON.stringify({ result: 'error', message: 'Чек с таким номером уже проведён' }) },
      { kind: 'http', status: 409, message: 'Чек с таким номером уже проведён' },
      'Облако ответило кодом ошибки 409: «Чек с таким номером уже проведён»',
    ],
    [
      'an HTTP 422 with nothing to read in it',
      { status: 422, text: '<html>Unprocessable</html>' },
      { kind: 'http', status: 422, message: null },
      'Облако ответило кодом ошибки 422',
    ],
    [
      'a 200 of no shape the till reads',
      { status: 200, text: JSON.stringify({ status: 'error', message: 'Клиент заблокирован' }) },
      { kind: 'unreadable', message: 'Клиент заблокирован' },
      'Ответ облака не удалось прочитать: «Клиент заблокирован»',
    ],
  ])('says %s in Russian', async (_, answer, reason, russian) => {
    ({ fake, till } = await startCloudWithGuests({ timing: { ...FAST_TIMING, refusalsBeforeParking: 2 } }));
    await till.waiter('POST', `/orders/${A}/checkin`, { Value: 'GMB-G-1001' });
    fake.answerOperationsWith(answer);
    await till.waiter('POST', `/orders/${A}/payments`, cashPayment(1000), { 'Idempotency-Key': 'a' });
    const [stuck] = paymentOperationIds(till) as [string];
    await eventually(async () => (await lineOf(stuck)).state === 'parked', 'the operation to be parked');
    const line = await lineOf(stuck);
    expect(line.lastError).toMatch(/^GetMeBack: /);
    expect(line.reason).toMatchObject(reason);
    expect(shownInRussian(line)).toBe(russian);
  });
});
