import { useState, type FormEvent } from 'react';
import type { SettleRequest } from '../../../shared/admin/cloud.js';
import { useTexts } from '../stores/status-store.js';

/** Who settles an operation by hand, how, and why: all three are kept with it for good. */
export function SettleForm({ onSettle, onCancel }: { onSettle: (body: SettleRequest) => Promise<void>; onCancel: () => void }) {
  const c = useTexts().cloud;
  const [outcome, setOutcome] = useState<SettleRequest['outcome']>('applied');
  const [by, setBy] = useState('');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSettle({ outcome, by, note });
  };
  return (
    <form className="settle-form" onSubmit={submit} aria-label={c.settle}>
      <fieldset>
        <legend>{c.outcome}</legend>
        {(['applied', 'dropped'] as const).map((value) => (
          <label key={value} className="radio">
            <input type="radio" name="settle-outcome" checked={outcome === value} onChange={() => setOutcome(value)} />
            {c[value]}
          </label>
        ))}
      </fieldset>
      <label>
        {c.by}
        <input value={by} onChange={(change) => setBy(change.target.value)} required />
      </label>
      <label>
        {c.note}
        <input value={note} onChange={(change) => setNote(change.target.value)} required />
      </label>
      <button type="submit" className="primary">
        {c.confirm}
      </button>
      <button type="button" onClick={onCancel}>
        {c.cancel}
      </button>
    </form>
  );
}
