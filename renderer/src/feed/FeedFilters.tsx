import { useFeedStore } from './feed-store.js';
import { useTexts } from '../stores/status-store.js';
import { FEED_KINDS } from './feed-kinds.js';

/** Kind chips: press one or several to see only those; "All" clears the filter. */
export function FeedFilters() {
  const t = useTexts();
  const kinds = useFeedStore((state) => state.kinds);
  const toggle = useFeedStore((state) => state.toggle);
  return (
    <div className="chips" role="group" aria-label={t.feed.filters}>
      <button type="button" className="chip" aria-pressed={kinds.length === 0} onClick={() => toggle('all')}>
        {t.feed.all}
      </button>
      {FEED_KINDS.map((kind) => (
        <button key={kind} type="button" className="chip" aria-pressed={kinds.includes(kind)} onClick={() => toggle(kind)}>
          {t.feed.kinds[kind]}
        </button>
      ))}
    </div>
  );
}
