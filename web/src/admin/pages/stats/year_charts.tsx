// The charts of a range of months (the last 12 by default) on the statistics page, each
// with its table of numbers: visits per month (bars), and first-time against returning
// families per month (lines; returning = the month's families less its first-time ones).
import { t } from '../../../shared/i18n';
import type { StatsItem } from './month_charts';
import { ChartSection, SeriesChart } from './stats_chart';
import { kColors, monthLabel, monthTick } from './stats_parts';

const monthColumn = () => ({ header: t('stats.col_month'), cell: (r: StatsItem) => monthLabel(r.key), rowHeader: true });

export function MonthlyVisits({ months }: { months: readonly StatsItem[] }) {
  const title = t('stats.monthly_title');
  return (
    <ChartSection id="stats-monthly" title={title} rows={months} columns={[
      monthColumn(),
      { header: t('stats.col_visits'), cell: (r) => r.visits },
      { header: t('stats.col_children'), cell: (r) => r.children },
      { header: t('stats.col_adults'), cell: (r) => r.adults },
    ]}>
      <SeriesChart label={title} ticks={months.map((m) => monthTick(m.key))} tick_width={56}
        series={[{ label: t('stats.col_visits'), values: months.map((m) => m.visits), color: kColors.blue, kind: 'bars' }]} />
    </ChartSection>
  );
}

const returning = (m: StatsItem) => Math.max(0, m.families - m.first_time_families);

export function FirstTimeFamilies({ months }: { months: readonly StatsItem[] }) {
  const title = t('stats.first_time_title');
  return (
    <ChartSection id="stats-first-time" title={title} rows={months} columns={[
      monthColumn(),
      { header: t('stats.col_first_time'), cell: (r) => r.first_time_families },
      { header: t('stats.col_returning'), cell: returning },
      { header: t('stats.col_families'), cell: (r) => r.families },
    ]}>
      <SeriesChart label={title} ticks={months.map((m) => monthTick(m.key))} tick_width={56} series={[
        { label: t('stats.col_first_time'), values: months.map((m) => m.first_time_families), color: kColors.orange, kind: 'line' },
        { label: t('stats.col_returning'), values: months.map(returning), color: kColors.blue, kind: 'line', dashed: true },
      ]} />
    </ChartSection>
  );
}
