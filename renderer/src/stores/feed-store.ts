import { create } from 'zustand';
import type { TillEvent, TillEventType } from '../../../shared/events.js';
import { api, query } from '../api/client.js';
import type { EventsResponse } from '../../../shared/admin/feed.js';
import { matchesTypes, toggleKind, typesOfKinds, type FeedKind } from '../feed/feed-kinds.js';
import { mergeEvents } from '../feed/merge-events.js';

const PAGE = 200;

interface FeedState {
  events: TillEvent[];
  kinds: FeedKind[];
  types: TillEventType[];
  loading: boolean;
  hasMore: boolean;
  failed: boolean;
  connected: boolean;
  toggle(kind: FeedKind | 'all'): void;
  /** The feed filtered to exactly these kinds (a tile of «Сегодня» opens it so). */
  show(kinds: readonly FeedKind[]): void;
  loadNewest(): Promise<void>;
  loadOlder(): Promise<void>;
  receive(event: TillEvent): void;
  setConnected(connected: boolean): void;
}

/** Bumped when the filter changes, so a page asked for under the old filter is dropped. */
let generation = 0;

/** The live feed: newest first, paged back through history, filtered by kind on the server. */
export const useFeedStore = create<FeedState>()((set, get) => {
  const fetchPage = async (before: number | undefined) => {
    const mine = generation;
    set({ loading: true, failed: false });
    try {
      const { events } = await api.get<EventsResponse>(
        `/api/events${query({ before, limit: PAGE, types: get().types.join(',') || undefined })}`,
      );
      if (mine !== generation) return;
      set((state) => {
        // Refreshing the top of a feed already paged back keeps what is known about its bottom.
        const refreshedTop = before === undefined && state.events.length > 0;
        return { events: mergeEvents(state.events, events), hasMore: refreshedTop ? state.hasMore : events.length === PAGE, loading: false };
      });
    } catch {
      if (mine === generation) set({ loading: false, failed: true });
    }
  };

  return {
    events: [],
    kinds: [],
    types: [],
    loading: false,
    hasMore: true,
    failed: false,
    connected: false,
    toggle(kind) {
      const kinds = kind === 'all' ? [] : toggleKind(get().kinds, kind);
      generation += 1;
      set({ kinds, types: typesOfKinds(kinds), events: [], hasMore: true });
      void fetchPage(undefined);
    },
    show(kinds) {
      generation += 1;
      set({ kinds: [...kinds], types: typesOfKinds(kinds), events: [], hasMore: true });
      void fetchPage(undefined);
    },
    loadNewest: () => fetchPage(undefined),
    async loadOlder() {
      const { loading, hasMore, events } = get();
      if (loading || !hasMore) return;
      await fetchPage(events[events.length - 1]?.id);
    },
    receive(event) {
      if (!matchesTypes(event.type, get().types)) return;
      set((state) => ({ events: mergeEvents(state.events, [event]) }));
    },
    setConnected: (connected) => set({ connected }),
  };
});
