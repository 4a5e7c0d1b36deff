// 統計: the dashboard of a facility's use (or of every facility, for an org admin). For the
// chosen month: its totals, visits per day, children and adults, age bands, the day × hour
// heat map, and planned against arrived with the not-arrived alerts; for the chosen range
// of months: visits per month and first-time against returning families; then the month's
// usage report (利用者実績表) to download, with its figures; last the report files' columns
// (実績表の列, ./report_columns: the org admin chooses them, staff see them), outside the
// dashboard so that a new choice of facility or month keeps their edits. Every count comes
// from the server (/stats/visits, /stats/plans, /reports/monthly); a month without visits
// shows zeros. The choice lives in the URL (./stats_choice).
import { daysOf } from '../../../shared/dates';
import { t } from '../../../shared/i18n';
import { api, isAdmin, useSession } from '../../../shared/session';
import { useFacilities, useLoad } from '../../data';
import { PageHead } from '../../layout';
import { LoadStatus } from '../../status';
import { HourHeatMap } from './hour_heat_map';
import { AgeBands, ChildrenAndAdults, DailyVisits, PlansAndArrivals } from './month_charts';
import { MonthlyReportSection } from './monthly_report';
import { ReportColumnsSection } from './report_columns';
import { ChoiceForm, useStatsChoice, type StatsChoice } from './stats_choice';
import { datesOfMonths, monthLabel, sumOf } from './stats_parts';
import { FirstTimeFamilies, MonthlyVisits } from './year_charts';
import './stats.css';

/** Everything the month's charts need, asked together. */
async function loadMonth(facility_id: string | undefined, from: string, to: string) {
  const [days, bands, hours, plans] = await Promise.all([
    api.visitStats({ facility_id, from, to, group_by: 'day' }),
    api.visitStats({ facility_id, from, to, group_by: 'age_band' }),
    api.visitStats({ facility_id, from, to, group_by: 'hour' }),
    api.planStats({ facility_id, from, to }),
  ]);
  return { days, bands, hours, plans };
}

type Month = Awaited<ReturnType<typeof loadMonth>>;

function Totals({ month, data }: { month: string; data: Month }) {
  const total = data.days.total;
  const figures: [string, number][] = [
    [t('stats.total_visits'), total.visits],
    [t('stats.total_children'), total.children],
    [t('stats.total_adults'), total.adults],
    [t('stats.total_families'), total.families],
    [t('stats.total_first_time'), sumOf(data.days.items, (d) => d.first_time_families)],
    [t('stats.total_alerts'), sumOf(data.plans.items, (p) => p.not_arrived_alerts)],
  ];
  return (
    <section class="card" aria-labelledby="stats-totals">
      <h3 id="stats-totals">{t('stats.totals', { month: monthLabel(month) })}</h3>
      <dl class="stats-totals">
        {figures.map(([label, n]) => (
          <div key={label}><dt>{label}</dt><dd>{n}</dd></div>
        ))}
      </dl>
    </section>
  );
}

/** The dashboard of one choice (keyed on it: a new choice loads afresh). */
function Dashboard({ choice }: { choice: StatsChoice }) {
  const facility_id = choice.facility_id || undefined;
  const days = daysOf(choice.month);
  const month = useLoad(() => loadMonth(facility_id, days[0], days[days.length - 1]), []);
  const months = useLoad(() => api.visitStats({ facility_id, ...datesOfMonths(choice.from, choice.to), group_by: 'month' }), []);
  return (
    <>
      <h2 id="stats-month">{t('stats.month_heading', { month: monthLabel(choice.month) })}</h2>
      <LoadStatus loaded={month} />
      {month.data && (
        <>
          <Totals month={choice.month} data={month.data} />
          <div class="stats-grid">
            <DailyVisits days={month.data.days.items} />
            <ChildrenAndAdults days={month.data.days.items} />
            <AgeBands bands={month.data.bands.items} />
            <PlansAndArrivals plans={month.data.plans.items} />
          </div>
          <HourHeatMap facility_id={facility_id} days={month.data.days.items} hours={month.data.hours.items} />
        </>
      )}
      <h2 id="stats-year">{t('stats.year_heading', { from: monthLabel(choice.from), to: monthLabel(choice.to) })}</h2>
      <LoadStatus loaded={months} />
      {months.data && (
        <div class="stats-grid">
          <MonthlyVisits months={months.data.items} />
          <FirstTimeFamilies months={months.data.items} />
        </div>
      )}
      <MonthlyReportSection facility_id={facility_id} month={choice.month} />
    </>
  );
}

export function StatsPage() {
  const { user } = useSession();
  const admin = isAdmin(user);
  const facilities = useFacilities();
  const shown = useStatsChoice(facilities.data, admin);
  return (
    <>
      <PageHead title={t('stats.title')} />
      <p class="meta">{t('stats.intro')}</p>
      <LoadStatus loaded={facilities} />
      {facilities.data && (
        <>
          <ChoiceForm shown={shown} facilities={facilities.data} admin={admin} />
          <Dashboard key={JSON.stringify(shown)} choice={shown} />
          <ReportColumnsSection admin={admin} />
        </>
      )}
    </>
  );
}
