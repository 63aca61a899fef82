import { useEffect } from 'react';
import { CashScreen } from './cash/CashScreen.js';
import { CloudScreen } from './cloud/CloudScreen.js';
import { Header } from './components/Header.js';
import { FeedScreen } from './feed/FeedScreen.js';
import { connectLiveEvents } from './live/live-events.js';
import { OrdersScreen } from './screens/OrdersScreen.js';
import { SettingsScreen } from './settings/SettingsScreen.js';
import { SetupScreen } from './screens/SetupScreen.js';
import { useHashRoute } from './routing/use-hash-route.js';
import { useStatusStore } from './stores/status-store.js';

/** The till's dashboard: a header with the sections and the live status, and one screen at a time. */
export function App() {
  const screen = useHashRoute();
  const language = useStatusStore((state) => state.language);

  useEffect(() => {
    void useStatusStore.getState().load();
    return connectLiveEvents();
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <div className="app">
      <Header screen={screen} />
      <main className="screen">
        {screen === 'feed' && <FeedScreen />}
        {screen === 'orders' && <OrdersScreen />}
        {screen === 'cash' && <CashScreen />}
        {screen === 'cloud' && <CloudScreen />}
        {screen === 'settings' && <SettingsScreen />}
        {screen === 'setup' && <SetupScreen />}
      </main>
    </div>
  );
}
