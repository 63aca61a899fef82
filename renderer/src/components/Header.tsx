import type { Screen } from '../routing/use-hash-route.js';
import { useFeedStore } from '../feed/feed-store.js';
import { providerTroubleTexts } from '../../../shared/i18n/provider-messages.js';
import type { Language } from '../../../shared/i18n/language.js';
import { formatCount } from '../../../shared/i18n/numbers.js';
import { textsFor } from '../i18n/texts.js';
import { useSessionStore } from '../session/session-store.js';
import { useLanguage, useStatusStore, useTexts } from '../stores/status-store.js';
import { StateSign } from './StateSign.js';

const NAV: Screen[] = ['today', 'feed', 'orders', 'cash', 'cloud', 'settings', 'setup'];

/** The loyalty pill's « · ждут отправки: 12 500», the count the language's way; nothing when none wait. */
export function outboxNote(count: number, language: Language): string {
  return count > 0 ? ` · ${textsFor(language).status.outbox(formatCount(count, language))}` : '';
}

/** The sections, and whether the till is live and its loyalty programme reachable. */
export function Header({ screen }: { screen: Screen }) {
  const t = useTexts();
  const language = useLanguage();
  const connected = useFeedStore((state) => state.connected);
  const provider = useStatusStore((state) => state.status?.provider);
  const networkSession = useSessionStore((state) => state.network && state.loggedIn === true);
  // Not logged in (the login screen, or just logged out): the till's live state is not this page's to show.
  const loggedIn = useSessionStore((state) => state.loggedIn === true);
  // «Облако» (the outbox, refunds to reconcile, the journal) where there is a cloud, or something left for it.
  const showCloud = provider !== undefined && (provider.provider === 'cloud' || provider.outbox > 0 || (provider.parked ?? 0) > 0);
  return (
    <header className="header">
      <h1 className="brand">{t.appTitle}</h1>
      <nav aria-label={t.nav.label} className="nav">
        {NAV.filter((name) => name !== 'cloud' || showCloud).map((name) => (
          <a key={name} href={`#/${name}`} className="nav-link" aria-current={screen === name ? 'page' : undefined}>
            {t.nav[name]}
          </a>
        ))}
      </nav>
      <div className="header-status" role="status">
        {loggedIn && (
          <span className={connected ? 'pill pill-ok' : 'pill pill-bad'}>
            <StateSign ok={connected} />
            {connected ? t.status.live : t.status.reconnecting}
          </span>
        )}
        {loggedIn && provider && (
          <span
            className={provider.online ? 'pill pill-ok' : 'pill pill-bad'}
            title={[provider.provider === 'cloud' ? t.status.providerCloud : t.status.providerLocal, ...providerTroubleTexts(provider, language)].join(': ')}
          >
            <StateSign ok={provider.online} />
            {t.status.loyalty}: {provider.online ? t.status.online : t.status.offline}
            {outboxNote(provider.outbox, language)}
          </span>
        )}
        {networkSession && (
          <button type="button" className="logout" onClick={() => void useSessionStore.getState().logout()}>
            {t.login.logout}
          </button>
        )}
      </div>
    </header>
  );
}
