import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, query } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import type { Texts } from '../i18n/texts.js';
import type { WaiterMovement as WaiterEntry, WaiterHistory as WaiterHistoryResponse } from '../../../shared/admin/waiter-cash.js';
import { shortOrderId } from '../feed/feed-line.js';
import { formatRoubles } from '../format/money.js';
import { formatClock } from '../format/time.js';
import { useLanguage, useTexts } from '../stores/status-store.js';
import { useWaitersStore } from './waiters-store.js';
import { waiterName } from './waiter-name.js';
import { cashNoteShown, recorderShown } from '../../../shared/cash-recorder.js';

const PAGE = 50;

/** What the name field says after «Сохранить имя»: a short confirmation, or why the name was not saved. */
export interface NameNote {
  tone: 'ok' | 'error';
  text: string;
}

/** Saves a waiter's name and says how it went: the till's refusal in its words, or that it did not answer. */
export async function savedNameNote(save: () => Promise<unknown>, t: Texts): Promise<NameNote> {
  try {
    await save();
    return { tone: 'ok', text: t.cash.nameSaved };
  } catch (caught) {
    return { tone: 'error', text: errorText(caught, t) };
  }
}

/** A waiter's cash movements, newest first, with the debt after each; and the waiter's name. */
export function WaiterHistory({ waiterId, onClose }: { waiterId: string; onClose: () => void }) {
  const t = useTexts();
  const language = useLanguage();
  const rename = useWaitersStore((state) => state.rename);
  const summary = useWaitersStore((state) => state.waiters.find((waiter) => waiter.id === waiterId));
  const waiters = useWaitersStore((state) => state.waiters);
  const nameOf = (id: string) => waiters.find((waiter) => waiter.id === id)?.name ?? null;
  const [waiter, setWaiter] = useState<WaiterHistoryResponse['waiter'] | null>(null);
  const [entries, setEntries] = useState<WaiterEntry[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [failed, setFailed] = useState(false);
  const [nameText, setNameText] = useState('');
  const [nameNote, setNameNote] = useState<NameNote | null>(null);

  const loadPage = useCallback(
    async (before: number | undefined) => {
      try {
        const page = await api.get<WaiterHistoryResponse>(`/api/waiters/${encodeURIComponent(waiterId)}/history${query({ before, limit: PAGE })}`);
        setWaiter(page.waiter);
        setEntries((current) => (before === undefined ? page.entries : [...current, ...page.entries]));
        setHasMore(page.entries.length === PAGE);
        setFailed(false);
      } catch {
        setFailed(true);
      }
    },
    [waiterId],
  );

  // Reload from the top when the waiter's figures change (a hand-in, a payment, a refund).
  useEffect(() => {
    void loadPage(undefined);
  }, [loadPage, summary?.debt, summary?.lastMovementAt]);

  useEffect(() => {
    setNameText(waiter?.name ?? '');
  }, [waiter?.name]);

  const saveName = (submit: FormEvent) => {
    submit.preventDefault();
    const name = nameText.trim();
    if (!name) return;
    setNameNote(null);
    void savedNameNote(() => rename(waiterId, name), t).then((note) => {
      setNameNote(note);
      if (note.tone === 'ok') void loadPage(undefined);
    });
  };

  const title = waiter ? t.cash.historyOf(waiterName(waiter, t)) : t.cash.history;
  return (
    <section className="panel" aria-labelledby="history-title">
      <div className="panel-head">
        <h3 id="history-title">{title}</h3>
        <button type="button" onClick={onClose}>
          {t.cash.close}
        </button>
      </div>
      <form className="row" onSubmit={saveName}>
        <label htmlFor="waiter-name">{t.cash.rename}</label>
        <input
          id="waiter-name"
          value={nameText}
          onChange={(change) => {
            setNameText(change.target.value);
            setNameNote(null);
          }}
          maxLength={64}
          aria-invalid={nameNote?.tone === 'error'}
          aria-describedby={nameNote ? 'waiter-name-note' : undefined}
        />
        <button type="submit">{t.cash.saveName}</button>
        {nameNote?.tone === 'error' && (
          <p id="waiter-name-note" className="field-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {nameNote.text}
          </p>
        )}
        {nameNote?.tone === 'ok' && (
          <p id="waiter-name-note" className="outcome outcome-ok" role="status">
            <span aria-hidden="true">✔ </span>
            {nameNote.text}
          </p>
        )}
      </form>
      {failed && <p role="alert" className="error">{t.error.loadFailed}</p>}
      {entries.length === 0 && !failed ? (
        <p className="empty">{t.cash.noEntries}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.cash.when}</th>
              <th scope="col">{t.cash.what}</th>
              <th scope="col" className="num">{t.cash.sum}</th>
              <th scope="col" className="num">{t.cash.after}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatClock(entry.at, language)}</td>
                <td>
                  {t.cash.entryKinds[entry.kind]}
                  {entry.orderId && <span className="muted"> · {shortOrderId(entry.orderId)}</span>}
                  {[entry.recordedBy !== waiterId ? recorderShown(entry.recordedBy, nameOf) : '', cashNoteShown(entry.kind, entry.note)]
                    .filter((text) => text !== '')
                    .map((text, index) => (
                      <span key={index} className="muted">
                        {' '}
                        · {text}
                      </span>
                    ))}
                </td>
                <td className="num">{(entry.amount > 0 ? '+' : '') + formatRoubles(entry.amount, language)}</td>
                <td className="num">{formatRoubles(entry.debtAfter, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hasMore && (
        <button type="button" onClick={() => void loadPage(entries[entries.length - 1]?.id)}>
          {t.cash.loadMore}
        </button>
      )}
    </section>
  );
}
