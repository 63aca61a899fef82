import { useEffect } from 'react';
import { useFeedStore } from './feed-store.js';
import { FeedFilters } from './FeedFilters.js';
import { FeedList } from './FeedList.js';

/** What happens at the till, live, newest first. */
export function FeedScreen() {
  useEffect(() => {
    const feed = useFeedStore.getState();
    if (feed.events.length === 0) void feed.loadNewest();
  }, []);
  return (
    <section className="feed-screen">
      <FeedFilters />
      <FeedList />
    </section>
  );
}
