import type { TillEvent } from '../../../shared/events.js';
import { mergeEvents } from './merge-events.js';

/** Events asked for in one page of history. */
export const FEED_PAGE = 200;
/** Events the dashboard keeps in memory at most: five pages; the rest stays on the server. */
export const FEED_WINDOW = 1_000;

/**
 * The part of the feed in memory: a contiguous run of events, newest first, and whether older or
 * newer events exist outside it. Live events that arrive while the window is away from the top are
 * held (the newest page of them) and joined when the window comes back up, so none is lost to a
 * page that was on its way.
 */
export interface FeedWindow {
  events: TillEvent[];
  hasOlder: boolean;
  hasNewer: boolean;
  held: TillEvent[];
}

export const EMPTY_WINDOW: FeedWindow = { events: [], hasOlder: true, hasNewer: false, held: [] };

/**
 * The newest page, as asked for on opening, on a new filter or after a dropped connection. A window
 * paged away from the top stays where the cashier is reading: its newer pages come as it scrolls up.
 */
export function withTopPage(window: FeedWindow, page: readonly TillEvent[], cap = FEED_WINDOW): FeedWindow {
  if (window.hasNewer) return window;
  const oldestOfPage = page[page.length - 1]?.id ?? 0;
  const newestKnown = window.events[0]?.id ?? 0;
  // A top page that does not reach the window (many events missed while disconnected) replaces it:
  // the window never has a hole in it.
  const joins = window.events.length > 0 && (page.length < FEED_PAGE || oldestOfPage <= newestKnown);
  if (!joins) return { events: [...page], hasOlder: page.length === FEED_PAGE, hasNewer: false, held: [] };
  return trimOldest({ ...window, events: mergeEvents(window.events, page) }, cap);
}

/** A page older than the window's oldest event: joins at the bottom; the newest events past the cap go. */
export function withOlderPage(window: FeedWindow, page: readonly TillEvent[], cap = FEED_WINDOW): FeedWindow {
  const events = mergeEvents(window.events, page);
  const hasOlder = page.length === FEED_PAGE;
  if (events.length <= cap) return { ...window, events, hasOlder };
  return { ...window, events: events.slice(events.length - cap), hasOlder, hasNewer: true };
}

/** A page newer than the window's newest event: joins on top; the oldest events past the cap go. */
export function withNewerPage(window: FeedWindow, page: readonly TillEvent[], cap = FEED_WINDOW): FeedWindow {
  const reachedTop = page.length < FEED_PAGE;
  const joined = mergeEvents(mergeEvents(window.events, page), reachedTop ? window.held : []);
  return trimOldest({ ...window, events: joined, hasNewer: !reachedTop, held: reachedTop ? [] : window.held }, cap);
}

/** A live event: on top when the window is at the top, otherwise held until it comes back up. */
export function withLiveEvent(window: FeedWindow, event: TillEvent, cap = FEED_WINDOW): FeedWindow {
  if (window.hasNewer) return { ...window, held: [event, ...window.held].slice(0, FEED_PAGE) };
  return trimOldest({ ...window, events: mergeEvents(window.events, [event]) }, cap);
}

function trimOldest(window: FeedWindow, cap: number): FeedWindow {
  if (window.events.length <= cap) return window;
  return { ...window, events: window.events.slice(0, cap), hasOlder: true };
}
