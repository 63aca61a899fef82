import { create } from 'zustand';
import type { TillEvent, TillEventType } from '../../../shared/events.js';
import { api, query } from '../api/client.js';
import type { EventsResponse } from '../../../shared/admin/feed.js';
import { matchesTypes, toggleKind, typesOfKinds, type FeedKind } from './feed-kinds.js';
import { EMPTY_WINDOW, FEED_PAGE, withLiveEvent, withNewerPage, withOlderPage, withTopPage, type FeedWindow } from './feed-window.js';

interface FeedState extends FeedWindow {
  kinds: FeedKind[];
  types: TillEventType[];
  loading: boolean;
  failed: boolean;
  connected: boolean;
  /** A page was asked for (a read started): the live feed's first open reads the newest page again. */
  asked: boolean;
  toggle(kind: FeedKind | 'all'): void;
  /** The feed filtered to exactly these kinds (a tile of «Сегодня» opens it so). */
  show(kinds: readonly FeedKind[]): void;
  loadNewest(): Promise<void>;
  loadOlder(): Promise<void>;
  loadNewer(): Promise<void>;
  /** Leaves a window paged back through history for the newest page. */
  jumpToNewest(): void;
  receive(event: TillEvent): void;
  setConnected(connected: boolean): void;
}

/** Bumped when the filter changes, so a page asked for under the old filter is dropped. */
let generation = 0;

const windowOf = ({ events, hasOlder, hasNewer, held }: FeedState): FeedWindow => ({ events, hasOlder, hasNewer, held });

/**
 * The live feed: newest first, filtered by kind on the server, and only a window of it in memory
 * (see feed-window.ts): older and newer pages are fetched as the cashier scrolls.
 */
export const useFeedStore = create<FeedState>()((set, get) => {
  const fetchPage = async (page: { before?: number; after?: number }, join: (window: FeedWindow, events: TillEvent[]) => FeedWindow) => {
    const mine = generation;
    set({ loading: true, failed: false, asked: true });
    try {
      const { events } = await api.get<EventsResponse>(
        `/api/events${query({ ...page, limit: FEED_PAGE, types: get().types.join(',') || undefined })}`,
      );
      if (mine !== generation) return;
      set((state) => ({ ...join(windowOf(state), events), loading: false }));
    } catch {
      if (mine === generation) set({ loading: false, failed: true });
    }
  };

  const restart = (changes: Partial<FeedState>) => {
    generation += 1;
    set({ ...changes, ...EMPTY_WINDOW });
    void fetchPage({}, withTopPage);
  };

  return {
    ...EMPTY_WINDOW,
    kinds: [],
    types: [],
    loading: false,
    failed: false,
    connected: false,
    asked: false,
    toggle(kind) {
      const kinds = kind === 'all' ? [] : toggleKind(get().kinds, kind);
      restart({ kinds, types: typesOfKinds(kinds) });
    },
    show(kinds) {
      restart({ kinds: [...kinds], types: typesOfKinds(kinds) });
    },
    jumpToNewest: () => restart({}),
    loadNewest: () => fetchPage({}, withTopPage),
    async loadOlder() {
      const { loading, hasOlder, events } = get();
      if (loading || !hasOlder) return;
      await fetchPage({ before: events[events.length - 1]?.id }, withOlderPage);
    },
    async loadNewer() {
      const { loading, hasNewer, events } = get();
      if (loading || !hasNewer || !events[0]) return;
      await fetchPage({ after: events[0].id }, withNewerPage);
    },
    receive(event) {
      if (!matchesTypes(event.type, get().types)) return;
      set((state) => withLiveEvent(windowOf(state), event));
    },
    setConnected: (connected) => set({ connected }),
  };
});
