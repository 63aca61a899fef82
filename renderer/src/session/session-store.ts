import { create } from 'zustand';
import { api, setUnauthorizedHandler } from '../api/client.js';

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
      set(await api.get<{ network: boolean; loggedIn: boolean }>('/api/session'));
    } catch {
      set({ loggedIn: false });
    }
  },
  async login(password) {
    set(await api.post<{ network: boolean; loggedIn: boolean }>('/api/session', { password }));
  },
  async logout() {
    await api.post('/api/session/end', {});
    set({ loggedIn: false });
  },
}));

setUnauthorizedHandler(() => useSessionStore.setState({ loggedIn: false, network: true }));
