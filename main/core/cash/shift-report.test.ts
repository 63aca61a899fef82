import { describe, expect, it } from 'vitest';
import { summariseShift, type ShiftMovements } from './shift-report.js';

const period = { from: '2026-11-28T21:00:00.000Z', to: '2026-11-29T21:00:00.000Z' };
const line = (id: string, name: string | null, sums: Partial<ShiftMovements>): ShiftMovements => ({
  id,
  name,
  openingDebt: 0,
  taken: 0,
  handedIn: 0,
  reversed: 0,
  ...sums,
});

describe('summariseShift', () => {
  it('closes each waiter at opening + taken − handed in − reversed and totals every column', () => {
    const report = summariseShift(
      period,
      [
        line('pin:a', 'Анна', { openingDebt: 100_000, taken: 50_000, handedIn: 120_000 }),
        line('pin:b', 'Борис', { taken: 50_000, reversed: 20_000 }),
        line('iiko:7', null, { openingDebt: 500, handedIn: 0, reversed: 90_000 }),
      ],
      12_345,
    );
    expect(report.waiters.map((w) => [w.id, w.closingDebt])).toEqual([
      ['pin:a', 30_000],
      ['pin:b', 30_000],
      ['iiko:7', -89_500],
    ]);
    expect(report.totals).toEqual({ openingDebt: 100_500, taken: 100_000, handedIn: 120_000, reversed: 110_000, closingDebt: -29_500 });
    expect(report.cashToTill).toBe(12_345);
    expect(report.from).toBe(period.from);
    expect(report.to).toBe(period.to);
  });

  it('leaves out waiters who owed nothing and moved nothing, but keeps one whose movements cancel out', () => {
    const report = summariseShift(period, [line('pin:idle', 'Вера', {}), line('pin:even', 'Глеб', { taken: 1_000, handedIn: 1_000 })], 0);
    expect(report.waiters.map((w) => [w.id, w.closingDebt])).toEqual([['pin:even', 0]]);
  });

  it('puts the largest closing debt first, then names in Russian order, unnamed waiters last', () => {
    const report = summariseShift(
      period,
      [line('pin:1', null, { taken: 100 }), line('pin:2', 'Яна', { taken: 100 }), line('pin:3', 'Борис', { taken: 100 }), line('pin:4', 'Ёлка', { taken: 900 })],
      0,
    );
    expect(report.waiters.map((w) => w.name)).toEqual(['Ёлка', 'Борис', 'Яна', null]);
  });
});
