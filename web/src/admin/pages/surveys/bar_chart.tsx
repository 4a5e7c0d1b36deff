// A horizontal bar chart in plain SVG: one row a choice, its label above a bar as long as
// its share of `total` (in a track of the full length), and after the track the number and
// the percentage as text, in one column. The SVG
// is an image named by its <title>, and its <desc> says every row in words, so a screen
// reader hears the same numbers. Sizes are in CSS pixels and percentages (no viewBox), so
// the text keeps its size on a phone and on an office screen.
import { useId } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { percentOf } from './survey_parts';

export interface Bar {
  label: string;
  count: number;
}

const kRowHeight = 50;
const kBarTop = 22;
const kBarHeight = 18;
// The track's length, in percent of the width: room is left for the numbers after it.
const kBarMax = 78;

export function BarChart({ title, bars, total }: { title: string; bars: readonly Bar[]; total: number }) {
  const id = useId();
  const value = (b: Bar) => t('survey.bar_value', { n: b.count, percent: percentOf(b.count, total) });
  return (
    <svg class="bar-chart" role="img" width="100%" height={bars.length * kRowHeight}
      aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{bars.map((b) => `${b.label}：${value(b)}`).join('、')}</desc>
      {bars.map((b, i) => {
        const y = i * kRowHeight;
        const length = total ? (kBarMax * b.count) / total : 0;
        return (
          <g key={i} class="bar">
            <text class="bar-label" x="0" y={y + 15}>{b.label}</text>
            <rect class="bar-track" x="0" y={y + kBarTop} width={`${kBarMax}%`} height={kBarHeight} rx="3" />
            <rect class="bar-fill" x="0" y={y + kBarTop} width={`${length}%`} height={kBarHeight} rx="3" />
            <text class="bar-value" x={`${kBarMax}%`} dx="8" y={y + kBarTop + 14}>{value(b)}</text>
          </g>
        );
      })}
    </svg>
  );
}
