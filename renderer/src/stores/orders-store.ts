import { create } from 'zustand';
import { api } from '../api/client.js';
import type { OpenOrder, OrdersResponse } from '../../../shared/admin/feed.js';

interface OrdersState {
  orders: OpenOrder[];
  loaded: boolean;
  failed: boolean;
  load(): Promise<void>;
}

/** Open orders with a guest, gifts or a bonus reservation; reloaded when the feed says they changed. */
export const useOrdersStore = create<OrdersState>()((set) => ({
  orders: [],
  loaded: false,
  failed: false,
  async load() {
    try {
      const { orders } = await api.get<OrdersResponse>('/api/orders');
      set({ orders, loaded: true, failed: false });
    } catch {
      set({ failed: true });
    }
  },
}));
