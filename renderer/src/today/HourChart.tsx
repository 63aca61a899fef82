import type { TodayResponse } from '../../../shared/admin/today.js';
import { useTexts } from '../stores/status-store.js';
import { layoutHourChart } from './hour-chart.js';

const SIZE = { width: 720, height: 220, axis: 22 };

/**
 * Check-ins by hour of the business day, tonight beside the same day last week. Plain SVG, kept
 * after measuring uPlot 1.6.32 drawing the same chart: `vite build` grew by 50.6 kB of JS (+21.9 kB
 * gzip) and 1.7 kB of CSS for two series of at most 25 bars, and its canvas needs a second, hidden
 * table for screen readers and prints as pixels. Here each hour is an SVG group with its own
 * <title>, the layout is a pure tested function, and the text scales and prints.
 */
export function HourChart({ hours }: { hours: TodayResponse['hours'] }) {
  const t = useTexts();
  const layout = layoutHourChart(hours, SIZE);
  const plot = SIZE.height - SIZE.axis;
  return (
    <figure className="hour-chart">
      <figcaption>
        {t.today.chartTitle}
        <span className="legend">
          <span className="swatch swatch-tonight" aria-hidden="true" /> {t.today.tonight}
          <span className="swatch swatch-last-week" aria-hidden="true" /> {t.today.lastWeek}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} role="img" aria-label={t.today.chartLabel(hours.reduce((sum, h) => sum + h.checkIns, 0), layout.top)} data-testid="hour-chart">
        <line x1={0} x2={SIZE.width} y1={plot} y2={plot} className="axis" />
        <text x={2} y={12} className="scale">
          {layout.top}
        </text>
        {layout.columns.map((column, index) => (
          <g key={index} data-hour={column.hour}>
            <title>{t.today.hourTitle(column.label, hours[index]?.checkIns ?? 0, hours[index]?.lastWeek ?? 0)}</title>
            <rect className="bar-last-week" {...column.lastWeek} />
            <rect className="bar-tonight" {...column.tonight} />
            {index % 2 === 0 && (
              <text x={column.lastWeek.x + column.lastWeek.width} y={SIZE.height - 6} className="hour-label" textAnchor="middle">
                {column.label}
              </text>
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}
