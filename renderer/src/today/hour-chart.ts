/**
 * What the «Сегодня» chart draws, as pure functions: the hours of the business day are x = 0, 1, 2…
 * (06:00 first, 05:00 last: the clock's hours are not in order across midnight), the two series are
 * check-ins tonight and in the same hour a week before, and the count scale is a round number.
 */
export interface ChartHour {
  /** The hour on the till's clock (6 for 06:00–07:00). */
  hour: number;
  checkIns: number;
  lastWeek: number;
}

/** 1, 2, 5, 10, 20, 50…: the first at or above the busiest hour, so the scale reads plainly. */
export function niceTop(max: number): number {
  if (max <= 1) return 1;
  for (let power = 1; ; power *= 10) {
    for (const step of [1, 2, 5]) if (step * power >= max) return step * power;
  }
}

/** The chart's data as the library takes it: x, then tonight, then last week, hour by hour. */
export function hourChartData(hours: readonly ChartHour[]): [number[], number[], number[]] {
  return [hours.map((_, index) => index), hours.map((h) => h.checkIns), hours.map((h) => h.lastWeek)];
}

/** «19» for 19:00: the hour's label on the axis. */
export function hourLabel(hour: number): string {
  return String(hour).padStart(2, '0');
}

/** The x axis' labels: every other hour from the first, so 24 of them fit a narrow till screen. */
export function hourAxisLabels(hours: readonly ChartHour[]): string[] {
  return hours.map((h, index) => (index % 2 === 0 ? hourLabel(h.hour) : ''));
}

/** The x scale: half a slot on each side, so the first and the last hour's bars are whole. */
export function hourRange(count: number): [number, number] {
  return [-0.5, Math.max(count, 1) - 0.5];
}

/** The count scale: from 0 to a round number at or above the busiest hour of either series. */
export function countRange(max: number | null): [number, number] {
  return [0, niceTop(Math.max(0, max ?? 0))];
}

/** The count axis' ticks: whole check-ins, at most six, at a round step (0, 5, 10, 15, 20). */
export function countTicks(top: number): number[] {
  const step = niceTop(top / 5);
  const ticks: number[] = [];
  for (let value = 0; value <= top; value += step) ticks.push(value);
  return ticks;
}

/** The busiest hour of either series, and the check-ins tonight in all (the chart's summary). */
export function hourTotals(hours: readonly ChartHour[]): { total: number; top: number } {
  return {
    total: hours.reduce((sum, h) => sum + h.checkIns, 0),
    top: niceTop(Math.max(0, ...hours.map((h) => Math.max(h.checkIns, h.lastWeek)))),
  };
}
