import { describe, expect, it } from 'vitest';
import type { TillEvent } from '../../../shared/events.js';
import { feedLine, shortOrderId } from './feed-line.js';

const base = { id: 1, at: '2026-11-29T10:00:00.000Z', orderId: '0b7e7a5c-1f1e-4c55-9a55-1b2b3c4d5e6f', waiterId: 'pin:abc', waiterName: 'Анна' };

describe('feedLine', () => {
  it('a check-in names the guest, balance and available bonuses, waiter and order', () => {
    const event: TillEvent = {
      ...base,
      type: 'guest.checked_in',
      data: { guestId: 'g-1', guestName: 'Иванов Иван', balance: 150_000, available: 130_000, voucherName: null },
    };
    expect(feedLine(event, 'ru')).toEqual({
      title: 'Чекин: Иванов Иван',
      tone: 'guest',
      details: ['баланс 1\u00a0500\u00a0бонусов', 'доступно 1\u00a0300\u00a0бонусов', 'официант Анна', 'заказ 0b7e7a5c'],
    });
    expect(feedLine(event, 'en').title).toBe('Check-in: Иванов Иван');
    expect(feedLine(event, 'en').details[0]).toBe('balance 1,500\u00a0bonuses');
  });

  it('a voucher check-in names the gift; equal balance and available is said once', () => {
    const line = feedLine(
      { ...base, type: 'guest.checked_in', data: { guestId: 'g-1', guestName: 'Иванов', balance: 5_000, available: 5_000, voucherName: 'Капучино' } },
      'ru',
    );
    expect(line.title).toBe('Чекин по подарку «Капучино»: Иванов');
    expect(line.details).toEqual(['баланс 50\u00a0бонусов', 'официант Анна', 'заказ 0b7e7a5c']);
  });

  it('a cash payment shows the order sum in roubles and the debt it added to the waiter', () => {
    const line = feedLine(
      {
        ...base,
        type: 'payment.committed',
        data: { guestId: null, guestName: null, orderSum: 120_050, bonusWrittenOff: 0, giftPointsWrittenOff: 0, accrued: 0, cash: 120_050, waiterDebt: 120_050 },
      },
      'ru',
    );
    expect(line).toEqual({
      title: 'Заказ оплачен',
      tone: 'cash',
      details: ['1\u00a0200,50\u00a0₽', 'наличными 1\u00a0200,50\u00a0₽', 'долг официанта +1\u00a0200,50\u00a0₽', 'официант Анна', 'заказ 0b7e7a5c'],
    });
  });

  it('a bonus payment lists only the parts that happened', () => {
    const line = feedLine(
      {
        ...base,
        waiterName: null,
        waiterId: null,
        type: 'payment.committed',
        data: { guestId: 'g-1', guestName: 'Петрова', orderSum: 100_000, bonusWrittenOff: 30_000, giftPointsWrittenOff: 20_000, accrued: 3_500, cash: 0, waiterDebt: 0 },
      },
      'en',
    );
    expect(line.title).toBe('Order paid · Петрова');
    expect(line.tone).toBe('money');
    expect(line.details).toEqual(['1,000.00\u00a0₽', 'written off 300\u00a0bonuses', 'for gifts 200\u00a0bonuses', 'accrued 35\u00a0bonuses', 'order 0b7e7a5c']);
  });

  it('a hand-in, a refusal, a server error and a provider outage read as what they are', () => {
    const handIn = feedLine({ ...base, orderId: null, type: 'cash.handed_in', data: { amount: 50_000, debtAfter: 20_000, recordedBy: 'Ольга' } }, 'ru');
    expect(handIn.title).toBe('Официант сдал наличные');
    expect(handIn.details).toEqual(['принято 500,00\u00a0₽', 'остаток долга 200,00\u00a0₽', 'принял(а) Ольга', 'официант Анна']);

    const shift = feedLine({ ...base, orderId: null, waiterId: null, waiterName: null, type: 'shift.closed', data: { shift: 3, from: '2026-11-27T03:00:00.000Z', to: '2026-11-27T23:30:00.000Z', closedBy: 'Ольга', debtOutstanding: 140_000 } }, 'ru');
    expect(shift).toEqual({ title: 'Смена №3 закрыта', tone: 'cash', details: ['закрыл(а) Ольга', 'долг официантов 1\u00a0400,00\u00a0₽'] });
    // Nobody named (the till once stored its own word «cashier» for that): no «принял(а)», no «закрыл(а)».
    for (const recordedBy of ['', 'cashier']) {
      expect(feedLine({ ...base, orderId: null, type: 'cash.handed_in', data: { amount: 50_000, debtAfter: 0, recordedBy } }, 'ru').details).toEqual([
        'принято 500,00\u00a0₽',
        'остаток долга 0,00\u00a0₽',
        'официант Анна',
      ]);
      const closed = feedLine({ ...base, orderId: null, waiterId: null, waiterName: null, type: 'shift.closed', data: { shift: 4, from: '2026-11-27T03:00:00.000Z', to: '2026-11-27T23:30:00.000Z', closedBy: recordedBy, debtOutstanding: 0 } }, 'ru');
      expect(closed.details).toEqual(['долг официантов 0,00\u00a0₽']);
    }

    const refused = feedLine({ ...base, type: 'request.refused', data: { route: `POST /GetMeBack/orders/${base.orderId}/checkin`, message: 'Гость не найден' } }, 'ru');
    expect(refused).toMatchObject({ title: 'Отказ официанту: Гость не найден', tone: 'warning', details: ['запрос: чекин', 'официант Анна', 'заказ 0b7e7a5c'] });
    // Every action of the waiter API is named in words; anything else keeps its path.
    const actions: [string, string][] = [
      ['DELETE /GetMeBack/orders/o-1/checkin', 'запрос: чекаут'],
      ['POST /GetMeBack/orders/o-1/gifts', 'запрос: подарок'],
      ['DELETE /GetMeBack/orders/o-1/gifts/v-1', 'запрос: удаление подарка'],
      ['POST /GetMeBack/orders/o-1/precheck', 'запрос: пречек'],
      ['POST /GetMeBack/orders/o-1/payments', 'запрос: оплата'],
      ['POST /GetMeBack/orders/o-1/refund', 'запрос: возврат заказа'],
      ['GET /GetMeBack/orders/o-1', 'запрос: просмотр заказа'],
      ['GET /api/events', 'запрос: /api/events'],
    ];
    for (const [route, said] of actions) expect(feedLine({ ...base, type: 'request.refused', data: { route, message: 'м' } }, 'ru').details[0]).toBe(said);

    // The error's own words are in the log under the request code; the feed shows the code.
    const error = feedLine({ ...base, type: 'server.error', data: { route: 'GET /y', message: 'boom', requestId: 'r-1' } }, 'ru');
    expect(error).toMatchObject({ title: 'Ошибка в GetMeBack Till', tone: 'error' });
    expect(error.details).toContain('код запроса r-1');
    expect(JSON.stringify(error)).not.toContain('boom');

    const offline = feedLine(
      {
        ...base,
        orderId: null,
        waiterId: null,
        waiterName: null,
        type: 'provider.status',
        data: { provider: 'cloud', online: false, lastError: 'timeout', trouble: 'unreachable', parked: 0, outbox: 3 },
      },
      'ru',
    );
    expect(offline).toEqual({
      title: 'Облако GetMeBack: нет связи',
      tone: 'error',
      details: ['Облако GetMeBack не отвечает. Проверьте интернет на главной кассе; операции ждут отправки и уйдут сами.', 'ждут отправки 3'],
    });
    // A long outbox is counted the language's way: «12 500» in Russian, «12,500» in English.
    const long = (language: 'ru' | 'en') =>
      feedLine(
        {
          ...base,
          orderId: null,
          waiterId: null,
          waiterName: null,
          type: 'provider.status',
          data: { provider: 'cloud', online: true, lastError: null, trouble: null, parked: 0, outbox: 12_500 },
        },
        language,
      ).details;
    expect(long('ru')).toContain('ждут отправки 12\u00a0500');
    expect(long('en').filter((detail) => detail.includes('12'))).toEqual([expect.stringMatching(/ 12,500$/)]);
  });

  it('a refund shows what came back and the debt reversed; a settings change names the settings by their labels', () => {
    const refund = feedLine(
      { ...base, type: 'order.refunded', data: { guestId: 'g-1', bonusReturned: 10_000, giftPointsReturned: 0, accrualReversed: 500, waiterDebtReversed: 90_000 } },
      'ru',
    );
    expect(refund.details.slice(0, 3)).toEqual(['возвращено 100\u00a0бонусов', 'отменено начисление: 5\u00a0бонусов', 'долг официанта −900,00\u00a0₽']);
    const handedInAlready = feedLine(
      { ...base, type: 'order.refunded', data: { guestId: null, bonusReturned: 0, giftPointsReturned: 0, accrualReversed: 0, waiterDebtReversed: 40_000, cashFromTill: 60_000 } },
      'ru',
    );
    expect(handedInAlready.details.slice(0, 2)).toEqual(['долг официанта −400,00\u00a0₽', 'из кассы гостю 600,00\u00a0₽']);
    const settings = feedLine(
      { ...base, orderId: null, waiterId: null, waiterName: null, type: 'settings.changed', data: { keys: ['server.port', 'language'], restartNeeded: true } },
      'ru',
    );
    expect(settings.details).toEqual(['Порт, Язык', 'нужен перезапуск']);
  });

  it('an idle order letting go of its reservations says how long it was idle, whose, and what came free', () => {
    const released = feedLine(
      {
        ...base,
        waiterId: null,
        waiterName: null,
        type: 'order.reservations_released',
        data: { guestId: 'g-1', guestName: 'Иванов Иван', bonus: 10_000, gifts: [{ giftId: 'v-1', giftName: 'Капучино', points: 20_000 }], idleHours: 12 },
      },
      'ru',
    );
    expect(released.title).toBe('Резерв бонусов снят: заказ без движения 12 ч · Иванов Иван');
    expect(released.tone).toBe('warning');
    expect(released.details.slice(0, 2)).toEqual(['резерв снят: 100\u00a0бонусов', 'подарки: Капучино (200\u00a0бонусов)']);
    const english = feedLine(
      { ...base, waiterId: null, waiterName: null, type: 'order.reservations_released', data: { guestId: null, guestName: null, bonus: 5_000, gifts: [], idleHours: 1 } },
      'en',
    );
    expect(english.title).toBe('Bonus reservation released: order idle for 1 h · guest');
    expect(english.details).toEqual(['reservation released: 50\u00a0bonuses', 'order 0b7e7a5c']);
    const byHand = feedLine(
      { ...base, waiterId: null, waiterName: null, type: 'order.reservations_released', data: { guestId: 'g-1', guestName: 'Иванов Иван', bonus: 0, gifts: [{ giftId: 'v-1', giftName: 'Капучино', points: 20_000 }], idleHours: null } },
      'ru',
    );
    expect(byHand.title).toBe('Резерв заказа снят вручную · Иванов Иван');
    expect(byHand.details[0]).toBe('подарки: Капучино (200\u00a0бонусов)');
  });

  it('shortOrderId keeps the first block of an iiko order id', () => {
    expect(shortOrderId('0b7e7a5c-1f1e-4c55-9a55-1b2b3c4d5e6f')).toBe('0b7e7a5c');
  });
});
