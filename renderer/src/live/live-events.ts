import type { OutboxProgress, TillEvent, TillEventType } from '../../../shared/events.js';
import { useFeedStore } from '../feed/feed-store.js';
import { useOrdersStore } from '../orders/orders-store.js';
import { useSettingsStore } from '../settings/settings-store.js';
import { useStatusStore } from '../stores/status-store.js';
import { useTodayStore } from '../today/today-store.js';
import { useWaitersStore } from '../waiter-cash/waiters-store.js';

const ORDER_TYPES: readonly TillEventType[] = [
  'guest.checked_in',
  'guest.checked_out',
  'gift.added',
  'gift.removed',
  'bonus.reserved',
  'payment.committed',
  'order.refunded',
  'order.reservations_released',
];
const CASH_TYPES: readonly TillEventType[] = ['payment.committed', 'order.refunded', 'cash.handed_in', 'shift.closed'];
const STATUS_TYPES: readonly TillEventType[] = ['settings.changed', 'provider.status'];
/** What moves a tile or the chart of «Сегодня» (a changed business-day hour moves them all). */
const TODAY_TYPES: readonly TillEventType[] = [...ORDER_TYPES, 'cash.handed_in', 'settings.changed'];

/**
 * Runs `work` once after a burst of calls settles: ten check-ins in a second are one reload. Every
 * pending run is dropped by `cancelAll` (the dashboard logged out: a read then would be refused).
 */
function coalescer(): { coalesce(work: () => void, delayMs: number): () => void; cancelAll(): void } {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  return {
    coalesce(work, delayMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      return () => {
        if (timer !== undefined) timers.delete(timer);
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (timer !== undefined) timers.delete(timer);
          work();
        }, delayMs);
        timers.add(timer);
      };
    },
    cancelAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/**
 * One server-sent-events connection for the whole dashboard: each event goes to the feed at once,
 * and the screens whose figures it changes reload theirs. After a dropped connection the feed's top
 * page is fetched again, so nothing that happened meanwhile is missing.
 */
export function connectLiveEvents(): () => void {
  const { coalesce, cancelAll } = coalescer();
  const reloadOrders = coalesce(() => void useOrdersStore.getState().load(), 150);
  const reloadWaiters = coalesce(() => void useWaitersStore.getState().load(), 150);
  const reloadStatus = coalesce(() => void useStatusStore.getState().load(), 150);
  const reloadSettings = coalesce(() => void useSettingsStore.getState().load(), 150);
  const reloadFeed = coalesce(() => void useFeedStore.getState().loadNewest(), 150);
  // Only while «Сегодня» has been opened: the other screens do not pay for its figures.
  const reloadToday = coalesce(() => {
    if (useTodayStore.getState().today) void useTodayStore.getState().load();
  }, 150);
  const source = new EventSource('/api/events/stream');
  let droppedBefore = false;

  source.addEventListener('open', () => {
    useFeedStore.getState().setConnected(true);
    if (droppedBefore) {
      void useFeedStore.getState().loadNewest();
      reloadOrders();
      reloadWaiters();
      reloadStatus();
      reloadToday();
      return;
    }
    // The first open: a screen that asked for its figures before the stream was listening (its
    // answer read, or still on its way) has not heard of a payment made in between, such as a
    // waiter paying cash while the cashier opens the screen; nor has the feed of its line. Figures
    // no screen asked for are not read.
    if (useOrdersStore.getState().asked) reloadOrders();
    if (useWaitersStore.getState().asked) reloadWaiters();
    if (useFeedStore.getState().asked) reloadFeed();
    reloadToday();
  });
  source.addEventListener('error', () => {
    droppedBefore = true;
    useFeedStore.getState().setConnected(false);
  });
  // The outbox draining: its count and progress, told live while calls reach the cloud (no feed line).
  source.addEventListener('outbox.progress', (message) => {
    useStatusStore.getState().outboxMoved(JSON.parse((message as MessageEvent<string>).data) as OutboxProgress);
  });
  source.addEventListener('till', (message) => {
    const event = JSON.parse((message as MessageEvent<string>).data) as TillEvent;
    useFeedStore.getState().receive(event);
    if (ORDER_TYPES.includes(event.type)) reloadOrders();
    if (CASH_TYPES.includes(event.type)) reloadWaiters();
    if (STATUS_TYPES.includes(event.type)) reloadStatus();
    if (event.type === 'settings.changed') reloadSettings();
    if (TODAY_TYPES.includes(event.type)) reloadToday();
  });
  return () => {
    source.close();
    cancelAll();
  };
}
