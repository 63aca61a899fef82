import { create } from 'zustand';
import { api } from '../api/client.js';
import type { OpenOrder, OrdersResponse } from '../../../shared/admin/feed.js';

interface OrdersState {
  orders: OpenOrder[];
  /** Orders idle past `staleOrderHours`: left out of `orders`, counted for the «Давно без движения» tab. */
  staleCount: number;
  loaded: boolean;
  /** A screen has asked for these figures (a read started): the live feed's first open reads them again. */
  asked: boolean;
  failed: boolean;
  load(): Promise<void>;
}

/** Open orders with a guest, gifts or a bonus reservation; reloaded when the feed says they changed. */
export const useOrdersStore = create<OrdersState>()((set) => ({
  orders: [],
  staleCount: 0,
  loaded: false,
  asked: false,
  failed: false,
  async load() {
    set({ asked: true });
    try {
      const { orders, staleCount } = await api.get<OrdersResponse>('/api/orders');
      set({ orders, staleCount, loaded: true, failed: false });
    } catch {
      set({ failed: true });
    }
  },
}));
