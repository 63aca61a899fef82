import { formatCount } from '../../../shared/i18n/numbers.js';
import { useLanguage, useStatusStore, useTexts } from '../stores/status-store.js';
import { drainShown } from './drain-shown.js';
import './outbox-drain.css';

/**
 * The outbox draining, live: a bar and «Отправлено в облако: N из M» moving as the cloud
 * acknowledges calls (the till tells it as events, several times a second), full and «Очередь
 * пуста» once it is empty. Nothing while the till has said nothing or nothing was waiting.
 */
export function OutboxDrain() {
  const c = useTexts().cloud;
  const language = useLanguage();
  const shown = drainShown(useStatusStore((state) => state.drain));
  if (!shown) return null;
  const count = (n: number) => formatCount(n, language);
  return (
    <div className="outbox-drain">
      <progress data-testid="drain-progress" max={shown.total} value={shown.sent} aria-label={c.drainLabel} />
      <span role="status" data-testid="drain-status">
        {shown.done ? c.drainDone(count(shown.sent)) : c.drainProgress(count(shown.sent), count(shown.total))}
      </span>
    </div>
  );
}
