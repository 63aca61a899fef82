import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TodayResponse } from '../../../shared/admin/today.js';
import type { Texts } from '../i18n/texts.js';
import { useTexts } from '../stores/status-store.js';
import { hourAxisLabels, hourChartData, hourLabel, hourTotals } from './hour-chart.js';
import { hourChartOptions, type HourChartLook } from './hour-chart-options.js';

/** The chart's height at the screen's normal font size (17 px); large text scales it. */
const HEIGHT_EM = 14;

/**
 * Check-ins by hour of the business day, tonight beside the same day last week, drawn by uPlot on a
 * canvas. The chart is built once (again only when the language changes) and then fed: a live event
 * reloads the store and only `setData` redraws; a resize only `setSize`. The canvas is hidden from
 * screen readers, who read the same numbers in the table beneath it.
 */
export function HourChart({ hours }: { hours: TodayResponse['hours'] }) {
  const t = useTexts();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(hours);
  const [pointed, setPointed] = useState<number | null>(null);
  const { total, top } = hourTotals(hours);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const sizeOf = () => ({ width: element.clientWidth, height: Math.round(HEIGHT_EM * fontSizeOf(element)) });
    const chart = new uPlot(
      hourChartOptions(lookOf(element, t), sizeOf(), () => hourAxisLabels(latest.current), setPointed),
      hourChartData(latest.current),
      element,
    );
    plot.current = chart;
    const resized = new ResizeObserver(() => {
      const size = sizeOf();
      if (size.width > 0 && (size.width !== chart.width || size.height !== chart.height)) chart.setSize(size);
    });
    resized.observe(element);
    return () => {
      resized.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [t]);

  useEffect(() => {
    if (latest.current === hours) return;
    latest.current = hours;
    plot.current?.setData(hourChartData(hours));
  }, [hours]);

  const pointedHour = pointed === null ? undefined : hours[pointed];
  return (
    <figure className="hour-chart">
      <figcaption>
        {t.today.chartTitle}
        <span className="legend">
          <span className="swatch swatch-tonight" aria-hidden="true" /> {t.today.tonight}
          <span className="swatch swatch-last-week" aria-hidden="true" /> {t.today.lastWeek}
        </span>
      </figcaption>
      <div ref={box} className="hour-chart-plot" data-testid="hour-chart" aria-hidden="true" />
      <p className="hour-readout muted" aria-hidden="true">
        {pointedHour ? t.today.hourTitle(hourLabel(pointedHour.hour), pointedHour.checkIns, pointedHour.lastWeek) : '\u00a0'}
      </p>
      <table className="visually-hidden" data-testid="hour-table">
        <caption>{t.today.chartLabel(total, top)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.today.hourAxis}</th>
            <th scope="col">{t.today.tonight}</th>
            <th scope="col">{t.today.lastWeek}</th>
          </tr>
        </thead>
        <tbody>
          {hours.map((h) => (
            <tr key={h.hour} data-hour={h.hour}>
              <th scope="row">{`${hourLabel(h.hour)}:00`}</th>
              <td>{h.checkIns}</td>
              <td>{h.lastWeek}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function fontSizeOf(element: HTMLElement): number {
  return parseFloat(getComputedStyle(element).fontSize) || 17;
}

/** The chart's colours and font, read from the screen's CSS so the canvas matches the tiles. */
function lookOf(element: HTMLElement, t: Texts): HourChartLook {
  const style = getComputedStyle(element);
  const color = (name: string) => style.getPropertyValue(name).trim();
  const fontSize = Math.round(fontSizeOf(element) * 0.8);
  return {
    tonight: t.today.tonight,
    lastWeek: t.today.lastWeek,
    hourAxis: t.today.hourAxis,
    countAxis: t.today.countAxis,
    colors: { tonight: color('--accent'), lastWeek: color('--last-week'), text: color('--muted'), grid: color('--line') },
    font: `${fontSize}px ${style.fontFamily}`,
    fontSize,
  };
}
