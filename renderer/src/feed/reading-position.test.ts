import { describe, expect, it } from 'vitest';
import type { TillEvent } from '../../../shared/events.js';
import { rowsArrivedAbove } from './reading-position.js';

const event = (id: number): TillEvent => ({
  id,
  at: '2026-11-29T12:00:00.000Z',
  type: 'cash.handed_in',
  orderId: null,
  waiterId: null,
  waiterName: null,
  data: { amount: 100, debtAfter: 0, recordedBy: 'Кассир' },
});

describe('rowsArrivedAbove', () => {
  it('counts the live events that arrived above the row that was on top', () => {
    expect(rowsArrivedAbove(10, [event(13), event(12), event(11), event(10), event(9)])).toBe(3);
  });
  it('is 0 when nothing arrived, when the old top row is gone, or on the first render', () => {
    expect(rowsArrivedAbove(10, [event(10), event(9)])).toBe(0);
    expect(rowsArrivedAbove(10, [event(20), event(19)])).toBe(0);
    expect(rowsArrivedAbove(null, [event(1)])).toBe(0);
  });
});
