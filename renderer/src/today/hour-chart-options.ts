import uPlot from 'uplot';
import { countRange, countTicks, hourRange } from './hour-chart.js';

/** The words and colours of the chart: from the catalogue and from the screen's CSS. */
export interface HourChartLook {
  tonight: string;
  lastWeek: string;
  hourAxis: string;
  countAxis: string;
  colors: { tonight: string; lastWeek: string; text: string; grid: string };
  /** The axes' font, e.g. `13px system-ui`: follows the screen's font and its large-text setting. */
  font: string;
  /** The axes' font size in CSS pixels, for the room the labels take. */
  fontSize: number;
}

/**
 * uPlot's options for the «Сегодня» chart: two bar series side by side in each hour (last week to
 * the left, tonight to the right), no legend of its own (the figure's caption is the legend), no
 * zoom. `labels()` gives the hours' axis labels as they are now: the business day may start at
 * another hour after a setting changes, without rebuilding the chart.
 */
export function hourChartOptions(look: HourChartLook, size: { width: number; height: number }, labels: () => readonly string[], onHour: (index: number | null) => void): uPlot.Options {
  const bars = (align: -1 | 1) => uPlot.paths.bars?.({ size: [0.42, 48], align, gap: 1 });
  const gap = Math.round(look.fontSize * 0.6);
  return {
    ...size,
    pxAlign: 1,
    legend: { show: false },
    cursor: { x: false, y: false, points: { show: false }, drag: { x: false, y: false, setScale: false } },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false, range: (u) => hourRange(u.data[0].length) },
      y: { range: (_u, _min, max) => countRange(max) },
    },
    axes: [
      {
        label: look.hourAxis,
        font: look.font,
        labelFont: look.font,
        stroke: look.colors.text,
        grid: { show: false },
        ticks: { show: false },
        gap,
        labelGap: 0,
        size: look.fontSize * 2,
        labelSize: look.fontSize * 1.6,
        splits: (u) => Array.from(u.data[0], Number),
        values: (_u, splits) => splits.map((index) => labels()[index] ?? ''),
      },
      {
        label: look.countAxis,
        font: look.font,
        labelFont: look.font,
        stroke: look.colors.text,
        grid: { stroke: look.colors.grid, width: 1 },
        ticks: { show: false },
        gap,
        size: look.fontSize * 3,
        labelSize: look.fontSize * 1.6,
        splits: (u) => countTicks(u.scales.y?.max ?? 1),
        values: (_u, splits) => splits.map(String),
      },
    ],
    series: [
      {},
      { label: look.tonight, fill: look.colors.tonight, stroke: look.colors.tonight, width: 0, paths: bars(1), points: { show: false } },
      { label: look.lastWeek, fill: look.colors.lastWeek, stroke: look.colors.lastWeek, width: 0, paths: bars(-1), points: { show: false } },
    ],
    hooks: { setCursor: [(u) => onHour(u.cursor.idx ?? null)] },
  };
}
