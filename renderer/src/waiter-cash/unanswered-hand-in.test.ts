import { describe, expect, it } from 'vitest';
import { forgetUnansweredHandIn, keepUnansweredHandIn, unansweredHandIn, type KeptValues } from './unanswered-hand-in.js';

function store(): KeptValues & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value), removeItem: (key) => void values.delete(key) };
}

describe('a hand-in left unanswered is repeated under its key when the dialog opens again (unanswered-hand-in.ts)', () => {
  it('keeps it per waiter until the till answers it', () => {
    const kept = store();
    expect(unansweredHandIn('pin:anna', kept)).toBeNull();
    keepUnansweredHandIn('pin:anna', { idempotencyKey: 'hand-in-1', amount: 300_000, note: '', recordedBy: 'Ольга' }, kept);
    expect(unansweredHandIn('pin:anna', kept)).toEqual({ idempotencyKey: 'hand-in-1', amount: 300_000, note: '', recordedBy: 'Ольга' });
    expect(unansweredHandIn('pin:boris', kept)).toBeNull();
    forgetUnansweredHandIn('pin:anna', kept);
    expect(unansweredHandIn('pin:anna', kept)).toBeNull();
  });

  it('ignores what it cannot read', () => {
    const kept = store();
    kept.setItem('gmb.unanswered-hand-in.pin:anna', '{not json');
    expect(unansweredHandIn('pin:anna', kept)).toBeNull();
    kept.setItem('gmb.unanswered-hand-in.pin:anna', JSON.stringify({ idempotencyKey: 'k', amount: 1.5 }));
    expect(unansweredHandIn('pin:anna', kept)).toBeNull();
  });
});
