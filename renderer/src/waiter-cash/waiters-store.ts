import { create } from 'zustand';
import { ApiError, api } from '../api/client.js';
import type { HandInAnswer as HandInResponse, HandInRequest, RenameAnswer, RenameRequest, WaiterCashSummary as WaiterSummary, WaitersResponse } from '../../../shared/admin/waiter-cash.js';

interface WaitersState {
  waiters: WaiterSummary[];
  loaded: boolean;
  /** A screen has asked for these figures (a read started): the live feed's first open reads them again. */
  asked: boolean;
  /** False when this core has no waiter accounts API (an older core): the screen says so. */
  available: boolean;
  failed: boolean;
  load(): Promise<void>;
  handIn(waiterId: string, input: { amount: number; note: string; recordedBy: string; idempotencyKey: string }): Promise<HandInResponse>;
  rename(waiterId: string, name: string): Promise<void>;
}

/** Each waiter's outstanding cash and today's movement. */
export const useWaitersStore = create<WaitersState>()((set, get) => ({
  waiters: [],
  loaded: false,
  asked: false,
  available: true,
  failed: false,
  async load() {
    set({ asked: true });
    try {
      const { waiters } = await api.get<WaitersResponse>('/api/waiters');
      set({ waiters, loaded: true, available: true, failed: false });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) set({ available: false, loaded: true });
      else set({ failed: true });
    }
  },
  async handIn(waiterId, input) {
    const request: HandInRequest = {
      amount: input.amount,
      ...(input.note.trim() ? { note: input.note.trim() } : {}),
      ...(input.recordedBy.trim() ? { recordedBy: input.recordedBy.trim() } : {}),
      idempotencyKey: input.idempotencyKey,
    };
    const result = await api.post<HandInResponse>(`/api/waiters/${encodeURIComponent(waiterId)}/hand-ins`, request);
    await get().load();
    return result;
  },
  async rename(waiterId, name) {
    await api.put<RenameAnswer>(`/api/waiters/${encodeURIComponent(waiterId)}`, { name } satisfies RenameRequest);
    await get().load();
  },
}));
