import { describe, expect, it } from 'vitest';
import { FEED_KINDS, matchesTypes, toggleKind, typesOfKinds } from './feed-kinds.js';
import { TILL_EVENT_TYPES } from '../../../shared/events.js';

describe('feed kinds', () => {
  it('maps kinds to the event types asked from the server, each once', () => {
    expect(typesOfKinds([])).toEqual([]);
    expect(typesOfKinds(['checkIns'])).toEqual(['guest.checked_in', 'guest.checked_out']);
    expect(typesOfKinds(['payments', 'cash'])).toEqual(['cash.handed_in', 'payment.committed', 'shift.closed']);
  });

  it('covers every event type with some kind, so no event is unreachable by filtering', () => {
    expect(new Set(typesOfKinds([...FEED_KINDS]))).toEqual(new Set(TILL_EVENT_TYPES));
  });

  it('lets a live event through only when the filter includes its type (empty: all)', () => {
    expect(matchesTypes('gift.added', [])).toBe(true);
    expect(matchesTypes('gift.added', typesOfKinds(['gifts']))).toBe(true);
    expect(matchesTypes('guest.checked_in', typesOfKinds(['gifts']))).toBe(false);
  });

  it('toggles a kind on and off, keeps a stable order, and treats all kinds as no filter', () => {
    expect(toggleKind([], 'cash')).toEqual(['cash']);
    expect(toggleKind(['cash'], 'gifts')).toEqual(['gifts', 'cash']);
    expect(toggleKind(['gifts', 'cash'], 'cash')).toEqual(['gifts']);
    const allButOne = FEED_KINDS.filter((kind) => kind !== 'system');
    expect(toggleKind(allButOne, 'system')).toEqual([]);
  });
});
