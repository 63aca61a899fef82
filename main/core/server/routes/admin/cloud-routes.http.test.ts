import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectionCheckAnswer, JournalResponse, OutboxActionAnswer, OutboxResponse } from '../../../../../shared/admin/cloud.js';
import { AdminProblem } from '../../../../../shared/admin/problem.js';
import type { FakeGetMeBackCloud } from '../../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../../testing/test-till.js';
import { FAST_TIMING, cashPayment, closeCloud, eventually, outboxOf, paymentOperationIds, startCloudWithGuests } from '../../../testing/cloud-test-kit.js';

const ORDER = '8c8c8c8c-8c8c-4c8c-8c8c-8c8c8c8c8c8c';
let fake: FakeGetMeBackCloud;
let till: TestTill;

afterEach(() => closeCloud(till, fake));

async function outbox(): Promise<OutboxResponse> {
  return OutboxResponse.parse((await till.http('GET', '/api/cloud/outbox')).body);
}

/** g-1 pays 300 of 1 000 with bonuses (35 accrued), delivered to the cloud. */
async function paidAndDelivered(): Promise<void> {
  await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-G-1001' });
  await till.waiter('POST', `/orders/${ORDER}/payments`, cashPayment(1000, 300), { 'Idempotency-Key': 'pay' });
  await eventually(async () => (await outboxOf(till)) === 0, 'the payment to be delivered');
}

/** A person returns the paid order in the GetMeBack cabinet. */
async function returnedInTheCabinet(): Promise<void> {
  const [paid] = paymentOperationIds(till);
  const byHand = await fetch(`${fake.url}/rest/base/v33/validator/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'refund', id_client: 'g-1', invoice_num: 'in-the-cabinet', refund_invoice_num: paid, api_key: fake.apiKey }),
  });
  expect(byHand.status).toBe(200);
}

/** The manager settles the outbox's first operation by hand. */
async function settleFirst(outcome: 'applied' | 'dropped', note = 'returned in the GetMeBack cabinet'): Promise<void> {
  const id = (await outbox()).operations[0]?.id as number;
  await till.http('POST', `/api/cloud/outbox/${id}/settle`, { outcome, by: 'Ольга', note });
}

/** A paid order whose operation the cloud refuses until it is parked. */
async function parkedPayment(): Promise<string> {
  await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-G-1002' });
  fake.loseOperationAnswers(true);
  await till.waiter('POST', `/orders/${ORDER}/payments`, cashPayment(600), { 'Idempotency-Key': 'parked-1' });
  const [operationId] = paymentOperationIds(till) as [string];
  // Sent once without an answer (uncertain), then refused until parked.
  await eventually(() => fake.timesReceived(operationId) >= 1, 'the first send');
  fake.loseOperationAnswers(false);
  fake.refuseOperation(operationId, 'Клиент заблокирован');
  await eventually(async () => (await outbox()).operations[0]?.state === 'parked', 'the operation to be parked');
  return operationId;
}

describe('the outbox screen’s API', () => {
  it('shows a parked operation with the cloud’s message and the guest’s uncertain balance; "retry now" sends it again and delivery releases the guest', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: { ...FAST_TIMING, refusalsBeforeParking: 2 } }));
    const operationId = await parkedPayment();

    const parked = await outbox();
    expect(parked.operations[0]).toMatchObject({ invoiceNum: operationId, state: 'parked', guestId: 'g-2', lastError: expect.stringContaining('Клиент заблокирован') });
    expect(parked.operations[0]?.body).not.toHaveProperty('api_key');

    fake.refuseOperation(operationId, null);
    const id = parked.operations[0]?.id as number;
    const retried = await till.http('POST', `/api/cloud/outbox/${id}/retry`, {});
    expect(retried.status).toBe(200);
    expect(OutboxActionAnswer.parse(retried.body).operation.state).toBe('pending');
    await eventually(async () => (await outboxOf(till)) === 0, 'the retried operation to be delivered');
    expect((await outbox()).uncertainGuests).toEqual([]);
    expect(fake.applied()).toEqual([operationId]);

    const again = await till.http('POST', `/api/cloud/outbox/${id}/retry`, {});
    expect(again.status).toBe(409);
    expect(AdminProblem.parse(again.body).Message).toBe('Операция не отложена: её нельзя отправить повторно вручную.');
  });

  it('settles a parked operation by hand: who, when and why are kept, the guest is released, and it is never sent again', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: { ...FAST_TIMING, refusalsBeforeParking: 2 } }));
    const operationId = await parkedPayment();
    const before = await outbox();
    expect(before.uncertainGuests).toEqual([{ guestId: 'g-2', invoiceNums: [operationId] }]);
    const id = before.operations[0]?.id as number;

    const bad = await till.http('POST', `/api/cloud/outbox/${id}/settle`, { outcome: 'maybe', by: '', note: 'x' });
    expect(bad.status).toBe(400);
    expect(AdminProblem.parse(bad.body).Errors?.map((error) => error.Field)).toEqual(['outcome', 'by']);

    const settled = await till.http('POST', `/api/cloud/outbox/${id}/settle`, { outcome: 'applied', by: 'Ольга', note: 'GetMeBack support: applied on 02.12' });
    expect(OutboxActionAnswer.parse(settled.body).operation).toMatchObject({
      state: 'settled',
      settled: { by: 'Ольга', note: 'GetMeBack support: applied on 02.12', outcome: 'applied', at: expect.any(String) },
    });
    const after = await outbox();
    expect(after.uncertainGuests).toEqual([]);
    expect(after.operations).toHaveLength(1);
    expect(await outboxOf(till)).toBe(0);
    expect(till.core.provider.status().lastError).toBeNull();
    const twice = await till.http('POST', `/api/cloud/outbox/${id}/settle`, { outcome: 'dropped', by: 'Ольга', note: 'again' });
    expect(twice.status).toBe(409);
    const sends = fake.timesReceived(operationId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.timesReceived(operationId)).toBe(sends);
    // The guest's balance is the cloud's again, ready for spending (no stale refusal).
    const pre = await till.waiter('POST', `/orders/9d9d9d9d-9d9d-4d9d-8d9d-9d9d9d9d9d9d/checkin`, { Value: 'GMB-G-1002' });
    expect(pre.status).toBe(204);
  });

  it('lists refunds for manual reconciliation by default, sends none, and settles them by hand', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-G-1002' });
    await till.waiter('POST', `/orders/${ORDER}/payments`, cashPayment(600), { 'Idempotency-Key': 'pay' });
    await eventually(async () => (await outboxOf(till)) === 0, 'the payment to be delivered');
    const refund = await till.waiter('POST', `/orders/${ORDER}/refund`, {}, { 'Idempotency-Key': 'refund' });
    expect(refund.body).toMatchObject({ AccrualReversed: 30, Balance: 300 });

    const listed = await outbox();
    expect(listed.refunds).toBe('manual');
    expect(listed.operations).toMatchObject([{ state: 'manual', kind: 'refund', guestId: 'g-2' }]);
    expect(await outboxOf(till)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.requests.some((body) => body.type === 'refund')).toBe(false);

    const id = listed.operations[0]?.id as number;
    const settled = await till.http('POST', `/api/cloud/outbox/${id}/settle`, { outcome: 'applied', by: 'Ольга', note: 'returned 30 ₽ in the GetMeBack cabinet' });
    expect(settled.status).toBe(200);
    expect((await outbox()).operations[0]).toMatchObject({ state: 'settled', settled: { outcome: 'applied' } });
  });

  it('counts a refund settled as applied in the cloud once: the balance the waiter sees is the cloud\'s', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    await paidAndDelivered();
    await till.waiter('POST', `/orders/${ORDER}/refund`, {}, { 'Idempotency-Key': 'refund' });
    // The manager returns it in the GetMeBack cabinet, then settles it in the till as applied there.
    await returnedInTheCabinet();
    await settleFirst('applied');
    const next = '9d9d9d9d-9d9d-4d9d-8d9d-9d9d9d9d9d9d';
    await till.waiter('POST', `/orders/${next}/checkin`, { Value: 'GMB-G-1001' });
    const view = (await till.waiter('GET', `/orders/${next}`)).body as { Guest: { Balance: number } };
    expect(Math.round(view.Guest.Balance * 100)).toBe(fake.balanceOf('g-1'));
  });
});

describe('a refund and the balance a waiter sees: what it gives back counts when the cloud has it, never before, never twice', () => {
  const NEXT = '9e9e9e9e-9e9e-4e9e-8e9e-9e9e9e9e9e9e';
  const seen = async () => Math.round(((await till.waiter('GET', `/orders/${NEXT}`)).body as { Guest: { Balance: number } }).Guest.Balance * 100);
  /** g-1 paid 300 of 1 000 with bonuses (35 accrued), delivered; then the order is refunded (300 back, 35 reversed). */
  async function refundedOrder(): Promise<void> {
    await paidAndDelivered();
    const refunded = await till.waiter('POST', `/orders/${ORDER}/refund`, {}, { 'Idempotency-Key': 'refund' });
    expect(refunded.body).toMatchObject({ BonusReturned: 300, AccrualReversed: 35 });
    await till.waiter('POST', `/orders/${NEXT}/checkin`, { Value: 'GMB-G-1001' });
  }

  it('listed for reconciliation by hand (the default): the 300 come back when the cabinet has them; settled, the cloud\'s balance exactly', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    await refundedOrder();
    const before = fake.balanceOf('g-1');
    // Not yet in the cloud: the 300 are not spendable; the 35 accrued and reversed are taken off already.
    expect(await seen()).toBe(before - 3_500);
    await returnedInTheCabinet();
    expect(fake.balanceOf('g-1')).toBe(before + 30_000 - 3_500);
    // The cloud has both now: the 300 once; the 35 the till still takes off too until told (the lower figure).
    expect(await seen()).toBe(fake.balanceOf('g-1') - 3_500);
    await settleFirst('applied');
    expect(await seen()).toBe(fake.balanceOf('g-1'));
  });

  it('the guest\'s last profile, read between the cabinet and the settling and shown offline after it, is never above the cloud', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    await refundedOrder();
    await returnedInTheCabinet();
    expect(await seen()).toBeLessThanOrEqual(fake.balanceOf('g-1'));
    await fake.down();
    await settleFirst('applied');
    expect(await seen()).toBeLessThanOrEqual(fake.balanceOf('g-1'));
  });

  it('dropped by hand: the 300 never count, the 35 no longer', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    await refundedOrder();
    await settleFirst('dropped', 'the guest kept the dish');
    expect(await seen()).toBe(fake.balanceOf('g-1'));
  });

  it('sent to the cloud (cloud.refunds = send) and refused there: the guest cannot spend the 300 the cloud has not got', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING, refunds: 'send' }));
    await paidAndDelivered();
    await fake.down();
    await till.waiter('POST', `/orders/${ORDER}/refund`, {}, { 'Idempotency-Key': 'refund' });
    const refund = (till.core.db.prepare('SELECT operation_id FROM refunds').get() as { operation_id: string }).operation_id;
    fake.refuseOperation(refund, 'Неизвестный тип операции refund');
    await fake.up();
    await eventually(() => fake.timesReceived(refund) >= 2, 'the refund to be refused');
    await till.waiter('POST', `/orders/${NEXT}/checkin`, { Value: 'GMB-G-1001' });
    expect(await seen()).toBe(fake.balanceOf('g-1') - 3_500);
    const spend = await till.waiter('POST', `/orders/${NEXT}/payments`, cashPayment(3000, 1500), { 'Idempotency-Key': 'spend' });
    expect((spend.body as { WaiterMessage?: string }).WaiterMessage).toMatch(/не больше|можно списать|максимум/i);
  });
});

describe('the journal of cloud calls', () => {
  it('keeps every call and answer with the key masked, filters them, and downloads them as one file', async () => {
    ({ fake, till } = await startCloudWithGuests({ timing: FAST_TIMING }));
    await till.waiter('POST', `/orders/${ORDER}/checkin`, { Value: 'GMB-G-1001' });
    await till.waiter('POST', `/orders/${ORDER}/payments`, cashPayment(600), { 'Idempotency-Key': 'journal' });
    await eventually(async () => (await outboxOf(till)) === 0, 'the payment to be delivered');

    const all = JournalResponse.parse((await till.http('GET', '/api/cloud/journal')).body).calls;
    expect(all.map((call) => call.call)).toEqual(['bonus', 'lookup:id_client', 'lookup:id_device']);
    expect(all[2]).toMatchObject({ status: 200, url: `${fake.url}/rest/base/v33/validator/`, error: null });
    expect(JSON.parse(all[2]?.request ?? '')).toEqual({ id_device: 'GMB-G-1001', api_key: '[secret]' });
    expect(all[2]?.answer).toContain('Иванов');

    const filtered = JournalResponse.parse((await till.http('GET', '/api/cloud/journal?text=bonus')).body).calls;
    expect(filtered.map((call) => call.call)).toEqual(['bonus']);

    const download = await till.http<JournalResponse>('GET', '/api/cloud/journal?format=download');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="getmeback-journal-.*\.json"$/);
    expect(JSON.stringify(download.body)).not.toContain(fake.apiKey);
    const stored = till.core.db.prepare('SELECT * FROM cloud_journal').all();
    expect(stored.length).toBe(3);
    expect(JSON.stringify(stored)).not.toContain(fake.apiKey);
  });
});

describe('«Проверить подключение»', () => {
  it('shows what was sent (key masked) beside what was answered, and what the till understood', async () => {
    ({ fake, till } = await startCloudWithGuests());
    fake.speak('success');
    fake.takePhoneAs({ path: 'client/', field: 'phone' });
    const answer = await till.http('POST', '/api/cloud/check', { accountUrl: fake.url, apiKey: '••••-123', value: '+7 999 000-00-01' });
    const check = ConnectionCheckAnswer.parse(answer.body);
    expect(check).toMatchObject({ outcome: 'found', understood: { id: 'g-1', name: 'Иванов Иван Иванович', balance: 150_000, phoneForm: 'client-phone', phoneRequest: '…/validator/client/ {"phone"}' } });
    expect(check.exchanges.map((exchange) => [exchange.url.replace(fake.url, ''), exchange.dialect])).toEqual([
      ['/rest/base/v33/validator/', 'success'],
      ['/rest/base/v33/validator/client/', 'success'],
    ]);
    expect(check.exchanges[1]?.sent).toBe('{"phone":"79990000001","api_key":"[secret]"}');
    expect(JSON.stringify(check)).not.toContain(fake.apiKey);
  });

  it('names the field it could not read, and says so when the account is wrong', async () => {
    ({ fake, till } = await startCloudWithGuests());
    const wrongKey = ConnectionCheckAnswer.parse((await till.http('POST', '/api/cloud/check', { accountUrl: fake.url, apiKey: 'wrong', value: 'GMB-G-1001' })).body);
    expect(wrongKey).toMatchObject({ outcome: 'unreadable', field: 'result', problem: 'the cloud said: Неверный ключ API' });
    const nowhere = ConnectionCheckAnswer.parse((await till.http('POST', '/api/cloud/check', { accountUrl: `${fake.url}/nowhere`, apiKey: 'typed-key', value: 'GMB-G-1001' })).body);
    expect(nowhere).toMatchObject({ outcome: 'failed', problem: expect.stringContaining('HTTP 404') });
    const missing = await till.http('POST', '/api/cloud/check', { accountUrl: 'not a url', value: '' });
    expect(missing.status).toBe(400);
    expect(AdminProblem.parse(missing.body).Errors?.map((error) => error.Field)).toEqual(['accountUrl', 'value']);
  });

  it('sends the saved key only to the saved address, and only to an address the settings would take', async () => {
    ({ fake, till } = await startCloudWithGuests());
    // A listener of somebody's own, at another address of this machine.
    const heard: string[] = [];
    const listener = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        heard.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":"ok"}');
      });
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const elsewhere = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/rest/base/v33/validator/`;
    try {
      for (const apiKey of [undefined, '', '••••-123']) {
        const refused = await till.http('POST', '/api/cloud/check', { accountUrl: elsewhere, ...(apiKey === undefined ? {} : { apiKey }), value: 'GMB-G-1001' });
        expect(refused.status).toBe(422);
        expect(AdminProblem.parse(refused.body).Message).toBe('Для нового адреса введите API-ключ ещё раз: сохранённый ключ отправляется только на сохранённый адрес.');
      }
      expect(heard).toEqual([]);
      // A key typed for the new address goes there, and only it.
      await till.http('POST', '/api/cloud/check', { accountUrl: elsewhere, apiKey: 'typed-for-elsewhere', value: 'GMB-G-1001' });
      expect(heard.length).toBeGreaterThan(0);
      expect(heard.join('\n')).toContain('typed-for-elsewhere');
      expect(heard.join('\n')).not.toContain(fake.apiKey);
      // The saved address still gets the saved key for a masked one (the first test above).
      // Not https, or not GetMeBack's, is refused before anything is sent, as when it is saved.
      heard.length = 0;
      for (const accountUrl of ['http://example.com/rest/', 'https://example.com/rest/']) {
        const refused = await till.http('POST', '/api/cloud/check', { accountUrl, apiKey: 'typed', value: 'GMB-G-1001' });
        expect(refused.status).toBe(400);
        expect(AdminProblem.parse(refused.body).Errors?.map((error) => error.Field)).toEqual(['accountUrl']);
      }
      expect(heard).toEqual([]);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });
});
