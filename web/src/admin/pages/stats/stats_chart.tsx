// A chart of the statistics page and its section. <SeriesChart> draws counts over
// categories (days, months, age bands) with uPlot on a canvas: each series as bars or as a
// line with points, the y axis from 0 in whole numbers, the chart as wide as its box (it
// follows the box's width). The canvas is an image named by its label; the legend beside
// it is text. <ChartSection> puts a heading over a chart and, in a <details>, the same
// numbers as a table named by that heading: what a screen reader (and axe) reads. A table
// wider than its card scrolls sideways in a box that takes the keyboard focus.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { t } from '../../../shared/i18n';
import { Table, type Columns } from '../../../shared/ui/table';

export interface ChartSeries {
  label: string;
  values: readonly number[];
  color: string;
  kind: 'bars' | 'line';
  /** A dashed line (told apart without its colour). */
  dashed?: boolean;
}

const kHeight = 240;
const kFont = '13px system-ui, -apple-system, "Hiragino Sans", "Noto Sans CJK JP", sans-serif';
const kInk = '#1b1f24';
const kGrid = '#dde2e9';

function seriesOptions(s: ChartSeries, bars_in_chart: number): uPlot.Series {
  if (s.kind === 'bars') {
    const size = bars_in_chart > 1 ? 0.8 / bars_in_chart : 0.7;
    return {
      label: s.label, stroke: s.color, fill: s.color, width: 0, points: { show: false },
      paths: uPlot.paths.bars!({ size: [size, 48], align: 0 }),
    };
  }
  return {
    label: s.label, stroke: s.color, width: 2, dash: s.dashed ? [6, 4] : undefined,
    points: { show: true, size: 6, fill: s.color, stroke: s.color },
  };
}

function chartOptions(ticks: readonly string[], series: readonly ChartSeries[], width: number, tick_width: number): uPlot.Options {
  const n = ticks.length;
  const bars = series.filter((s) => s.kind === 'bars').length;
  const lines = Math.max(1, ...ticks.map((tick) => tick.split('\n').length));
  return {
    width,
    height: kHeight,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: () => [-0.5, n - 0.5] },
      y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil((max || 0) * 1.15))] },
    },
    axes: [
      {
        font: kFont, stroke: kInk, grid: { show: false }, ticks: { show: false }, size: 14 + 20 * lines,
        splits: () => ticks.map((_, i) => i),
        values: (u, splits) => {
          const every = Math.max(1, Math.ceil((n * tick_width) / Math.max(1, u.bbox.width / devicePixelRatio)));
          return splits.map((i) => (i % every === 0 ? ticks[i] ?? '' : ''));
        },
      },
      {
        font: kFont, stroke: kInk, grid: { stroke: kGrid, width: 1 }, ticks: { show: false },
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000],
        values: (_u, splits) => splits.map((v) => String(v)),
      },
    ],
    series: [{}, ...series.map((s) => seriesOptions(s, bars))],
  };
}

/**
 * The chart of `series` over the categories named by `ticks` (the x axis labels, as many
 * as each series has values). `tick_width` is the room one label needs, in CSS pixels:
 * labels that would not fit are left out (every second, third… is shown).
 */
export function SeriesChart({ label, ticks, series, tick_width = 28 }:
  { label: string; ticks: readonly string[]; series: readonly ChartSeries[]; tick_width?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const data_key = JSON.stringify([ticks, series]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data: uPlot.AlignedData = [ticks.map((_, i) => i), ...series.map((s) => [...s.values])];
    const plot = new uPlot(chartOptions(ticks, series, el.clientWidth || 600, tick_width), data, el);
    let width = el.clientWidth;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth && el.clientWidth !== width) {
        width = el.clientWidth;
        plot.setSize({ width, height: kHeight });
      }
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [data_key, tick_width]);
  return (
    <>
      <div ref={box} class="stats-chart" role="img" aria-label={t('stats.chart_label', { title: label })} />
      <Legend series={series} />
    </>
  );
}

/** The series' names, each after a mark of its colour (a bar, or a solid or dashed line). */
function Legend({ series }: { series: readonly ChartSeries[] }) {
  if (series.length < 2) return null;
  return (
    <ul class="stats-legend" aria-label={t('stats.legend')}>
      {series.map((s) => (
        <li key={s.label}>
          <span aria-hidden="true" class={`stats-swatch stats-swatch--${s.kind}${s.dashed ? ' stats-swatch--dashed' : ''}`}
            style={{ color: s.color }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** A chart under its heading (h3 `id`), with the same numbers as a table in a <details>. */
export function ChartSection<R>({ id, title, children, rows, columns, foot }: {
  id: string;
  title: string;
  children: ComponentChildren;
  rows: readonly R[];
  columns: Columns<R>;
  /** Shown under the chart, before the table (e.g. what the chart leaves out). */
  foot?: ComponentChildren;
}) {
  return (
    <section class="card stats-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
      {foot}
      <details class="stats-numbers">
        <summary>{t('stats.table_toggle')}</summary>
        <div class="stats-scroll" role="group" aria-labelledby={id} tabIndex={0}>
          <Table labelledBy={id} rows={rows} columns={columns} class="stats-table" />
        </div>
      </details>
    </section>
  );
}
