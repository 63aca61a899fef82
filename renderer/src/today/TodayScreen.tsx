import { lazy, Suspense, useEffect } from 'react';
import { waiterName } from '../waiter-cash/waiter-name.js';
import type { FeedKind } from '../feed/feed-kinds.js';
import { formatBusinessDate, formatTime } from '../format/date.js';
import { formatBonuses, formatRoubles } from '../format/money.js';
import type { Language } from '../../../shared/i18n/language.js';
import { formatCount } from '../../../shared/i18n/numbers.js';
import { useFeedStore } from '../feed/feed-store.js';
import { useLanguage, useTexts } from '../stores/status-store.js';
import { useTodayStore } from './today-store.js';
import { splitTileValue } from './tile-value.js';
import { TILES } from './today-tiles.js';
import './today.css';

/** The chart and its library load on their own, beside the tiles: the other screens never fetch uPlot. */
const HourChart = lazy(async () => ({ default: (await import('./HourChart.js')).HourChart }));

/** A tile's figure as the language writes it: bonuses with their word, a count grouped («12 500», «12,500»). */
export function tileFigure(value: number, bonuses: boolean, language: Language): string {
  return bonuses ? formatBonuses(value, language) : formatCount(value, language);
}

/** «Сегодня»: how loyalty did this business day, at a glance; a tile opens the feed filtered to it. */
export function TodayScreen() {
  const t = useTexts();
  const language = useLanguage();
  const today = useTodayStore((state) => state.today);
  const failed = useTodayStore((state) => state.failed);

  useEffect(() => {
    void useTodayStore.getState().load();
  }, []);

  const open = (kinds: readonly FeedKind[]) => {
    useFeedStore.getState().show(kinds);
    window.location.hash = '#/feed';
  };

  if (!today) return failed ? <p role="alert" className="error">{t.error.loadFailed}</p> : <p>{t.feed.loading}</p>;
  const money = (kopecks: number) => formatRoubles(kopecks, language);
  return (
    <section className="today-screen" aria-labelledby="today-title">
      <h2 id="today-title">
        {t.today.title} · <span data-testid="business-day">{formatBusinessDate(today.day.date, language)}</span>
      </h2>
      <p className="muted">{t.today.since(formatTime(today.day.from, language), formatTime(today.day.to, language))}</p>
      {failed && <p role="alert" className="error">{t.error.loadFailed}</p>}
      <div className="tiles">
        {TILES.map((tile) => (
          <button key={tile.key} type="button" className="tile" data-tile={tile.key} onClick={() => open(tile.feed)}>
            <TileValue text={tileFigure(today.tiles[tile.key], tile.bonuses, language)} />
            <span className="tile-label">{t.today.tiles[tile.key]}</span>
          </button>
        ))}
        <button type="button" className="tile tile-wide" data-tile="cashOutstanding" onClick={() => open(['cash'])}>
          <TileValue text={money(today.cashOutstanding.reduce((sum, w) => sum + w.debt, 0))} />
          <span className="tile-label">{t.today.tiles.cashOutstanding}</span>
          {today.cashOutstanding.length > 0 && (
            <span className="tile-lines">
              {today.cashOutstanding.map((w) => (
                <span key={w.id}>
                  {waiterName(w, t)}: {money(w.debt)}
                </span>
              ))}
            </span>
          )}
        </button>
      </div>
      <Suspense fallback={<p className="muted">{t.feed.loading}</p>}>
        <HourChart hours={today.hours} />
      </Suspense>
    </section>
  );
}

/** The figure of a tile: its number large, its unit smaller beside it (or under it, in a narrow tile). */
function TileValue({ text }: { text: string }) {
  const { number, unit } = splitTileValue(text);
  return (
    <span className="tile-value">
      <span className="tile-number">{number}</span>
      {unit && (
        <>
          {' '}
          <span className="tile-unit">{unit}</span>
        </>
      )}
    </span>
  );
}
