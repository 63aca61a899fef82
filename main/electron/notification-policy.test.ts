import { describe, expect, it } from 'vitest';
import type { TillEvent, TillEventPayloads, TillEventType } from '../../shared/events.js';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings/schema.js';
import { notificationFor, notificationForServer, type NotificationContext } from './notification-policy.js';

const ORDER = '3f2a9c1e-0000-4000-8000-000000000001';

function event<T extends TillEventType>(type: T, data: TillEventPayloads[T], waiterName: string | null = 'Анна'): TillEvent {
  return { id: 1, at: '2026-11-29T12:00:00.000Z', type, orderId: ORDER, waiterId: waiterName ? 'w-1' : null, waiterName, data } as TillEvent;
}

function settings(patch: Partial<Settings['notifications']> = {}, language: Settings['language'] = 'ru'): Settings {
  return { ...DEFAULT_SETTINGS, language, notifications: { ...DEFAULT_SETTINGS.notifications, ...patch } };
}

const context = (overrides: Partial<NotificationContext> = {}): NotificationContext => ({
  settings: settings(),
  paused: false,
  waiterDebtTotal: null,
  ...overrides,
});

const checkedIn = event('guest.checked_in', { guestId: 'g-1', guestName: 'Иванов Иван Иванович', balance: 150_000, available: 150_000, voucherName: null });
const payment = (cash: number, waiterDebt: number) =>
  event('payment.committed', {
    guestId: 'g-1',
    guestName: 'Иванов Иван Иванович',
    orderSum: 240_000,
    bonusWrittenOff: 50_000,
    giftPointsWrittenOff: 0,
    accrued: 9_500,
    cash,
    waiterDebt,
  });

describe('notificationFor', () => {
  it('tells the cashier a guest checked in: name, order, waiter and the balance in bonuses', () => {
    expect(notificationFor(checkedIn, context())).toEqual({
      title: 'Чекин гостя',
      body: 'Иванов Иван Иванович · заказ 3f2a9c1e · официант Анна · баланс 1\u00a0500\u00a0бонусов',
      route: '#/feed',
    });
  });

  it('speaks English with English numbers', () => {
    expect(notificationFor(checkedIn, context({ settings: settings({}, 'en') }))).toEqual({
      title: 'Guest check-in',
      body: 'Иванов Иван Иванович · order 3f2a9c1e · waiter Анна · balance 1,500\u00a0bonuses',
      route: '#/feed',
    });
  });

  it('announces a gift in bonuses and a bonus reservation against the order in roubles, both opening the orders screen', () => {
    const gift = notificationFor(event('gift.added', { guestId: 'g-1', guestName: 'Иванов', giftId: 'v-1', giftName: 'Капучино', points: 20_000 }), context());
    expect(gift).toEqual({ title: 'Подарок добавлен', body: 'Капучино (200\u00a0бонусов) · Иванов · заказ 3f2a9c1e', route: '#/orders' });
    const bonus = notificationFor(event('bonus.reserved', { guestId: 'g-1', guestName: 'Иванов', sum: 50_000, maxSum: 120_000, orderSum: 240_000 }), context());
    expect(bonus).toEqual({
      title: 'Резерв бонусов на пречеке',
      body: 'Иванов · 500\u00a0бонусов, сумма заказа 2\u00a0400,00\u00a0₽ · заказ 3f2a9c1e · официант Анна',
      route: '#/orders',
    });
  });

  it('sums up a committed payment, leaving out the parts that are zero', () => {
    expect(notificationFor(payment(0, 0), context())).toEqual({
      title: 'Заказ оплачен',
      body: 'Иванов Иван Иванович · заказ 3f2a9c1e · сумма 2\u00a0400,00\u00a0₽ · списано: 500\u00a0бонусов · начислено: 95\u00a0бонусов',
      route: '#/orders',
    });
  });

  it('warns about a waiter’s debt once this payment brings the whole debt to the threshold, and opens the cash screen', () => {
    const notice = notificationFor(payment(190_000, 190_000), context({ waiterDebtTotal: 500_000 }));
    expect(notice).toEqual({
      title: 'Долг официанта: Анна',
      body: 'У официанта наличных под отчёт: 5\u00a0000,00\u00a0₽ (порог 5\u00a0000,00\u00a0₽). Примите у официанта наличные на экране «Наличные».',
      route: '#/cash',
    });
    // Under the threshold it is an ordinary payment notice.
    expect(notificationFor(payment(190_000, 190_000), context({ waiterDebtTotal: 499_999 }))?.route).toBe('#/orders');
  });

  it('warns about the debt even with payment notices off, but not when the threshold is 0 or the cash went to the till', () => {
    const quiet = settings({ paymentCommitted: false });
    expect(notificationFor(payment(190_000, 190_000), context({ settings: quiet, waiterDebtTotal: 600_000 }))?.route).toBe('#/cash');
    expect(notificationFor(payment(190_000, 190_000), context({ settings: settings({ debtThreshold: 0, paymentCommitted: false }), waiterDebtTotal: 600_000 }))).toBeNull();
    // Cash to the till (waiter cash off): no debt was added, so there is nothing to collect from a waiter.
    expect(notificationFor(payment(190_000, 0), context({ settings: quiet, waiterDebtTotal: 600_000 }))).toBeNull();
  });

  it('falls back to the payment’s own share when the whole debt is not known', () => {
    expect(notificationFor(payment(600_000, 600_000), context())?.title).toBe('Долг официанта: Анна');
  });

  it('tells in Russian that the loyalty programme went offline, with what waits to be sent, and stays quiet when it comes back', () => {
    const offline = event('provider.status', { provider: 'cloud', online: false, lastError: 'ETIMEDOUT', trouble: 'unreachable', parked: 1, outbox: 2 });
    expect(notificationFor(offline, context())).toEqual({
      title: 'Нет связи с облаком GetMeBack',
      body:
        'Облако GetMeBack не отвечает. Проверьте интернет на главной кассе; операции ждут отправки и уйдут сами. ' +
        'Облако GetMeBack несколько раз отклонило операции, отложено: 1\u00a0операция. Откройте экран «Облако»: повторите их или закройте вручную. Ждут отправки: 2.',
      route: '#/setup',
    });
    // The provider's own words stay in the log: an event of an older version without `trouble` says just "no connection".
    const older = event('provider.status', { provider: 'cloud', online: false, lastError: 'ETIMEDOUT', outbox: 0 });
    expect(notificationFor(older, context())?.body).toBe('Нет связи.');
    expect(notificationFor(event('provider.status', { provider: 'cloud', online: true, lastError: null, outbox: 0 }), context())).toBeNull();
  });

  it('reports a server error by its request code, the error’s own words staying in the log', () => {
    const failure = event('server.error', { route: 'POST /orders/:id/payment', message: 'database is locked', requestId: 'req-42' });
    expect(notificationFor(failure, context())).toEqual({
      title: 'Ошибка в GetMeBack Till',
      body: 'Официант получил сообщение с кодом запроса req-42; подробности в журнале под этим кодом.',
      route: '#/feed',
    });
    expect(notificationFor(failure, context({ settings: settings({}, 'en') }))).toEqual({
      title: 'Error in GetMeBack Till',
      body: 'The waiter was shown request code req-42; the log has the details under it.',
      route: '#/feed',
    });
  });

  it('tells a failed backup whatever the event switches say, but not when paused or all off', () => {
    const failed = event('backup.failed', { reason: 'daily', folder: '/mnt/share', message: 'ENOSPC' }, null);
    const quiet = settings({ checkIn: false, giftAdded: false, bonusRequested: false, paymentCommitted: false, providerOffline: false, serverError: false });
    expect(notificationFor(failed, context({ settings: quiet }))).toEqual({
      title: 'Резервная копия не сделана',
      body: 'Проверьте место на диске и папку резервных копий; подробности в журнале.',
      route: '#/setup',
    });
    expect(notificationFor(failed, context({ paused: true }))).toBeNull();
    expect(notificationFor(failed, context({ settings: settings({ enabled: false }) }))).toBeNull();
  });

  it('tells a disk that refuses writes, and its end, whatever the event switches say', () => {
    const quiet = settings({ checkIn: false, giftAdded: false, bonusRequested: false, paymentCommitted: false, providerOffline: false, serverError: false });
    const full = event('storage.failed', { kind: 'full', code: 'SQLITE_FULL', message: 'database or disk is full' }, null);
    expect(notificationFor(full, context({ settings: quiet }))).toEqual({
      title: 'На диске главной кассы нет места',
      body: 'Оплаты и чекины не записываются. Освободите место на диске с папкой данных: GetMeBack Till продолжит сам, без перезапуска.',
      route: '#/feed',
    });
    const readOnly = event('storage.failed', { kind: 'readOnly', code: 'SQLITE_READONLY', message: 'attempt to write a readonly database' }, null);
    expect(notificationFor(readOnly, context({ settings: settings({}, 'en') }))?.title).toBe("GetMeBack Till's data folder is read-only");
    const recovered = event('storage.recovered', { kind: 'full', since: '2026-11-29T12:00:00.000Z', refused: 3 }, null);
    expect(notificationFor(recovered, context({ settings: quiet }))).toMatchObject({ title: 'Запись на диск снова работает', body: expect.stringMatching(/отказов официантам: 3$/) });
    expect(notificationFor(full, context({ paused: true }))).toBeNull();
  });

  it('obeys each switch, the master switch and the tray’s pause', () => {
    const cases: [TillEvent, keyof Settings['notifications']][] = [
      [checkedIn, 'checkIn'],
      [event('gift.added', { guestId: 'g-1', guestName: 'И', giftId: 'v-1', giftName: 'К', points: 100 }), 'giftAdded'],
      [event('bonus.reserved', { guestId: 'g-1', guestName: 'И', sum: 1, maxSum: 1, orderSum: 2 }), 'bonusRequested'],
      [payment(0, 0), 'paymentCommitted'],
      [event('provider.status', { provider: 'local', online: false, lastError: null, outbox: 0 }), 'providerOffline'],
      [event('server.error', { route: 'r', message: 'm', requestId: 'q' }), 'serverError'],
    ];
    for (const [happened, key] of cases) {
      expect(notificationFor(happened, context()), key).not.toBeNull();
      expect(notificationFor(happened, context({ settings: settings({ [key]: false }) })), key).toBeNull();
      expect(notificationFor(happened, context({ settings: settings({ enabled: false }) })), key).toBeNull();
      expect(notificationFor(happened, context({ paused: true })), key).toBeNull();
    }
    expect(notificationFor(payment(600_000, 600_000), context({ paused: true, waiterDebtTotal: 600_000 }))).toBeNull();
  });

  it('says nothing about events the cashier need not act on', () => {
    expect(notificationFor(event('guest.checked_out', { guestId: 'g-1', guestName: 'И' }), context())).toBeNull();
    expect(notificationFor(event('settings.changed', { keys: ['language'], restartNeeded: false }), context())).toBeNull();
    expect(notificationFor(event('request.refused', { route: 'r', message: 'm' }), context())).toBeNull();
  });
});

describe('notificationForServer', () => {
  it('tells the cashier which port is taken, and opens the setup screen', () => {
    expect(notificationForServer({ kind: 'error', portInUse: 3000, message: 'x', localUrl: null }, { settings: settings(), paused: false })).toEqual({
      title: 'Сервер для iikoWaiter не запустился',
      body: 'Порт 3000 занят другой программой. Закройте её или выберите другой порт на экране «Настройки».',
      route: '#/setup',
    });
  });

  it('is silent for a running or stopped server, when paused, and with server-error notices off', () => {
    const failed = { kind: 'error', portInUse: null, message: 'EACCES', localUrl: null } as const;
    expect(notificationForServer(failed, { settings: settings({}, 'en'), paused: false })?.body).toBe(
      'The server did not start; the log has the details. Open the Setup screen.',
    );
    expect(notificationForServer({ kind: 'stopped' }, { settings: settings(), paused: false })).toBeNull();
    expect(notificationForServer(failed, { settings: settings(), paused: true })).toBeNull();
    expect(notificationForServer(failed, { settings: settings({ serverError: false }), paused: false })).toBeNull();
  });
});
