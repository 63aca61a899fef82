import { useState } from 'react';
import type { ConnectionCheckAnswer } from '../../../shared/admin/cloud.js';
import { api } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { formatBonuses } from '../format/money.js';
import { useStatusStore, useTexts } from '../stores/status-store.js';
import type { Language } from '../../../shared/i18n/language.js';
import { LOCALES } from '../../../shared/i18n/numbers.js';

/** A guest's rule in basis points as a percentage the language's way: «2,5» in Russian, «2.5» in English. */
export function percentOf(basisPoints: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 }).format(basisPoints / 100);
}

/**
 * «Проверить подключение»: the account and key as typed on the settings screen (a masked key means
 * the saved one) and a test phone or QR; shows each call sent beside its answer and what was understood.
 */
export function ConnectionCheck({ accountUrl, apiKey }: { accountUrl: string; apiKey: string }) {
  const t = useTexts();
  const c = t.cloud;
  const language = useStatusStore((state) => state.language);
  const [value, setValue] = useState('');
  const [checking, setChecking] = useState(false);
  const [answer, setAnswer] = useState<ConnectionCheckAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async () => {
    setChecking(true);
    setProblem(null);
    try {
      setAnswer(await api.post<ConnectionCheckAnswer>('/api/cloud/check', { accountUrl: accountUrl.trim(), apiKey, value }));
    } catch (caught) {
      setAnswer(null);
      setProblem(errorText(caught, t));
    } finally {
      setChecking(false);
    }
  };

  const verdict = answer
    ? {
        found: c.outcomeFound,
        unknown: c.outcomeUnknown,
        unreadable: c.outcomeUnreadable(answer.field ?? '', answer.problem ?? ''),
        failed: c.outcomeFailed(answer.problem ?? ''),
      }[answer.outcome]
    : null;
  const rules = answer?.understood?.rules;
  return (
    <section className="connection-check" aria-label={c.check}>
      <div className="field">
        <label htmlFor="cloud-check-value">{c.checkValue}</label>
        <input id="cloud-check-value" value={value} onChange={(change) => setValue(change.target.value)} />
      </div>
      <button type="button" onClick={() => void run()} disabled={checking || value.trim() === ''}>
        {checking ? c.checking : c.check}
      </button>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
      {answer && (
        <div className="check-result">
          <p role="status" className={answer.outcome === 'found' ? 'outcome outcome-ok' : 'outcome outcome-error'}>
            {verdict}
          </p>
          {answer.exchanges.map((exchange, index) => (
            <div key={index} className="exchange">
              <p className="muted small">POST {exchange.url}</p>
              <div className="side-by-side">
                <div>
                  <h4>{c.sent}</h4>
                  <pre aria-label={`${c.sent} ${index + 1}`}>{exchange.sent}</pre>
                </div>
                <div>
                  <h4>
                    {c.answered} {exchange.status !== null ? `(HTTP ${exchange.status})` : ''}
                  </h4>
                  <pre aria-label={`${c.answered} ${index + 1}`}>{exchange.answered ?? exchange.error ?? ''}</pre>
                </div>
              </div>
            </div>
          ))}
          {answer.understood && (
            <dl className="understood" aria-label={c.understood}>
              <dt>{c.name}</dt>
              <dd>{answer.understood.name}</dd>
              <dt>{c.balance}</dt>
              <dd>{formatBonuses(answer.understood.balance, language)}</dd>
              <dt>{c.rules}</dt>
              <dd>
                {[
                  rules?.cashbackBp !== undefined ? c.cashback(percentOf(rules.cashbackBp, language)) : null,
                  rules?.maxBonusShareBp !== undefined ? c.maxShare(percentOf(rules.maxBonusShareBp, language)) : null,
                ]
                  .filter(Boolean)
                  .join(', ') || c.noRules}
              </dd>
              <dt>{c.gifts}</dt>
              <dd>{answer.understood.gifts.map((gift) => gift.name).join(', ') || '—'}</dd>
              {answer.understood.phoneRequest && (
                <>
                  <dt>{c.phoneForm}</dt>
                  <dd>
                    <code>{answer.understood.phoneRequest}</code>
                  </dd>
                </>
              )}
            </dl>
          )}
        </div>
      )}
    </section>
  );
}
