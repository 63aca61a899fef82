import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useFeedStore } from './feed-store.js';
import { useLanguage, useTexts } from '../stores/status-store.js';
import { FeedDetail, FeedRow } from './FeedRow.js';
import type { TillEvent } from '../../../shared/events.js';
import { feedLine } from './feed-line.js';
import { rowsShifted, type DrawnFeed } from './reading-position.js';

const ROW_HEIGHT = 64;

/**
 * The feed as a virtual list: only the rows in view are in the page, so tens of thousands of
 * events scroll as smoothly as ten, and only a window of them is in memory (feed-window.ts).
 * Reaching the bottom loads the next older page («Показать ещё»); after paging far back the top
 * row loads the newer ones («Показать более новые») or jumps to the newest.
 */
export function FeedList() {
  const t = useTexts();
  const language = useLanguage();
  const { events, hasOlder, hasNewer, loading, failed, loadOlder, loadNewer, jumpToNewest } = useFeedStore();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowsAbove = hasNewer ? 1 : 0;
  const footer = hasOlder || failed ? 1 : 0;
  const virtualizer = useVirtualizer({
    count: rowsAbove + events.length + footer,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => (index < rowsAbove ? 'newer' : (events[index - rowsAbove]?.id ?? 'older')),
  });
  // Rows arriving above or let go above move the list under the cashier's eyes: it is scrolled back
  // by as many rows, so a cashier scrolled down keeps reading the same rows.
  const drawn = useRef<DrawnFeed>({ events: [], rowsAbove: 0 });
  // A screen reader hears each live arrival (not a page loaded or a filter changed): the newest one.
  const [announcement, setAnnouncement] = useState('');
  // The event whose whole text is open under the list (a tap on its row; again, or «Закрыть», closes it).
  const [opened, setOpened] = useState<TillEvent | null>(null);
  const toggle = (event: TillEvent) => setOpened((current) => (current?.id === event.id ? null : event));
  // An event the list no longer has (another filter, paged away) is not shown on its own.
  const shown = opened && events.some((event) => event.id === opened.id) ? opened : null;
  const close = () => {
    const id = shown?.id;
    setOpened(null);
    // Back to the row it came from, for a keyboard (or the list, if the row scrolled out of the page).
    const row = id === undefined ? null : scrollRef.current?.querySelector<HTMLElement>(`[data-event-id="${id}"]`);
    (row ?? scrollRef.current)?.focus();
  };
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const next = { events, rowsAbove };
    const shift = rowsShifted(drawn.current, next);
    const pagedAway = rowsAbove > 0 || drawn.current.rowsAbove > 0;
    if (scroller && shift !== 0 && (scroller.scrollTop > 0 || pagedAway)) scroller.scrollTop += shift * ROW_HEIGHT;
    const newest = events[0];
    const liveArrival = !pagedAway && shift > 0;
    if (liveArrival && newest) setAnnouncement(t.a11y.newEvent(feedLine(newest, language).title));
    drawn.current = next;
  }, [events, rowsAbove]);
  const announcer = (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {announcement}
    </p>
  );
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? -1;
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (lastIndex >= rowsAbove + events.length - 20 && hasOlder && !loading && !failed && events.length > 0) void loadOlder();
  }, [lastIndex, rowsAbove, events.length, hasOlder, loading, failed, loadOlder]);
  useEffect(() => {
    if (firstIndex === 0 && hasNewer && !loading && !failed) void loadNewer();
  }, [firstIndex, hasNewer, loading, failed, loadNewer]);

  if (events.length === 0 && !hasOlder)
    return (
      <>
        {announcer}
        <p className="empty">{t.feed.empty}</p>
      </>
    );

  const newerRow = loading ? (
    <div className="feed-footer">{t.feed.loading}</div>
  ) : (
    <div className="feed-footer feed-paging">
      <button type="button" onClick={() => void loadNewer()}>
        {t.feed.showNewer}
      </button>
      <button type="button" onClick={jumpToNewest}>
        {t.feed.toNewest}
      </button>
    </div>
  );
  const olderRow = failed ? (
    <div className="feed-footer">
      {t.feed.loadFailed}{' '}
      <button type="button" onClick={() => void (events.length ? loadOlder() : useFeedStore.getState().loadNewest())}>
        {t.feed.retry}
      </button>
    </div>
  ) : loading ? (
    <div className="feed-footer">{t.feed.loading}</div>
  ) : (
    <div className="feed-footer feed-paging">
      <button type="button" onClick={() => void loadOlder()}>
        {t.feed.showMore}
      </button>
    </div>
  );

  return (
    <>
      {announcer}
      <div ref={scrollRef} className="feed-scroll" role="list" aria-label={t.feed.title} aria-busy={loading} tabIndex={0}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const event = item.index < rowsAbove ? undefined : events[item.index - rowsAbove];
            return (
              <div
                key={item.key}
                role={event ? 'listitem' : undefined}
                aria-setsize={event ? -1 : undefined}
                aria-posinset={event ? item.index - rowsAbove + 1 : undefined}
                className="feed-slot"
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              >
                {event ? (
                  <FeedRow event={event} language={language} onOpen={toggle} open={shown?.id === event.id} />
                ) : item.index < rowsAbove ? (
                  newerRow
                ) : (
                  olderRow
                )}
              </div>
            );
          })}
        </div>
      </div>
      {shown && <FeedDetail event={shown} language={language} onClose={close} />}
    </>
  );
}
