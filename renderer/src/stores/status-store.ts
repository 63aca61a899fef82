import { create } from 'zustand';
import type { Language } from '../../../shared/i18n/language.js';
import { api } from '../api/client.js';
import type { StatusResponse } from '../../../shared/admin/status.js';
import type { OutboxProgress } from '../../../shared/events.js';
import { textsFor, type Texts } from '../i18n/texts.js';

interface StatusState {
  status: StatusResponse | null;
  language: Language;
  /** Server clock minus this browser's clock, so "12 s ago" is right even if the clocks differ. */
  clockOffsetMs: number;
  /** The outbox draining, as the till last told it live (null: not told since the dashboard opened). */
  drain: OutboxProgress | null;
  load(): Promise<void>;
  outboxMoved(progress: OutboxProgress): void;
}

/** The status with the outbox's count as the till just told it (the header's «ждут отправки: N»). */
export function withOutboxCount(status: StatusResponse | null, pending: number): StatusResponse | null {
  return status && { ...status, provider: { ...status.provider, outbox: pending } };
}

/** The till's status and the language the dashboard speaks (a setting; refreshed on change). */
export const useStatusStore = create<StatusState>()((set) => ({
  status: null,
  language: 'ru',
  clockOffsetMs: 0,
  drain: null,
  outboxMoved(progress) {
    set((state) => ({ drain: progress, status: withOutboxCount(state.status, progress.pending) }));
  },
  async load() {
    try {
      const status = await api.get<StatusResponse>('/api/status');
      set({ status, language: status.language, clockOffsetMs: new Date(status.now).getTime() - Date.now() });
    } catch {
      // The header already says the till is unreachable (the live connection); the next event retries.
    }
  },
}));

export function useTexts(): Texts {
  return textsFor(useStatusStore((state) => state.language));
}

export function useLanguage(): Language {
  return useStatusStore((state) => state.language);
}
