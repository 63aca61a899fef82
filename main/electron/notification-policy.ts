import type { TillEvent } from '../../shared/events.js';
import { formatBonuses, formatRoubles } from '../../shared/i18n/numbers.js';
import { providerTroubleTexts } from '../../shared/i18n/provider-messages.js';
import { storageRecoveredText, storageTroubleText } from '../../shared/i18n/storage-messages.js';
import { updateFailureText } from '../../shared/i18n/update-messages.js';
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
    checkIn: 'Чекин гостя',
    order: (orderId: string) => `заказ ${shortOrder(orderId)}`,
    waiter: (name: string) => `официант ${name}`,
    balance: (bonuses: string) => `баланс ${bonuses}`,
    giftAdded: 'Подарок добавлен',
    bonusRequested: 'Резерв бонусов на пречеке',
    bonusOf: (bonuses: string, order: string) => `${bonuses}, сумма заказа ${order}`,
    paid: 'Заказ оплачен',
    paidSum: (sum: string) => `сумма ${sum}`,
    bonusWrittenOff: (bonuses: string) => `списано: ${bonuses}`,
    accrued: (bonuses: string) => `начислено: ${bonuses}`,
    cash: (sum: string) => `наличными ${sum}`,
    debt: (name: string) => `Долг официанта: ${name}`,
    debtBody: (total: string, threshold: string) =>
      `У официанта наличных под отчёт: ${total} (порог ${threshold}). Примите у официанта наличные на экране «Наличные».`,
    someWaiter: 'без имени',
    noGuest: 'без гостя',
    providerOffline: (cloud: boolean) => (cloud ? 'Нет связи с облаком GetMeBack' : 'Нет связи с программой лояльности'),
    noConnection: 'Нет связи.',
    outbox: (count: number) => `Ждут отправки: ${count}.`,
    serverError: 'Ошибка в GetMeBack Till',
    serverErrorBody: (code: string) => `Официант получил сообщение с кодом запроса ${code}; подробности в журнале под этим кодом.`,
    notStarted: 'Сервер для iikoWaiter не запустился',
    portInUse: (port: number) => `Порт ${port} занят другой программой. Закройте её или выберите другой порт на экране «Настройки».`,
    failed: 'Сервер не запустился; подробности в журнале. Откройте экран «Подключение».',
    backupFailed: 'Резервная копия не сделана',
    backupFailedBody: 'Проверьте место на диске и папку резервных копий; подробности в журнале.',
  },
  en: {
    checkIn: 'Guest check-in',
    order: (orderId: string) => `order ${shortOrder(orderId)}`,
    waiter: (name: string) => `waiter ${name}`,
    balance: (bonuses: string) => `balance ${bonuses}`,
    giftAdded: 'Gift added',
    bonusRequested: 'Bonus reservation at a pre-check',
    bonusOf: (bonuses: string, order: string) => `${bonuses} for an order of ${order}`,
    paid: 'Order paid',
    paidSum: (sum: string) => `total ${sum}`,
    bonusWrittenOff: (bonuses: string) => `${bonuses} written off`,
    accrued: (bonuses: string) => `${bonuses} accrued`,
    cash: (sum: string) => `cash ${sum}`,
    debt: (name: string) => `Waiter's debt: ${name}`,
    debtBody: (total: string, threshold: string) =>
      `Cash under the waiter's report: ${total} (threshold ${threshold}). Receive the cash on the Cash screen.`,
    someWaiter: 'unnamed',
    noGuest: 'no guest',
    providerOffline: (cloud: boolean) => (cloud ? 'GetMeBack cloud offline' : 'Loyalty programme offline'),
    noConnection: 'No connection.',
    outbox: (count: number) => `Waiting to be sent: ${count}.`,
    serverError: 'Error in GetMeBack Till',
    serverErrorBody: (code: string) => `The waiter was shown request code ${code}; the log has the details under it.`,
    notStarted: 'The server for iikoWaiter did not start',
    portInUse: (port: number) => `Port ${port} is used by another program. Close it or choose another port on the Settings screen.`,
    failed: 'The server did not start; the log has the details. Open the Setup screen.',
    backupFailed: 'Backup failed',
    backupFailedBody: 'Check the free disk space and the backup folder; the log has the details.',
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
  const bonuses = (hundredths: number) => formatBonuses(hundredths, language);
  const join = (...parts: (string | null | false)[]) => parts.filter(Boolean).join(' · ');
  const order = event.orderId ? t.order(event.orderId) : null;
  const waiter = event.waiterName ? t.waiter(event.waiterName) : null;

  switch (event.type) {
    case 'guest.checked_in':
      if (!switches.checkIn) return null;
      return { title: t.checkIn, body: join(event.data.guestName, order, waiter, t.balance(bonuses(event.data.balance))), route: '#/feed' };
    case 'gift.added':
      if (!switches.giftAdded) return null;
      return {
        title: t.giftAdded,
        body: join(`${event.data.giftName} (${bonuses(event.data.points)})`, event.data.guestName, order),
        route: '#/orders',
      };
    case 'bonus.reserved':
      if (!switches.bonusRequested) return null;
      return {
        title: t.bonusRequested,
        body: join(event.data.guestName, t.bonusOf(bonuses(event.data.sum), money(event.data.orderSum)), order, waiter),
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
          data.bonusWrittenOff > 0 && t.bonusWrittenOff(bonuses(data.bonusWrittenOff)),
          data.accrued > 0 && t.accrued(bonuses(data.accrued)),
          data.cash > 0 && t.cash(money(data.cash)),
        ),
        route: '#/orders',
      };
    }
    case 'provider.status': {
      if (!switches.providerOffline || event.data.online) return null;
      const troubles = providerTroubleTexts(event.data, language);
      const outbox = event.data.outbox > 0 ? [t.outbox(event.data.outbox)] : [];
      return {
        title: t.providerOffline(event.data.provider === 'cloud'),
        body: [...(troubles.length > 0 ? troubles : [t.noConnection]), ...outbox].join(' '),
        route: '#/setup',
      };
    }
    case 'server.error':
      if (!switches.serverError) return null;
      return { title: t.serverError, body: t.serverErrorBody(event.data.requestId), route: '#/feed' };
    case 'backup.failed':
      // Told whenever notifications are on: the money record has no fresh copy until someone acts.
      return { title: t.backupFailed, body: t.backupFailedBody, route: '#/setup' };
    case 'update.failed':
      // Told whenever notifications are on: a refused (tampered) file is never installed, and the manager should know.
      return { ...updateFailureText(event.data.stage, language), route: '#/setup' };
    case 'storage.failed': {
      // Told whenever notifications are on, once per episode (the till's storage watch opens one).
      const text = storageTroubleText(event.data.kind, language);
      return { title: text.title, body: text.hint, route: '#/feed' };
    }
    case 'storage.recovered': {
      const text = storageRecoveredText(event.data, language);
      return { title: text.title, body: join(...text.details), route: '#/feed' };
    }
    default:
      return null;
  }
}

/** The server failing to start: waiters' phones get no answer until someone acts, so the cashier is told. */
export function notificationForServer(state: ServerState, context: Omit<NotificationContext, 'waiterDebtTotal'>): CashierNotification | null {
  const switches = context.settings.notifications;
  if (state.kind !== 'error' || !switches.enabled || !switches.serverError || context.paused) return null;
  const t = TEXT[context.settings.language];
  return { title: t.notStarted, body: state.portInUse !== null ? t.portInUse(state.portInUse) : t.failed, route: '#/setup' };
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
