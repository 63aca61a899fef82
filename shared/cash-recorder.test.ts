import { describe, expect, it } from 'vitest';
import { cashNoteShown, recorderShown } from './cash-recorder.js';

describe('who recorded a cash entry, as people read it', () => {
  const names = (id: string) => (id === 'pin:367cc28033bd' ? 'Анна' : null);
  it('shows a person\'s name, a waiter\'s name for a PIN hash, and none of the till\'s own markers', () => {
    expect(recorderShown('Ольга', names)).toBe('Ольга');
    expect(recorderShown('pin:367cc28033bd', names)).toBe('Анна');
    expect(recorderShown('pin:aaaaaaaaaaaa', names)).toBe('iikoWaiter');
    expect(recorderShown('cashier', names)).toBe('');
    expect(recorderShown('', names)).toBe('');
    expect(recorderShown('iikoWaiter', names)).toBe('iikoWaiter');
  });
  it('drops the note a refund\'s reversal was stored with (its kind says it); keeps every other note', () => {
    expect(cashNoteShown('refund_reversal', 'refund')).toBe('');
    expect(cashNoteShown('hand_in', 'refund')).toBe('refund');
    expect(cashNoteShown('hand_in', 'мелочью')).toBe('мелочью');
  });
});
