// The charts of one month on the statistics page, each with its table of numbers: visits
// per day (bars), children and adults per day (lines), children by age band (bars), and
// planned against arrived per day (planned as bars; arrived, absences and not-arrived
// alerts as lines) with the days that had a not-arrived alert said in words.
import { t } from '../../../shared/i18n';
import type { PlanStats, VisitStats } from '../../../shared/types';
import { ChartSection, SeriesChart } from './stats_chart';
import { bandLabel, bandTick, dayLabel, dayTick, kColors, sumOf } from './stats_parts';

export type StatsItem = VisitStats['items'][number];
type PlanItem = PlanStats['items'][number];

/** The date column of a table of days: a row header. */
const dateColumn = () => ({ header: t('stats.col_date'), cell: (r: StatsItem) => dayLabel(r.key), rowHeader: true });

export function DailyVisits({ days }: { days: readonly StatsItem[] }) {
  const title = t('stats.daily_title');
  return (
    <ChartSection id="stats-daily" title={title} rows={days} columns={[
      dateColumn(),
      { header: t('stats.col_visits'), cell: (r) => r.visits },
      { header: t('stats.col_families'), cell: (r) => r.families },
      { header: t('stats.col_first_time'), cell: (r) => r.first_time_families },
    ]}>
      <SeriesChart label={title} ticks={days.map((d) => dayTick(d.key))}
        series={[{ label: t('stats.col_visits'), values: days.map((d) => d.visits), color: kColors.blue, kind: 'bars' }]} />
    </ChartSection>
  );
}

export function ChildrenAndAdults({ days }: { days: readonly StatsItem[] }) {
  const title = t('stats.children_adults_title');
  return (
    <ChartSection id="stats-children-adults" title={title} rows={days} columns={[
      dateColumn(),
      { header: t('stats.col_children'), cell: (r) => r.children },
      { header: t('stats.col_adults'), cell: (r) => r.adults },
    ]}>
      <SeriesChart label={title} ticks={days.map((d) => dayTick(d.key))} series={[
        { label: t('stats.col_children'), values: days.map((d) => d.children), color: kColors.blue, kind: 'line' },
        { label: t('stats.col_adults'), values: days.map((d) => d.adults), color: kColors.orange, kind: 'line', dashed: true },
      ]} />
    </ChartSection>
  );
}

export function AgeBands({ bands }: { bands: readonly StatsItem[] }) {
  const title = t('stats.ages_title');
  return (
    <ChartSection id="stats-ages" title={title} rows={bands} columns={[
      { header: t('stats.col_band'), cell: (r) => bandLabel(r.key), rowHeader: true },
      { header: t('stats.col_children'), cell: (r) => r.children },
    ]}>
      <SeriesChart label={title} ticks={bands.map((b) => bandTick(b.key))} tick_width={72}
        series={[{ label: t('stats.col_children'), values: bands.map((b) => b.children), color: kColors.green, kind: 'bars' }]} />
    </ChartSection>
  );
}

/** The not-arrived alerts of the month in words: how many, on which days. */
function AlertsLine({ plans }: { plans: readonly PlanItem[] }) {
  const with_alerts = plans.filter((p) => p.not_arrived_alerts > 0);
  if (with_alerts.length === 0) return <p class="meta">{t('stats.alerts_none')}</p>;
  const days = with_alerts.map((p) => `${dayLabel(p.date)} ${p.not_arrived_alerts}`).join('、');
  return <p class="stats-alerts">{t('stats.alerts_days', { n: sumOf(plans, (p) => p.not_arrived_alerts), days })}</p>;
}

export function PlansAndArrivals({ plans }: { plans: readonly PlanItem[] }) {
  const title = t('stats.plans_title');
  return (
    <ChartSection id="stats-plans" title={title} rows={plans} foot={<AlertsLine plans={plans} />} columns={[
      { header: t('stats.col_date'), cell: (r) => dayLabel(r.date), rowHeader: true },
      { header: t('stats.col_planned'), cell: (r) => r.planned },
      { header: t('stats.col_arrived'), cell: (r) => r.arrived },
      { header: t('stats.col_absent'), cell: (r) => r.absent },
      { header: t('stats.col_alerts'), cell: (r) => r.not_arrived_alerts },
      { header: t('stats.col_unplanned'), cell: (r) => r.unplanned_arrivals },
    ]}>
      <SeriesChart label={title} ticks={plans.map((p) => dayTick(p.date))} series={[
        { label: t('stats.col_planned'), values: plans.map((p) => p.planned), color: kColors.blue, kind: 'bars' },
        { label: t('stats.col_arrived'), values: plans.map((p) => p.arrived), color: kColors.green, kind: 'line' },
        { label: t('stats.col_absent'), values: plans.map((p) => p.absent), color: kColors.orange, kind: 'line', dashed: true },
        { label: t('stats.col_alerts'), values: plans.map((p) => p.not_arrived_alerts), color: kColors.red, kind: 'line' },
      ]} />
    </ChartSection>
  );
}
