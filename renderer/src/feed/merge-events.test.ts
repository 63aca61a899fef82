import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TillEvent } from '../../../shared/events.js';
import { feedEvent } from '../testing/feed-event.js';
import { mergeEvents } from './merge-events.js';

const event = feedEvent;
const ids = (events: TillEvent[]) => events.map((e) => e.id);

describe('mergeEvents', () => {
  it('puts a live event on top and an older page at the bottom', () => {
    expect(ids(mergeEvents([event(5), event(4)], [event(6)]))).toEqual([6, 5, 4]);
    expect(ids(mergeEvents([event(5), event(4)], [event(2), event(3)]))).toEqual([5, 4, 3, 2]);
  });

  it('keeps each event once when a page and the stream overlap', () => {
    expect(ids(mergeEvents([event(7), event(5)], [event(8), event(7), event(6)]))).toEqual([8, 7, 6, 5]);
  });

  it('is newest first without duplicates for any two lists', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 300 })), fc.array(fc.integer({ min: 1, max: 300 })), (current, incoming) => {
        const sortedCurrent = [...current].sort((a, b) => b - a).map(event);
        const merged = ids(mergeEvents(sortedCurrent, incoming.map(event)));
        const expected = [...new Set([...current, ...incoming])].sort((a, b) => b - a);
        expect(merged).toEqual(expected);
      }),
    );
  });
});
