import { useState } from 'react';
import { api } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { formatCount } from '../../../shared/i18n/numbers.js';
import type { SetupResponse } from '../../../shared/admin/status.js';
import { useLanguage, useTexts } from '../stores/status-store.js';

/**
 * Which iikoWaiter terminals may call the till, and the ones that tried without being allowed:
 * "a terminal at 192.168.0.21 tried to connect — allow it", one click each.
 */
export function WaiterCallers({ allowedCallers, refusedCallers, onChanged }: Pick<SetupResponse, 'allowedCallers' | 'refusedCallers'> & { onChanged: () => void }) {
  const texts = useTexts();
  const t = texts.setup.callers;
  const language = useLanguage();
  const [error, setError] = useState<string | null>(null);
  const allow = (address: string) =>
    api
      .post('/api/setup/allowed-callers', { address })
      .then(() => {
        setError(null);
        onChanged();
      })
      .catch((failure: unknown) => setError(errorText(failure, texts)));
  return (
    <>
      <h3 id="callers-title">{t.title}</h3>
      <p>{t.explain}</p>
      <p>
        {t.allowed}: {allowedCallers.length > 0 ? allowedCallers.join(', ') : t.none}
      </p>
      {error && <p role="alert" className="error">{error}</p>}
      {refusedCallers.length > 0 && (
        <ul className="refused-callers" aria-labelledby="callers-title">
          {refusedCallers.map((caller) => (
            <li key={caller.address}>
              {t.tried(caller.address, formatCount(caller.count, language))}{' '}
              <button type="button" aria-label={t.allowAddress(caller.address)} onClick={() => void allow(caller.address)}>
                {t.allow}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
