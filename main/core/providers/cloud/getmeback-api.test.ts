import { describe, expect, it } from 'vitest';
import { clientBody, cloudCallsOf, describeCall, giftBody, lookupBody, lookupRequests, readAnswer, readLookup, validatorUrl } from './getmeback-api.js';

const BRANCH = { branchId: '12', branchName: 'Центральный' };

function lookupOf(json: unknown) {
  const answer = readAnswer(json);
  if (!answer) throw new Error('not an answer');
  return readLookup(answer);
}

describe('the GetMeBack API mapping', () => {
  it('posts every call to <account>/rest/base/<version>/validator/ or a sub-path of it', () => {
    expect(validatorUrl({ accountUrl: 'https://cafe.getmeback.ru/', apiVersion: 'v32' })).toBe('https://cafe.getmeback.ru/rest/base/v32/validator/');
    expect(validatorUrl({ accountUrl: 'https://cafe.getmeback.ru', apiVersion: 'v32' }, 'client/')).toBe('https://cafe.getmeback.ru/rest/base/v32/validator/client/');
  });

  it('looks a phone number up as the login and anything else as a device (QR) token', () => {
    expect(lookupBody('8 (999) 000-00-01')).toEqual({ login: '79990000001' });
    expect(lookupBody(' GMB-G-1001 ')).toEqual({ id_device: 'GMB-G-1001' });
  });

  it('reads a guest, a gift QR, an unknown code, and refuses what it cannot read', () => {
    expect(lookupOf({ result: 'ok', client: { id_client: 42, name: 'Анна', balance: 1045.5 } })).toEqual({
      kind: 'found',
      guest: { id: '42', fullName: 'Анна', balance: 104_550, gifts: [] },
      voucher: null,
    });
    expect(
      lookupOf({
        result: 'ok',
        client: { id_client: 'g-1', name: 'Иван', balance: '0.29' },
        gift: { id_gift: 7, name: 'Капучино', product_code: 1001, points: 200, used: true },
      }),
    ).toMatchObject({ guest: { balance: 29 }, voucher: { id: '7', guestId: 'g-1', productCode: '1001', points: 20_000, used: true } });
    expect(lookupOf({ result: 'error', message: 'Клиент не найден' })).toEqual({ kind: 'unknown' });
    expect(lookupOf({ result: 'ok' })).toEqual({ kind: 'unknown' });
    expect(lookupOf({ result: 'error', message: 'Сервис недоступен' })).toEqual({ kind: 'unreadable', field: 'result', problem: 'the cloud said: Сервис недоступен' });
    expect(lookupOf({ result: 'ok', client: { id_client: 1, name: 'Без баланса' } })).toEqual({ kind: 'unreadable', field: 'client.balance', problem: 'missing' });
    expect(lookupOf({ result: 'ok', client: { id_client: 1, name: 'A', balance: 'много' } })).toMatchObject({ kind: 'unreadable', field: 'client.balance' });
    expect(readAnswer({ status: 'ok' })).toBeNull();
  });

  it('reads every dialect into the same guest: result, success + data, a bare client, a list of clients', () => {
    const client = { id_client: 7, name: 'Анна', balance: 120 };
    const guest = { kind: 'found', guest: { id: '7', fullName: 'Анна', balance: 12_000, gifts: [] }, voucher: null };
    expect(lookupOf({ result: 'ok', client })).toEqual(guest);
    expect(lookupOf({ success: true, data: client })).toEqual(guest);
    expect(lookupOf({ success: true, data: { client } })).toEqual(guest);
    expect(lookupOf(client)).toEqual(guest);
    expect(lookupOf([client, { id_client: 8, name: 'Другой', balance: 1 }])).toEqual(guest);
    expect(lookupOf({ id: 7, fio: 'Анна', bonus: '120' })).toEqual(guest);
  });

  it('reads an unknown guest in every dialect, and names the field it could not read', () => {
    expect(lookupOf({ success: false, message: 'Клиент не найден' })).toEqual({ kind: 'unknown' });
    expect(lookupOf({ success: false, message: 'КЛИЕНТ НЕ НАЙДЕН' })).toEqual({ kind: 'unknown' });
    expect(lookupOf({ error: 'Client not found' })).toEqual({ kind: 'unknown' });
    expect(lookupOf([])).toEqual({ kind: 'unknown' });
    expect(lookupOf({ success: true, data: [] })).toEqual({ kind: 'unknown' });
    expect(lookupOf({ success: true, data: [{ id_client: 1, balance: 5 }] })).toEqual({ kind: 'unreadable', field: 'data.[0].name', problem: 'missing' });
    expect(readAnswer({ error: 'x', extra: 1 })).toBeNull();
  });

  it('reads the guest\'s own rules (k_bonus percent, maxPayBonusK as a share or a percent) and gifts listed inside the client', () => {
    const read = lookupOf({
      success: true,
      data: { id_client: 1, name: 'A', balance: 10, k_bonus: 7, maxPayBonusK: 0.3, gifts: [{ name: 'Чай', price: 150, can_use: 0 }] },
    });
    expect(read).toMatchObject({ guest: { rules: { cashbackBp: 700, maxBonusShareBp: 3000 }, gifts: [{ id: null, name: 'Чай', points: 15_000, canUse: false }] } });
    expect(lookupOf({ id_client: 1, name: 'A', balance: 10, maxPayBonusK: '30' })).toMatchObject({ guest: { rules: { maxBonusShareBp: 3000 } } });
    expect(lookupOf({ id_client: 1, name: 'A', balance: 10 })).not.toHaveProperty('guest.rules');
  });

  it('leaves out a rule that is not a share of 0–100 %: the till\'s own applies (no negative cashback, no bonuses above the bill)', () => {
    expect(lookupOf({ id_client: 1, name: 'A', balance: 10, k_bonus: -5, maxPayBonusK: 150 })).not.toHaveProperty('guest.rules');
    expect(lookupOf({ id_client: 1, name: 'A', balance: 10, k_bonus: 101, maxPayBonusK: -0.3 })).not.toHaveProperty('guest.rules');
    const huge = lookupOf({ id_client: 1, name: 'A', balance: 10, k_bonus: 1e300, maxPayBonusK: 100 });
    expect(huge).toMatchObject({ guest: { rules: { maxBonusShareBp: 10_000 } } });
    expect(huge).not.toHaveProperty('guest.rules.cashbackBp');
    expect(lookupOf({ id_client: 1, name: 'A', balance: 10, k_bonus: 0, maxPayBonusK: 0 })).toMatchObject({ guest: { rules: { cashbackBp: 0, maxBonusShareBp: 0 } } });
    expect(lookupOf({ id_client: 1, name: 'A', balance: 10, k_bonus: 100, maxPayBonusK: 1 })).toMatchObject({ guest: { rules: { cashbackBp: 10_000, maxBonusShareBp: 10_000 } } });
  });

  it('tries a phone in every form, the remembered one first; a QR only as a device token', () => {
    const forms = (remembered: string | null) => lookupRequests('+7 999 000-00-01', remembered).map(({ form, request }) => [form, request.path, request.body]);
    expect(forms(null)).toEqual([
      ['login', '', { login: '79990000001' }],
      ['client-phone', 'client/', { phone: '79990000001' }],
      ['phone', '', { phone: '79990000001' }],
      ['client-login', 'client/', { login: '79990000001' }],
    ]);
    expect(forms('phone')[0]).toEqual(['phone', '', { phone: '79990000001' }]);
    expect(lookupRequests('GMB-G-1')).toEqual([{ form: null, request: { path: '', body: { id_device: 'GMB-G-1' } } }]);
  });

  it('keeps a negative or long-fraction balance exact in kopecks', () => {
    expect(lookupOf({ result: 'ok', client: { id_client: 1, name: 'A', balance: -12.345 } })).toMatchObject({ guest: { balance: -1235 } });
    expect(lookupOf({ result: 'ok', client: { id_client: 1, name: 'A', balance: 0.1 + 0.2 } })).toMatchObject({ guest: { balance: 30 } });
  });

  it('turns a payment into one bonus call and one call per gift, each with its own invoice_num', () => {
    const calls = cloudCallsOf(
      {
        kind: 'order_paid',
        operationId: 'op-1',
        orderId: 'o-1',
        guestId: '42',
        orderSum: 120_000,
        bonusWrittenOff: 30_000,
        accrued: 4_500,
        gifts: [{ voucherId: 'v-1', guestId: 'g-9', points: 20_000 }],
        waiterId: 'pin:abc',
        waiterName: 'Анна',
      },
      BRANCH,
    );
    expect(calls).toEqual([
      {
        key: 'op-1',
        kind: 'bonus',
        guestId: '42',
        body: {
          type: 'bonus',
          id_client: 42,
          order_price: 1200,
          paid_bonus: 300,
          bonus_value: 45,
          id_branch: '12',
          branch_name: 'Центральный',
          id_manager: 'pin:abc',
          manager_name: 'Анна',
          invoice_num: 'op-1',
        },
      },
      {
        key: 'op-1:gift:v-1',
        kind: 'gift',
        guestId: 'g-9',
        body: expect.objectContaining({ type: 'gift', id_client: 'g-9', id_gift: 'v-1', invoice_num: 'op-1:gift:v-1' }),
      },
    ]);
  });

  it('turns a refund into refund calls naming the original invoice_num', () => {
    const calls = cloudCallsOf(
      {
        kind: 'order_refunded',
        operationId: 'op-2',
        paymentOperationId: 'op-1',
        orderId: 'o-1',
        guestId: null,
        orderSum: 120_000,
        bonusReturned: 0,
        accrualReversed: 0,
        gifts: [{ voucherId: 'v-1', guestId: 'g-9', points: 20_000 }],
      },
      BRANCH,
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toMatchObject({ type: 'refund', invoice_num: 'op-2:gift:v-1', refund_invoice_num: 'op-1:gift:v-1', id_gift: 'v-1' });
  });

  it('describes a call for the log by its type or lookup field, never by values', () => {
    expect(describeCall({ login: '79990000001', api_key: 'k' })).toEqual({ lookupBy: ['login'] });
    expect(describeCall({ type: 'bonus', invoice_num: 'op-1', id_client: 42 })).toEqual({ type: 'bonus', invoice_num: 'op-1' });
  });
});

describe('ids on the wire', () => {
  it('sends an id that reads back the same as a number as one, and any other as text: 00123 is not guest 123', () => {
    expect(clientBody('42')).toEqual({ id_client: 42 });
    expect(clientBody('0')).toEqual({ id_client: 0 });
    expect(clientBody('00123')).toEqual({ id_client: '00123' });
    expect(giftBody('0777')).toEqual({ id_gift: '0777' });
    expect(clientBody('g-1')).toEqual({ id_client: 'g-1' });
    expect(clientBody('1234567890123456')).toEqual({ id_client: '1234567890123456' }); // past a double's exact integers
  });
});
