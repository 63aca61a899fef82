/** The geometry of the «Сегодня» chart: two bars an hour (tonight, last week), in SVG units. */
export interface ChartBar {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HourColumn {
  hour: number;
  tonight: ChartBar;
  lastWeek: ChartBar;
  label: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** The top of the scale: a round number of check-ins ≥ the busiest hour. */
  top: number;
  columns: HourColumn[];
}

/** 1, 2, 5, 10, 20, 50…: the first at or above the busiest hour, so the scale reads plainly. */
export function niceTop(max: number): number {
  if (max <= 1) return 1;
  for (let power = 1; ; power *= 10) {
    for (const step of [1, 2, 5]) if (step * power >= max) return step * power;
  }
}

export function layoutHourChart(hours: readonly { hour: number; checkIns: number; lastWeek: number }[], size: { width: number; height: number; axis: number }): ChartLayout {
  const top = niceTop(Math.max(0, ...hours.map((h) => Math.max(h.checkIns, h.lastWeek))));
  const plot = size.height - size.axis;
  const slot = hours.length > 0 ? size.width / hours.length : size.width;
  const bar = Math.max(1, slot * 0.38);
  const heightOf = (count: number) => (count / top) * plot;
  return {
    width: size.width,
    height: size.height,
    top,
    columns: hours.map((h, index) => {
      const left = index * slot + (slot - 2 * bar) / 2;
      return {
        hour: h.hour,
        lastWeek: { x: left, y: plot - heightOf(h.lastWeek), width: bar, height: heightOf(h.lastWeek) },
        tonight: { x: left + bar, y: plot - heightOf(h.checkIns), width: bar, height: heightOf(h.checkIns) },
        label: String(h.hour).padStart(2, '0'),
      };
    }),
  };
}
