import { describe, expect, it } from 'vitest';
import { countRange, countTicks, hourAxisLabels, hourChartData, hourLabel, hourRange, hourTotals, niceTop } from './hour-chart.js';

const evening = [
  { hour: 6, checkIns: 0, lastWeek: 0 },
  { hour: 19, checkIns: 4, lastWeek: 2 },
  { hour: 0, checkIns: 3, lastWeek: 11 },
];

describe('niceTop', () => {
  it('rounds the busiest hour up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 2, 3, 6, 11, 20, 21, 99].map(niceTop)).toEqual([1, 1, 2, 5, 10, 20, 20, 50, 100]);
  });
});

describe('hourChartData', () => {
  it('puts the hours at 0, 1, 2… in the business day’s order, tonight then last week', () => {
    expect(hourChartData(evening)).toEqual([
      [0, 1, 2],
      [0, 4, 3],
      [0, 2, 11],
    ]);
  });

  it('gives empty series for a day without hours', () => {
    expect(hourChartData([])).toEqual([[], [], []]);
  });
});

describe('the axes', () => {
  it('labels every other hour from the first, with two digits, across midnight', () => {
    expect(hourLabel(0)).toBe('00');
    expect(hourLabel(19)).toBe('19');
    expect(hourAxisLabels(evening)).toEqual(['06', '', '00']);
  });

  it('leaves half a slot either side of the hours so the outer bars are whole', () => {
    expect(hourRange(24)).toEqual([-0.5, 23.5]);
    expect(hourRange(0)).toEqual([-0.5, 0.5]);
  });

  it('scales the counts from 0 to a round top, even with no data', () => {
    expect(countRange(11)).toEqual([0, 20]);
    expect(countRange(null)).toEqual([0, 1]);
    expect(countRange(-3)).toEqual([0, 1]);
  });

  it('ticks whole check-ins at a round step, at most six', () => {
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(2)).toEqual([0, 1, 2]);
    expect(countTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(countTicks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(countTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
  });
});

describe('hourTotals', () => {
  it('sums tonight and scales to the busiest hour of either series', () => {
    expect(hourTotals(evening)).toEqual({ total: 7, top: 20 });
    expect(hourTotals([])).toEqual({ total: 0, top: 1 });
  });
});
