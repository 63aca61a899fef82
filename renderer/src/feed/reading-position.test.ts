import { describe, expect, it } from 'vitest';
import type { TillEvent } from '../../../shared/events.js';
import { rowsShifted } from './reading-position.js';

const event = (id: number): TillEvent => ({
  id,
  at: '2026-11-29T12:00:00.000Z',
  type: 'cash.handed_in',
  orderId: null,
  waiterId: null,
  waiterName: null,
  data: { amount: 100, debtAfter: 0, recordedBy: 'Кассир' },
});
const drawn = (ids: number[], rowsAbove = 0) => ({ events: ids.map(event), rowsAbove });

describe('rowsShifted', () => {
  it('counts the live events that arrived above the row that was on top', () => {
    expect(rowsShifted(drawn([10, 9]), drawn([13, 12, 11, 10, 9]))).toBe(3);
  });
  it('counts rows let go above (negative), and the «newer» row appearing or leaving', () => {
    // An older page joined and the window let its three newest go: a «newer» row took their place.
    expect(rowsShifted(drawn([10, 9, 8, 7]), drawn([7, 6, 5], 1))).toBe(-2);
    // A newer page joined on top and reached the newest: the «newer» row left.
    expect(rowsShifted(drawn([7, 6], 1), drawn([10, 9, 8, 7, 6]))).toBe(2);
  });
  it('is 0 when nothing moved, when the two share no row, or on the first render', () => {
    expect(rowsShifted(drawn([10, 9]), drawn([10, 9]))).toBe(0);
    expect(rowsShifted(drawn([10, 9]), drawn([20, 19]))).toBe(0);
    expect(rowsShifted(drawn([]), drawn([1]))).toBe(0);
  });
});
