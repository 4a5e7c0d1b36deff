// 行事予定: the calendar of closures (休館日), events (行事) and courses (講座) a month at a
// time, as a grid of the month (each day's entries) or as a list, for every facility the
// staff member sees or one of them (with the organization's own entries), the previous and
// next month a link away. The URL keeps the choice: /admin/calendar?facility_id=…&month=YYYY-MM&view=list.
import { t } from '../../../shared/i18n';
import { addMonths, daysOf, formatMonth, kMonthPattern, monthOf, orgToday } from '../../../shared/dates';
import { api } from '../../../shared/session';
import { namedOptions, SelectField } from '../../../shared/ui/fields';
import { useFacilities, useLoad } from '../../data';
import { filtersPath } from '../../filters';
import { PageHead } from '../../layout';
import { go, Link, useLocation } from '../../router';
import { LoadStatus } from '../../status';
import { EventTable } from './event_table';
import { MonthGrid } from './month_grid';

type View = 'month' | 'list';

interface Shown {
  facility_id: string;
  month: string;
  view: View;
}

const pathOf = (s: Shown) =>
  filtersPath('/calendar', { facility_id: s.facility_id, month: s.month, view: s.view === 'list' ? 'list' : '' });

export function CalendarPage() {
  const { params } = useLocation();
  const wanted = params.get('month') ?? '';
  const shown: Shown = {
    facility_id: params.get('facility_id') ?? '',
    month: kMonthPattern.test(wanted) ? wanted : monthOf(orgToday()),
    view: params.get('view') === 'list' ? 'list' : 'month',
  };
  const days = daysOf(shown.month);
  const facilities = useFacilities();
  const events = useLoad(
    () => api.events({ from: days[0], to: days[days.length - 1], facility_id: shown.facility_id || undefined }),
    [shown.facility_id, shown.month],
  );
  const to = (patch: Partial<Shown>) => pathOf({ ...shown, ...patch });
  const prev = addMonths(shown.month, -1);
  const next = addMonths(shown.month, 1);
  const new_path = shown.facility_id ? `/calendar/new?facility_id=${encodeURIComponent(shown.facility_id)}` : '/calendar/new';

  return (
    <>
      <PageHead title={t('cal.title')}>
        <Link to={new_path} class="btn btn--primary">{t('cal.new')}</Link>
      </PageHead>
      <div class="toolbar no-print">
        <SelectField label={t('cal.facility')} name="facility_id" value={shown.facility_id}
          options={namedOptions(facilities.data, t('cal.all_facilities'))}
          onValue={(facility_id) => go(to({ facility_id }))} />
        <nav class="cal-views" aria-label={t('cal.views')}>
          <Link to={to({ view: 'month' })} current={shown.view === 'month'} class="btn btn--secondary">{t('cal.view_month')}</Link>
          <Link to={to({ view: 'list' })} current={shown.view === 'list'} class="btn btn--secondary">{t('cal.view_list')}</Link>
        </nav>
      </div>
      <div class="cal-month-nav">
        <Link to={to({ month: prev })} class="btn btn--secondary" label={t('cal.month_prev_label', { month: formatMonth(prev) })}>
          <span aria-hidden="true">‹</span> {t('cal.month_prev')}
        </Link>
        <h2 id="cal-month">{formatMonth(shown.month)}</h2>
        <Link to={to({ month: next })} class="btn btn--secondary" label={t('cal.month_next_label', { month: formatMonth(next) })}>
          {t('cal.month_next')} <span aria-hidden="true">›</span>
        </Link>
      </div>
      <LoadStatus loaded={events} />
      {events.data && (shown.view === 'month'
        ? <MonthGrid days={days} events={events.data} today={orgToday()} labelledBy="cal-month" />
        : <EventTable events={events.data} labelledBy="cal-month" />)}
    </>
  );
}
