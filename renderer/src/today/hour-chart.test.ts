import { describe, expect, it } from 'vitest';
import { layoutHourChart, niceTop } from './hour-chart.js';

describe('niceTop', () => {
  it('rounds the busiest hour up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 2, 3, 6, 11, 20, 21, 99].map(niceTop)).toEqual([1, 1, 2, 5, 10, 20, 20, 50, 100]);
  });
});

describe('layoutHourChart', () => {
  it('puts last week and tonight side by side in each hour, scaled to the busiest', () => {
    const layout = layoutHourChart(
      [
        { hour: 18, checkIns: 4, lastWeek: 2 },
        { hour: 19, checkIns: 0, lastWeek: 5 },
      ],
      { width: 200, height: 120, axis: 20 },
    );
    expect(layout.top).toBe(5);
    const [six, seven] = layout.columns;
    if (!six || !seven) throw new Error('two columns expected');
    expect(six.label).toBe('18');
    expect(six.tonight.height).toBeCloseTo(80);
    expect(six.tonight.y).toBeCloseTo(20);
    expect(six.lastWeek.height).toBeCloseTo(40);
    expect(six.lastWeek.x + six.lastWeek.width).toBeCloseTo(six.tonight.x);
    expect(seven.tonight.height).toBe(0);
    expect(seven.lastWeek.height).toBeCloseTo(100);
    expect(seven.lastWeek.x).toBeGreaterThan(six.tonight.x);
  });
});
