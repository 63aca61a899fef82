import { useEffect } from 'react';
import { CashScreen } from './cash/CashScreen.js';
import { Header } from './components/Header.js';
import { FeedScreen } from './feed/FeedScreen.js';
import { connectLiveEvents } from './live/live-events.js';
import { OrdersScreen } from './screens/OrdersScreen.js';
import { SettingsScreen } from './settings/SettingsScreen.js';
import { SetupScreen } from './screens/SetupScreen.js';
import { useHashRoute } from './routing/use-hash-route.js';
import { useSettingsStore } from './stores/settings-store.js';
import { useStatusStore } from './stores/status-store.js';

/** The till's dashboard: a header with the sections and the live status, and one screen at a time. */
export function App() {
  const screen = useHashRoute();
  const language = useStatusStore((state) => state.language);
  const largeText = useSettingsStore((state) => state.current?.settings.display.largeText ?? false);

  useEffect(() => {
    void useStatusStore.getState().load();
    void useSettingsStore.getState().load();
    return connectLiveEvents();
  }, []);

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
        {screen === 'feed' && <FeedScreen />}
        {screen === 'orders' && <OrdersScreen />}
        {screen === 'cash' && <CashScreen />}
        {screen === 'settings' && <SettingsScreen />}
        {screen === 'setup' && <SetupScreen />}
      </main>
    </div>
  );
}
