import { useCallback, useEffect, useMemo, useState } from 'react';
import type { JournalResponse, OutboxLine, OutboxResponse } from '../../../shared/admin/cloud.js';
import { api, query } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { formatClock } from '../format/time.js';
import { useStatusStore, useTexts } from '../stores/status-store.js';
import { formatCount } from '../../../shared/i18n/numbers.js';
import { lineNote } from './line-note.js';
import { onceAfter } from './once-after.js';
import { OutboxDrain } from './OutboxDrain.js';
import { SettleForm } from './SettleForm.js';
import './cloud.css';

/**
 * The GetMeBack outbox (`#/cloud`): operations the cloud has yet to receive, with what it last said;
 * "retry now" for a parked one and "settled by hand" (who, when, why — kept for good); guests whose
 * balance is uncertain and why; refunds to reconcile by hand; and the journal of calls.
 */
export function CloudScreen() {
  const t = useTexts();
  const c = t.cloud;
  const language = useStatusStore((state) => state.language);
  const [outbox, setOutbox] = useState<OutboxResponse | null>(null);
  const [journal, setJournal] = useState<JournalResponse['calls']>([]);
  const [filter, setFilter] = useState('');
  const [settling, setSettling] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setOutbox(await api.get<OutboxResponse>('/api/cloud/outbox'));
    } catch (caught) {
      setProblem(errorText(caught, t));
    }
  }, [t]);
  const loadJournal = useCallback(async (text: string) => {
    setJournal((await api.get<JournalResponse>(`/api/cloud/journal${query({ text })}`)).calls);
  }, []);

  // No polling: the till tells the dashboard when the outbox moves (a payment's call added, the cloud
  // answering, a person's retry or settling: `outbox.progress` and `provider.status` update the
  // status store), and the list is read again at most twice a second after that.
  const status = useStatusStore((state) => state.status);
  const reload = useMemo(() => onceAfter(() => void load(), 500), [load]);
  useEffect(() => () => reload.cancel(), [reload]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (status) reload.poke();
  }, [status, reload]);
  useEffect(() => {
    void loadJournal(filter).catch(() => undefined);
  }, [filter, loadJournal]);

  const act = async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
      setSettling(null);
      await load();
    } catch (caught) {
      setProblem(errorText(caught, t));
    }
  };

  const operations = outbox?.operations ?? [];
  const open = operations.filter((line) => line.state === 'pending' || line.state === 'parked');
  const manual = operations.filter((line) => line.state === 'manual');
  const settled = operations.filter((line) => line.state === 'settled');

  const row = (line: OutboxLine) => (
    <tr key={line.id} data-invoice={line.invoiceNum}>
      <td>{formatClock(line.createdAt, language)}</td>
      <td>
        {c.kind[line.kind] ?? line.kind} <span className="muted small">{line.invoiceNum}</span>
      </td>
      <td>{line.guestId ?? '—'}</td>
      <td>
        {c.state[line.state]}
        {line.uncertain ? ' ⚠' : ''}
      </td>
      <td>{lineNote(line, language, c.settledBy)}</td>
      <td>
        {(line.state === 'parked' || line.state === 'manual') && (
          <div className="line-actions">
            {line.state === 'parked' && (
              <button type="button" onClick={() => void act(() => api.post(`/api/cloud/outbox/${line.id}/retry`, {}))}>
                {c.retry}
              </button>
            )}
            <button type="button" onClick={() => setSettling(line.id)}>
              {c.settle}
            </button>
          </div>
        )}
        {settling === line.id && (
          <SettleForm
            onCancel={() => setSettling(null)}
            onSettle={(body) => act(() => api.post(`/api/cloud/outbox/${line.id}/settle`, body))}
          />
        )}
      </td>
    </tr>
  );
  const table = (lines: OutboxLine[], label: string, empty: string) =>
    lines.length === 0 ? (
      <p className="muted">{empty}</p>
    ) : (
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            {Object.values(c.columns).map((name) => (
              <th key={name}>{name}</th>
            ))}
          </tr>
        </thead>
        <tbody>{lines.map(row)}</tbody>
      </table>
    );

  return (
    <section aria-labelledby="cloud-title" className="page cloud">
      <h2 id="cloud-title">{c.title}</h2>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {outbox?.uncertainGuests.map((guest) => (
        <p key={guest.guestId} role="note" className="outcome outcome-warn">
          <strong>{c.uncertain}.</strong> {c.uncertainWhy(guest.guestId, guest.invoiceNums.join(', '))}
        </p>
      ))}
      <h3>{c.outbox}</h3>
      <OutboxDrain />
      {table(open, c.outbox, c.outboxEmpty)}
      {outbox && outbox.openTotal > open.length && <p className="muted">{c.moreOpen(formatCount(open.length, language), formatCount(outbox.openTotal, language))}</p>}
      <h3>{c.reconciliation}</h3>
      {manual.length > 0 && <p className="muted">{c.reconciliationHint}</p>}
      {table(manual, c.reconciliation, c.reconciliationEmpty)}
      {settled.length > 0 && (
        <>
          <h3>{c.settledList}</h3>
          {table(settled, c.settledList, '')}
        </>
      )}
      <h3>{c.journal}</h3>
      <div className="toolbar">
        <label htmlFor="journal-filter">{c.journalFilter}</label>
        <input id="journal-filter" value={filter} onChange={(change) => setFilter(change.target.value)} />
        <a className="button" href={`/api/cloud/journal${query({ text: filter, format: 'download' })}`} download>
          {c.journalDownload}
        </a>
      </div>
      {journal.length === 0 ? (
        <p className="muted">{c.journalEmpty}</p>
      ) : (
        <table className="table journal" aria-label={c.journal}>
          <tbody>
            {journal.map((call) => (
              <tr key={call.id}>
                <td>{formatClock(call.at, language)}</td>
                <td className="call-name">{call.call}</td>
                <td>{call.status ?? '—'}</td>
                <td>
                  <pre>{call.request}</pre>
                </td>
                <td>
                  <pre>{call.answer ?? call.error ?? ''}</pre>
                </td>
                <td className="num">{c.ms(formatCount(call.ms, language))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
