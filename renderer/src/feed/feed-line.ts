import type { TillEvent } from '../../../shared/events.js';
import type { Language } from '../../../shared/i18n/language.js';
import { providerTroubleTexts } from '../../../shared/i18n/provider-messages.js';
import { storageRecoveredText, storageTroubleText } from '../../../shared/i18n/storage-messages.js';
import { updateFailureText } from '../../../shared/i18n/update-messages.js';
import { recorderShown } from '../../../shared/cash-recorder.js';
import { formatCount } from '../../../shared/i18n/numbers.js';
import { formatBonuses, formatRoubles } from '../format/money.js';
import { textsFor, type Texts } from '../i18n/texts.js';
import { settingLabels } from '../settings/setting-labels.js';

export type FeedTone = 'guest' | 'gift' | 'money' | 'cash' | 'warning' | 'error' | 'system';

/** One line of the feed as the cashier reads it: what happened, and the figures that matter. */
export interface FeedLine {
  title: string;
  details: string[];
  tone: FeedTone;
}

/** The first block of an iiko order id: enough to tell orders apart on one screen. */
export function shortOrderId(orderId: string): string {
  return orderId.split('-')[0] ?? orderId;
}

/** What the waiter was doing, in the restaurant's words, from the route of the waiter API. */
function requestAction(route: string, actions: Texts['feed']['detail']['actions']): string | null {
  const [method, path = ''] = route.split(' ');
  const tail = /\/orders\/[^/]+(\/[a-z]+)?(\/[^/]+)?$/i.exec(path);
  if (!tail) return null;
  switch (tail[1]?.toLowerCase()) {
    case undefined:
      return method === 'GET' ? actions.view : null;
    case '/checkin':
      return method === 'DELETE' ? actions.checkOut : actions.checkIn;
    case '/gifts':
      return method === 'DELETE' ? actions.removeGift : actions.addGift;
    case '/precheck':
      return actions.precheck;
    case '/payments':
      return actions.payment;
    case '/refund':
      return actions.refund;
    default:
      return null;
  }
}

/** `label value`, or nothing when there is no value (a detail left out of the line). */
const labelled = (label: string, value: string): string | false => value !== '' && `${label} ${value}`;

export function feedLine(event: TillEvent, language: Language): FeedLine {
  const t = textsFor(language);
  const d = t.feed.detail;
  const money = (kopecks: number) => formatRoubles(kopecks, language);
  const bonuses = (hundredths: number) => formatBonuses(hundredths, language);
  const request = (route: string) => `${d.request}: ${requestAction(route, d.actions) ?? route.replace(/^[A-Z]+ /, '')}`;
  const context: string[] = [];
  if (event.waiterName || event.waiterId) context.push(`${d.waiter} ${event.waiterName ?? (event.waiterId ?? '').slice(0, 12)}`);
  if (event.orderId) context.push(`${d.order} ${shortOrderId(event.orderId)}`);
  const line = (title: string, tone: FeedTone, details: (string | false)[]): FeedLine => ({
    title,
    tone,
    details: [...details.filter((detail): detail is string => detail !== false), ...context],
  });

  switch (event.type) {
    case 'guest.checked_in': {
      const { guestName, voucherName, balance, available } = event.data;
      const title = voucherName ? t.feed.line.checkedInVoucher(guestName, voucherName) : t.feed.line.checkedIn(guestName);
      return line(title, 'guest', [`${d.balance} ${bonuses(balance)}`, available !== balance && `${d.available} ${bonuses(available)}`]);
    }
    case 'guest.checked_out':
      return line(t.feed.line.checkedOut(event.data.guestName ?? t.feed.line.unknownGuest), 'guest', []);
    case 'gift.added':
      return line(t.feed.line.giftAdded(event.data.giftName, event.data.guestName), 'gift', [bonuses(event.data.points)]);
    case 'gift.removed':
      return line(t.feed.line.giftRemoved(event.data.giftName), 'gift', [bonuses(event.data.points)]);
    case 'bonus.reserved': {
      const { guestName, sum, maxSum, orderSum } = event.data;
      return line(t.feed.line.bonusReserved(guestName), 'money', [
        `${d.reserved} ${bonuses(sum)}`,
        `${d.max} ${bonuses(maxSum)}`,
        `${d.orderSum} ${money(orderSum)}`,
      ]);
    }
    case 'payment.committed': {
      const p = event.data;
      const title = p.guestName ? `${t.feed.line.paid} · ${p.guestName}` : t.feed.line.paid;
      return line(title, p.waiterDebt > 0 ? 'cash' : 'money', [
        money(p.orderSum),
        p.bonusWrittenOff > 0 && `${d.bonusWrittenOff} ${bonuses(p.bonusWrittenOff)}`,
        p.giftPointsWrittenOff > 0 && `${d.giftPoints} ${bonuses(p.giftPointsWrittenOff)}`,
        p.accrued > 0 && `${d.accrued} ${bonuses(p.accrued)}`,
        p.cash > 0 && `${d.cash} ${money(p.cash)}`,
        p.waiterDebt > 0 && `${d.waiterDebt}${money(p.waiterDebt)}`,
      ]);
    }
    case 'order.refunded': {
      const r = event.data;
      return line(t.feed.line.refunded, 'warning', [
        r.bonusReturned > 0 && `${d.bonusReturned} ${bonuses(r.bonusReturned)}`,
        r.giftPointsReturned > 0 && `${d.giftPoints} ${bonuses(r.giftPointsReturned)}`,
        r.accrualReversed > 0 && `${d.accrualReversed} ${bonuses(r.accrualReversed)}`,
        r.waiterDebtReversed > 0 && `${d.debtReversed}${money(r.waiterDebtReversed)}`,
        (r.cashFromTill ?? 0) > 0 && `${d.cashFromTill}${money(r.cashFromTill ?? 0)}`,
      ]);
    }
    case 'order.reservations_released': {
      const r = event.data;
      const guest = r.guestName ?? t.feed.line.unknownGuest;
      const title = r.idleHours === null ? t.feed.line.reservationsReleasedByManager(guest) : t.feed.line.reservationsReleased(r.idleHours, guest);
      return line(title, 'warning', [
        r.bonus > 0 && `${d.bonusReleased} ${bonuses(r.bonus)}`,
        r.gifts.length > 0 && `${d.giftsReleased} ${r.gifts.map((gift) => `${gift.giftName} (${bonuses(gift.points)})`).join(', ')}`,
      ]);
    }
    case 'cash.handed_in':
      return line(t.feed.line.handedIn, 'cash', [
        `${d.amount} ${money(event.data.amount)}`,
        `${d.debtAfter} ${money(event.data.debtAfter)}`,
        labelled(d.recordedBy, recorderShown(event.data.recordedBy, () => null)),
      ]);
    case 'shift.closed':
      return line(t.feed.line.shiftClosed(event.data.shift), 'cash', [
        labelled(d.closedBy, recorderShown(event.data.closedBy, () => null)),
        `${d.debtOutstanding} ${money(event.data.debtOutstanding)}`,
      ]);
    case 'request.refused':
      return line(`${t.feed.line.refused}: ${event.data.message}`, 'warning', [request(event.data.route)]);
    case 'server.error':
      // The error's own text is in the log under this code; the cashier reads the code, not the stack's words.
      return line(t.feed.line.serverError, 'error', [request(event.data.route), `${d.code} ${event.data.requestId}`]);
    case 'provider.status': {
      const name = event.data.provider === 'cloud' ? t.status.providerCloud : t.status.providerLocal;
      return line(event.data.online ? t.feed.line.providerOnline(name) : t.feed.line.providerOffline(name), event.data.online ? 'system' : 'error', [
        ...providerTroubleTexts(event.data, language),
        event.data.outbox > 0 && `${d.outbox} ${formatCount(event.data.outbox, language)}`,
      ]);
    }
    case 'settings.changed':
      return line(t.feed.line.settingsChanged, 'system', [settingLabels(event.data.keys, t.settings), event.data.restartNeeded && d.restartNeeded]);
    case 'backup.failed':
      // The system's reason (ENOSPC, EACCES…) and the folder are in the log, in the engineer's words.
      return line(t.feed.line.backupFailed, 'error', [t.feed.line.backupFailedHint]);
    case 'update.failed': {
      // electron-updater's own words are in the log; the manager reads which step failed.
      const text = updateFailureText(event.data.stage, language);
      return line(text.title, 'error', [event.data.version ?? false, text.body]);
    }
    case 'storage.failed': {
      const text = storageTroubleText(event.data.kind, language);
      return line(text.title, 'error', [text.hint]);
    }
    case 'storage.recovered': {
      const text = storageRecoveredText(event.data, language);
      return line(text.title, 'system', text.details);
    }
  }
}
