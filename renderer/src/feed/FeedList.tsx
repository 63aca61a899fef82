import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useFeedStore } from '../stores/feed-store.js';
import { useLanguage, useTexts } from '../stores/status-store.js';
import { FeedRow } from './FeedRow.js';
import { feedLine } from './feed-line.js';
import { rowsArrivedAbove } from './reading-position.js';

const ROW_HEIGHT = 64;

/**
 * The feed as a virtual list: only the rows in view are in the page, so tens of thousands of
 * events scroll as smoothly as ten. Reaching the bottom loads the next older page.
 */
export function FeedList() {
  const t = useTexts();
  const language = useLanguage();
  const { events, hasMore, loading, failed, loadOlder } = useFeedStore();
  const scrollRef = useRef<HTMLDivElement>(null);
  const footer = hasMore || failed ? 1 : 0;
  const virtualizer = useVirtualizer({
    count: events.length + footer,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => events[index]?.id ?? 'footer',
  });
  // Live events arrive on top; a cashier scrolled down to read older rows keeps them in place.
  const topId = useRef<number | null>(null);
  // A screen reader hears each live arrival (not a page loaded or a filter changed): the newest one.
  const [announcement, setAnnouncement] = useState('');
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const arrived = rowsArrivedAbove(topId.current, events);
    if (scroller && arrived > 0 && scroller.scrollTop > 0) scroller.scrollTop += arrived * ROW_HEIGHT;
    const newest = events[0];
    if (arrived > 0 && newest) setAnnouncement(t.a11y.newEvent(feedLine(newest, language).title));
    topId.current = newest?.id ?? null;
  }, [events]);
  const announcer = (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {announcement}
    </p>
  );
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (lastIndex >= events.length - 20 && hasMore && !loading && !failed && events.length > 0) void loadOlder();
  }, [lastIndex, events.length, hasMore, loading, failed, loadOlder]);

  if (events.length === 0 && !hasMore)
    return (
      <>
        {announcer}
        <p className="empty">{t.feed.empty}</p>
      </>
    );

  return (
    <>
      {announcer}
      <div ref={scrollRef} className="feed-scroll" role="list" aria-label={t.feed.title} aria-busy={loading} tabIndex={0}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const event = events[item.index];
            return (
              <div
                key={item.key}
                role={event ? 'listitem' : undefined}
                aria-setsize={event ? -1 : undefined}
                aria-posinset={event ? item.index + 1 : undefined}
                className="feed-slot"
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              >
                {event ? (
                  <FeedRow event={event} language={language} />
                ) : failed ? (
                  <div className="feed-footer">
                    {t.feed.loadFailed}{' '}
                    <button type="button" onClick={() => void (events.length ? loadOlder() : useFeedStore.getState().loadNewest())}>
                      {t.feed.retry}
                    </button>
                  </div>
                ) : (
                  <div className="feed-footer">{t.feed.loading}</div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
