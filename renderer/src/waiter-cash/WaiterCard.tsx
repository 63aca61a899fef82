import type { WaiterCashSummary as WaiterSummary } from '../../../shared/admin/waiter-cash.js';
import { formatRoubles } from '../format/money.js';
import { formatClock } from '../format/time.js';
import { useSettingsStore } from '../settings/settings-store.js';
import { useLanguage, useTexts } from '../stores/status-store.js';
import { isOverThreshold } from './debt-threshold.js';
import { waiterName } from './waiter-name.js';

/** A waiter's outstanding cash in big figures, today's movement, and what the cashier can do. */
export function WaiterCard({ waiter, onHandIn, onHistory }: { waiter: WaiterSummary; onHandIn: () => void; onHistory: () => void }) {
  const t = useTexts();
  const language = useLanguage();
  const name = waiterName(waiter, t);
  const titleId = `waiter-${waiter.id}`;
  const threshold = useSettingsStore((state) => state.current?.settings.notifications.debtThreshold ?? 0);
  return (
    <li className={waiter.debt > 0 ? 'card waiter owes' : 'card waiter'} aria-labelledby={titleId}>
      <h3 id={titleId} className="card-title">
        {name}
      </h3>
      <dl className="figures">
        <div className="debt">
          <dt>
            {t.cash.debt}
            {isOverThreshold(waiter.debt, threshold) && (
              <span className="over-threshold">
                <span aria-hidden="true">⚠ </span>
                {t.a11y.overThreshold}
              </span>
            )}
          </dt>
          <dd className="huge" aria-label={`${t.cash.debt}: ${name}`}>
            {formatRoubles(waiter.debt, language)}
          </dd>
        </div>
        <div>
          <dt>{t.cash.takenToday}</dt>
          <dd className="big">{formatRoubles(waiter.takenToday, language)}</dd>
        </div>
        <div>
          <dt>{t.cash.handedInToday}</dt>
          <dd className="big">{formatRoubles(waiter.handedInToday, language)}</dd>
        </div>
        {waiter.reversedToday !== 0 && (
          <div>
            <dt>{t.cash.reversedToday}</dt>
            <dd className="big">{formatRoubles(waiter.reversedToday, language)}</dd>
          </div>
        )}
      </dl>
      {waiter.lastMovementAt && (
        <p className="muted small">
          {t.cash.lastMovement}: {formatClock(waiter.lastMovementAt, language)}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={waiter.debt <= 0} onClick={onHandIn} aria-label={t.cash.handInFor(name)}>
          {t.cash.handIn}
        </button>
        <button type="button" onClick={onHistory} aria-label={t.cash.historyOf(name)}>
          {t.cash.history}
        </button>
      </div>
    </li>
  );
}
