import { create } from 'zustand';
import type { SettingsPatch } from '../../../shared/settings/schema.js';
import { api } from '../api/client.js';
import type { SettingsResponse, SettingsSaved } from '../../../shared/admin/settings.js';

interface SettingsState {
  current: SettingsResponse | null;
  failed: boolean;
  load(): Promise<void>;
  /** Saves a patch; a refusal is thrown as an ApiError naming the fields. */
  save(patch: SettingsPatch): Promise<SettingsSaved>;
}

/** The manager's stored settings (what the form edits; command-line overrides are listed apart). */
export const useSettingsStore = create<SettingsState>()((set, get) => ({
  current: null,
  failed: false,
  async load() {
    try {
      set({ current: await api.get<SettingsResponse>('/api/settings'), failed: false });
    } catch {
      set({ failed: true });
    }
  },
  async save(patch) {
    const saved = await api.put<SettingsSaved>('/api/settings', patch);
    const previous = get().current;
    set({ current: { settings: saved.settings, overridden: previous?.overridden ?? [], location: previous?.location ?? '' } });
    return saved;
  },
}));
