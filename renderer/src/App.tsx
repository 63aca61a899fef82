import { useEffect } from 'react';
import { CashScreen } from './waiter-cash/CashScreen.js';
import { CloudScreen } from './cloud/CloudScreen.js';
import { Header } from './components/Header.js';
import { LoginScreen } from './session/LoginScreen.js';
import { FeedScreen } from './feed/FeedScreen.js';
import { connectLiveEvents } from './live/live-events.js';
import { OrdersScreen } from './orders/OrdersScreen.js';
import { SettingsScreen } from './settings/SettingsScreen.js';
import { SetupScreen } from './setup/SetupScreen.js';
import { TodayScreen } from './today/TodayScreen.js';
import { useHashRoute } from './routing/use-hash-route.js';
import { useSessionStore } from './session/session-store.js';
import { useSettingsStore } from './settings/settings-store.js';
import { useStatusStore } from './stores/status-store.js';

/** The till's dashboard: a header with the sections and the live status, and one screen at a time. */
export function App() {
  const screen = useHashRoute();
  const language = useStatusStore((state) => state.language);
  const loggedIn = useSessionStore((state) => state.loggedIn);
  const largeText = useSettingsStore((state) => state.current?.settings.display.largeText ?? false);

  useEffect(() => {
    void useSessionStore.getState().check();
  }, []);

  useEffect(() => {
    if (loggedIn !== true) return;
    void useStatusStore.getState().load();
    void useSettingsStore.getState().load();
    return connectLiveEvents();
  }, [loggedIn]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // Settings → "Large text": every size is in rem, so the root's font size scales the whole dashboard.
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
  }, [largeText]);

  return (
    <div className="app">
      <Header screen={screen} />
      <main className="screen">
        {loggedIn === false && <LoginScreen />}
        {loggedIn === true && screen === 'today' && <TodayScreen />}
        {loggedIn === true && screen === 'feed' && <FeedScreen />}
        {loggedIn === true && screen === 'orders' && <OrdersScreen />}
        {loggedIn === true && screen === 'cash' && <CashScreen />}
        {loggedIn === true && screen === 'cloud' && <CloudScreen />}
        {loggedIn === true && screen === 'settings' && <SettingsScreen />}
        {loggedIn === true && screen === 'setup' && <SetupScreen />}
      </main>
    </div>
  );
}
