import { create } from 'zustand';
import { api } from '../api/client.js';
import { TodayResponse } from '../../../shared/admin/today.js';

interface TodayState {
  today: TodayResponse | null;
  failed: boolean;
  load(): Promise<void>;
}

/** The «Сегодня» screen's figures: reloaded on the same live events as the feed. */
export const useTodayStore = create<TodayState>()((set) => ({
  today: null,
  failed: false,
  async load() {
    try {
      set({ today: TodayResponse.parse(await api.get<unknown>('/api/today')), failed: false });
    } catch {
      set({ failed: true });
    }
  },
}));
