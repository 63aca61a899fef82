import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFeedStore } from '../feed/feed-store.js';
import { useOrdersStore } from '../orders/orders-store.js';
import { useWaitersStore } from '../waiter-cash/waiters-store.js';
import { connectLiveEvents } from './live-events.js';

/** The browser's EventSource as the dashboard uses it: listeners by type, told by the test. */
class StandInEventSource {
  static last: StandInEventSource | null = null;
  private readonly listeners = new Map<string, ((message: { data?: string }) => void)[]>();
  constructor(readonly url: string) {
    StandInEventSource.last = this;
  }
  addEventListener(type: string, listener: (message: { data?: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  tell(type: string, data?: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener(data === undefined ? {} : { data });
  }
  close(): void {}
}

const loadWaiters = vi.fn(() => Promise.resolve());
const loadOrders = vi.fn(() => Promise.resolve());
const loadNewest = vi.fn(() => Promise.resolve());
let disconnect: () => void = () => undefined;

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('EventSource', StandInEventSource);
  useWaitersStore.setState({ load: loadWaiters, loaded: false, asked: false });
  useOrdersStore.setState({ load: loadOrders, loaded: false, asked: false });
  useFeedStore.setState({ loadNewest, asked: false });
  for (const load of [loadWaiters, loadOrders, loadNewest]) load.mockClear();
});
afterEach(() => {
  disconnect();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('connectLiveEvents', () => {
  it('reads the figures a screen asked for again when the stream first opens: a payment between the screen’s read and the stream is not missed', () => {
    // The cash screen asked for the debts before the stream listened (its answer read, or on its way);
    // no screen asked for the open orders.
    useWaitersStore.setState({ asked: true });
    disconnect = connectLiveEvents();
    StandInEventSource.last?.tell('open');
    vi.advanceTimersByTime(200);
    expect(loadWaiters).toHaveBeenCalledTimes(1);
    expect(loadOrders).not.toHaveBeenCalled();
    // The feed asked for no page: it has nothing to complete.
    expect(loadNewest).not.toHaveBeenCalled();
  });

  it('reads the feed’s newest page again at the first open when the feed asked for a page before: a line made in between is not missed', () => {
    useFeedStore.setState({ asked: true });
    disconnect = connectLiveEvents();
    StandInEventSource.last?.tell('open');
    vi.advanceTimersByTime(200);
    expect(loadNewest).toHaveBeenCalledTimes(1);
    expect(loadWaiters).not.toHaveBeenCalled();
    expect(loadOrders).not.toHaveBeenCalled();
  });

  it('after a dropped connection reads everything again, the feed’s newest page too', () => {
    disconnect = connectLiveEvents();
    const source = StandInEventSource.last;
    source?.tell('open');
    source?.tell('error');
    source?.tell('open');
    vi.advanceTimersByTime(200);
    expect(loadWaiters).toHaveBeenCalledTimes(1);
    expect(loadOrders).toHaveBeenCalledTimes(1);
    expect(loadNewest).toHaveBeenCalledTimes(1);
  });

  it('reloads the debts once for a burst of cash events', () => {
    disconnect = connectLiveEvents();
    const source = StandInEventSource.last;
    source?.tell('open');
    const paid = JSON.stringify({ id: 1, type: 'payment.committed', at: '2026-12-03T04:00:00.000Z', data: {} });
    for (let i = 0; i < 5; i += 1) source?.tell('till', paid);
    vi.advanceTimersByTime(200);
    expect(loadWaiters).toHaveBeenCalledTimes(1);
  });

  it('reads nothing once disconnected (logged out): a reload still waiting is dropped', () => {
    useWaitersStore.setState({ asked: true });
    useOrdersStore.setState({ asked: true });
    useFeedStore.setState({ asked: true });
    disconnect = connectLiveEvents();
    StandInEventSource.last?.tell('open');
    disconnect();
    vi.advanceTimersByTime(1_000);
    expect(loadWaiters).not.toHaveBeenCalled();
    expect(loadOrders).not.toHaveBeenCalled();
    expect(loadNewest).not.toHaveBeenCalled();
  });
});
