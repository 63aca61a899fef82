import { describe, expect, it } from 'vitest';
import { feedEvent } from '../testing/feed-event.js';
import { EMPTY_WINDOW, FEED_PAGE, FEED_WINDOW, withLiveEvent, withNewerPage, withOlderPage, withTopPage, type FeedWindow } from './feed-window.js';

const event = feedEvent;
const STORED = 10_000;
/** The server's history of STORED events: a page before / after an id, newest first. */
const before = (id: number) => Array.from({ length: Math.min(FEED_PAGE, id - 1) }, (_, n) => event(id - 1 - n));
const after = (id: number, newest = STORED) => {
  const count = Math.min(FEED_PAGE, newest - id);
  return Array.from({ length: count }, (_, n) => event(id + count - n));
};
const ids = (window: FeedWindow) => window.events.map((e) => e.id);
const newestId = (window: FeedWindow) => window.events[0]?.id ?? 0;
const oldestId = (window: FeedWindow) => window.events.at(-1)?.id ?? 0;
const contiguous = (window: FeedWindow) => ids(window).every((id, index, all) => index === 0 || all[index - 1] === id + 1);

describe('the feed window: thousands of events, never more than FEED_WINDOW in memory', () => {
  it('pages back through 10 000 events keeping at most 1 000, then pages forward to the newest again', () => {
    let window = withTopPage(EMPTY_WINDOW, before(STORED + 1));
    expect(ids(window)[0]).toBe(STORED);
    let largest = 0;
    while (window.hasOlder) {
      window = withOlderPage(window, before(oldestId(window)));
      largest = Math.max(largest, window.events.length);
      expect(contiguous(window)).toBe(true);
    }
    expect(largest).toBe(FEED_WINDOW);
    expect(oldestId(window)).toBe(1);
    expect(window.hasNewer).toBe(true);
    expect(ids(window)[0]).toBe(FEED_WINDOW);

    while (window.hasNewer) {
      window = withNewerPage(window, after(newestId(window)));
      expect(window.events.length).toBeLessThanOrEqual(FEED_WINDOW);
      expect(contiguous(window)).toBe(true);
    }
    expect(ids(window)[0]).toBe(STORED);
    expect(window.hasOlder).toBe(true);
  });

  it('live events at the top push the oldest out: 5 000 arrivals leave the newest 1 000', () => {
    let window = withTopPage(EMPTY_WINDOW, before(STORED + 1));
    for (let id = STORED + 1; id <= STORED + 5_000; id += 1) window = withLiveEvent(window, event(id));
    expect(window.events.length).toBe(FEED_WINDOW);
    expect(ids(window)[0]).toBe(STORED + 5_000);
    expect(contiguous(window)).toBe(true);
    expect(window.hasOlder).toBe(true);
  });

  it('live events while the window is paged away are held (one page at most) and joined when it comes back up', () => {
    let window = withTopPage(EMPTY_WINDOW, before(STORED + 1));
    while (!window.hasNewer) window = withOlderPage(window, before(oldestId(window)));
    const pagedAway = ids(window);
    for (let id = STORED + 1; id <= STORED + 3_000; id += 1) window = withLiveEvent(window, event(id));
    expect(ids(window)).toEqual(pagedAway);
    // A reconnect's top page leaves the cashier where they are reading.
    expect(ids(withTopPage(window, before(STORED + 3_001)))).toEqual(pagedAway);
    expect(window.held.length).toBe(FEED_PAGE);
    // The pages back up see the events committed up to their query; the one committed after the last
    // query arrived live and was held.
    const newest = STORED + 3_000;
    while (window.hasNewer) window = withNewerPage(window, after(newestId(window), newest - 1));
    expect(ids(window)[0]).toBe(newest);
    expect(contiguous(window)).toBe(true);
    expect(window.held).toEqual([]);
  });

  it('a top page that does not reach the window (events missed while disconnected) replaces it, leaving no hole', () => {
    const window = withTopPage(EMPTY_WINDOW, before(STORED + 1));
    const reconnected = withTopPage(window, before(STORED + 1_001));
    expect(ids(reconnected)[0]).toBe(STORED + 1_000);
    expect(reconnected.events.length).toBe(FEED_PAGE);
    expect(contiguous(reconnected)).toBe(true);
    const overlapping = withTopPage(window, before(STORED + 51));
    expect(overlapping.events.length).toBe(FEED_PAGE + 50);
    expect(contiguous(overlapping)).toBe(true);
  });
});
