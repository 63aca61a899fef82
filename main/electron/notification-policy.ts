import type { TillEvent } from '../../shared/events.js';
import type { Language } from '../../shared/i18n/language.js';
import { formatRoubles } from '../../shared/money.js';
import type { Settings } from '../../shared/settings/schema.js';
import type { ServerState } from './server-state.js';

/** The dashboard screens a notification can open (hash routes of the renderer). */
export type DashboardRoute = '#/feed' | '#/orders' | '#/cash' | '#/setup';

export interface CashierNotification {
  title: string;
  body: string;
  route: DashboardRoute;
}

export interface NotificationContext {
  settings: Settings;
  paused: boolean;
  /**
   * The waiter's whole debt after this event, in kopecks (the cash book's sum), for a payment the
   * waiter took cash for. The event itself carries only this payment's share.
   */
  waiterDebtTotal: number | null;
}

const TEXT = {
  ru: {
    checkIn: 'Гость отметился',
    order: (orderId: string) => `заказ ${shortOrder(orderId)}`,
    waiter: (name: string) => `официант ${name}`,
    balance: (sum: string) => `бонусов ${sum}`,
    giftAdded: 'Подарок добавлен',
    points: (points: string) => `${points} баллов`,
    bonusRequested: 'Оплата бонусами',
    bonusOf: (sum: string, order: string) => `${sum} из ${order}`,
    paid: 'Заказ оплачен',
    paidSum: (sum: string) => `сумма ${sum}`,
    bonusWrittenOff: (sum: string) => `бонусами ${sum}`,
    accrued: (sum: string) => `начислено ${sum}`,
    cash: (sum: string) => `наличными ${sum}`,
    debt: (name: string) => `Долг официанта ${name}`,
    debtBody: (total: string, threshold: string) => `Под отчётом ${total} (порог ${threshold}). Примите наличные в кассу.`,
    someWaiter: 'без имени',
    noGuest: 'без гостя',
    providerOffline: (cloud: boolean) => (cloud ? 'Облако GetMeBack недоступно' : 'Программа лояльности недоступна'),
    providerBody: (error: string | null, outbox: number) =>
      [error ?? 'Нет связи.', outbox > 0 ? `Ждут отправки: ${outbox}.` : ''].filter(Boolean).join(' '),
    serverError: 'Ошибка сервера',
    request: (id: string) => `запрос ${id}`,
    notStarted: 'Сервер для iikoWaiter не запустился',
    portInUse: (port: number) => `Порт ${port} занят другой программой. Закройте её или выберите другой порт в настройках.`,
  },
  en: {
    checkIn: 'Guest checked in',
    order: (orderId: string) => `order ${shortOrder(orderId)}`,
    waiter: (name: string) => `waiter ${name}`,
    balance: (sum: string) => `bonuses ${sum}`,
    giftAdded: 'Gift added',
    points: (points: string) => `${points} points`,
    bonusRequested: 'Bonus payment',
    bonusOf: (sum: string, order: string) => `${sum} of ${order}`,
    paid: 'Order paid',
    paidSum: (sum: string) => `total ${sum}`,
    bonusWrittenOff: (sum: string) => `bonuses ${sum}`,
    accrued: (sum: string) => `accrued ${sum}`,
    cash: (sum: string) => `cash ${sum}`,
    debt: (name: string) => `Waiter ${name} owes the till`,
    debtBody: (total: string, threshold: string) => `Cash held: ${total} (threshold ${threshold}). Take it in at the till.`,
    someWaiter: 'without a name',
    noGuest: 'no guest',
    providerOffline: (cloud: boolean) => (cloud ? 'GetMeBack cloud unreachable' : 'Loyalty programme unavailable'),
    providerBody: (error: string | null, outbox: number) =>
      [error ?? 'No connection.', outbox > 0 ? `Waiting to be sent: ${outbox}.` : ''].filter(Boolean).join(' '),
    serverError: 'Server error',
    request: (id: string) => `request ${id}`,
    notStarted: 'The server for iikoWaiter did not start',
    portInUse: (port: number) => `Port ${port} is used by another program. Close it or choose another port in the settings.`,
  },
} as const;

/**
 * Whether an event at the till becomes a notification for the cashier, and what it says. The
 * switches in `settings.notifications` and the tray's pause decide; a waiter's debt over the
 * threshold is told even when payment notices are off, because it is money the till must collect.
 */
export function notificationFor(event: TillEvent, context: NotificationContext): CashierNotification | null {
  const switches = context.settings.notifications;
  if (!switches.enabled || context.paused) return null;
  const language = context.settings.language;
  const t = TEXT[language];
  const money = (kopecks: number) => formatRoubles(kopecks, language);
  const join = (...parts: (string | null | false)[]) => parts.filter(Boolean).join(' · ');
  const order = event.orderId ? t.order(event.orderId) : null;
  const waiter = event.waiterName ? t.waiter(event.waiterName) : null;

  switch (event.type) {
    case 'guest.checked_in':
      if (!switches.checkIn) return null;
      return { title: t.checkIn, body: join(event.data.guestName, order, waiter, t.balance(money(event.data.balance))), route: '#/feed' };
    case 'gift.added':
      if (!switches.giftAdded) return null;
      return {
        title: t.giftAdded,
        body: join(`${event.data.giftName} (${t.points(points(event.data.points, language))})`, event.data.guestName, order),
        route: '#/orders',
      };
    case 'bonus.reserved':
      if (!switches.bonusRequested) return null;
      return {
        title: t.bonusRequested,
        body: join(event.data.guestName, t.bonusOf(money(event.data.sum), money(event.data.orderSum)), order, waiter),
        route: '#/orders',
      };
    case 'payment.committed': {
      const debt = debtOverThreshold(event.data.waiterDebt, context.waiterDebtTotal, switches.debtThreshold);
      if (debt !== null) {
        return {
          title: t.debt(event.waiterName ?? t.someWaiter),
          body: t.debtBody(money(debt), money(switches.debtThreshold)),
          route: '#/cash',
        };
      }
      if (!switches.paymentCommitted) return null;
      const data = event.data;
      return {
        title: t.paid,
        body: join(
          data.guestName ?? t.noGuest,
          order,
          t.paidSum(money(data.orderSum)),
          data.bonusWrittenOff > 0 && t.bonusWrittenOff(money(data.bonusWrittenOff)),
          data.accrued > 0 && t.accrued(money(data.accrued)),
          data.cash > 0 && t.cash(money(data.cash)),
        ),
        route: '#/orders',
      };
    }
    case 'provider.status':
      if (!switches.providerOffline || event.data.online) return null;
      return {
        title: t.providerOffline(event.data.provider === 'cloud'),
        body: t.providerBody(event.data.lastError, event.data.outbox),
        route: '#/setup',
      };
    case 'server.error':
      if (!switches.serverError) return null;
      return { title: t.serverError, body: join(event.data.message, event.data.route, t.request(event.data.requestId)), route: '#/feed' };
    default:
      return null;
  }
}

/** The server failing to start: waiters' phones get no answer until someone acts, so the cashier is told. */
export function notificationForServer(state: ServerState, context: Omit<NotificationContext, 'waiterDebtTotal'>): CashierNotification | null {
  const switches = context.settings.notifications;
  if (state.kind !== 'error' || !switches.enabled || !switches.serverError || context.paused) return null;
  const t = TEXT[context.settings.language];
  return { title: t.notStarted, body: state.portInUse !== null ? t.portInUse(state.portInUse) : state.message, route: '#/setup' };
}

/**
 * The debt to tell about: only when this payment added to the waiter's debt and the whole debt is
 * at or over the threshold (0 turns the warning off). A payment without cash changes nothing to say.
 */
function debtOverThreshold(addedByPayment: number, total: number | null, threshold: number): number | null {
  if (threshold <= 0 || addedByPayment <= 0) return null;
  const debt = total ?? addedByPayment;
  return debt >= threshold ? debt : null;
}

/** iiko order ids are UUIDs: the first block is enough for a cashier to find the order on screen. */
function shortOrder(orderId: string): string {
  return orderId.split('-')[0] ?? orderId;
}

/** Points are kept in hundredths like money; most are whole, so the decimals show only when there are some. */
function points(hundredths: number, language: Language): string {
  const whole = hundredths / 100;
  return Number.isInteger(whole) ? String(whole) : whole.toFixed(2).replace('.', language === 'ru' ? ',' : '.');
}
