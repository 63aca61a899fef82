import { create } from 'zustand';
import { api, ApiError, setUnauthorizedHandler } from '../api/client.js';
import type { Language } from '../../../shared/i18n/language.js';
import { useStatusStore } from '../stores/status-store.js';

interface SessionState {
  /** null until the till has said whether this browser is logged in. */
  loggedIn: boolean | null;
  /** This browser is on another computer (it needs a session); on the till itself it never does. */
  network: boolean;
  check(): Promise<void>;
  login(password: string): Promise<void>;
  logout(): Promise<void>;
}

/** The admin session of a browser on another computer: one login, a cookie the page never sees. */
export const useSessionStore = create<SessionState>()((set) => ({
  loggedIn: null,
  network: false,
  async check() {
    try {
      const { network, loggedIn, language } = await api.get<{ network: boolean; loggedIn: boolean; language?: Language }>('/api/session');
      // Before a login the status is refused: the login form speaks the till's language from here.
      if (language) useStatusStore.setState({ language });
      set({ network, loggedIn });
    } catch {
      set({ loggedIn: false });
    }
  },
  async login(password) {
    set(await api.post<{ network: boolean; loggedIn: boolean }>('/api/session', { password }));
  },
  async logout() {
    // The dashboard first, then the session: with `loggedIn` no longer true the app closes the live
    // stream and drops the reloads it had pending (App.tsx), so none of them reaches the till after
    // the session has ended (it would be refused with a 401, which the browser logs as an error).
    set({ loggedIn: null });
    try {
      await api.post('/api/session/end', {});
      set({ loggedIn: false });
    } catch (error) {
      // A 401: the session had already ended. Anything else: the till did not end it, so this
      // browser is still logged in and the dashboard comes back as it was.
      set({ loggedIn: error instanceof ApiError && error.status === 401 ? false : true });
    }
  },
}));

setUnauthorizedHandler(() => useSessionStore.setState({ loggedIn: false, network: true }));
