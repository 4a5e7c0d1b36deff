// 入退館の記録: one child's visits of one month (arrival, departure, facility, who picked up or
// that the child went home alone). Dates and times never wrap; on a narrow phone the table
// is tighter, and scrolls sideways inside its frame when it still does not fit.
import { t } from '../../shared/i18n';
import type { Visit } from '../../shared/types';
import { ErrorMessage, Loading } from '../../shared/ui/feedback';
import { Table } from '../../shared/ui/table';
import { clockTime, calendarDate } from '../../shared/ui/time';
import { daysOf, formatDay } from '../dates';
import { fetchAll, useLoad } from '../../shared/data';
import { errorText } from '../../shared/form';
import { PageHead } from '../layout';
import { ChildMonthPage, ChildPicker, MonthPicker, type ChildMonth } from '../pickers';
import { api } from '../../shared/session';

export function HistoryPage({ child_id, month }: { child_id: string | null; month: string | null }) {
  return (
    <ChildMonthPage title={t('parent.history')} child_id={child_id} month={month}
      render={(shown) => <History key={`${shown.item.child.id}/${shown.month}`} {...shown} />} />
  );
}

function History({ items, item, month }: ChildMonth) {
  const days = daysOf(month);
  const visits = useLoad(
    () => fetchAll((cursor) => api.listVisits({ child_id: item.child.id, from: days[0], to: days[days.length - 1], limit: 200, cursor }), 50),
    [item.child.id, month],
  );
  const facility = (id: string) => item.facilities.find((f) => f.id === id)?.name ?? '';
  return (
    <>
      <PageHead title={t('parent.history_title', { name: item.child.name })} />
      <ChildPicker page="/history" items={items} current={item} month={month} />
      <MonthPicker page="/history" child_id={item.child.id} month={month} heading_id="history-month" />
      {visits.error !== null && <ErrorMessage>{errorText(visits.error)}</ErrorMessage>}
      {visits.data === null && visits.error === null && <Loading label={t('common.loading')} />}
      {visits.data?.length === 0 && <p>{t('parent.history_none')}</p>}
      {visits.data && visits.data.length > 0 && (
        <>
          <p class="meta">{t('parent.history_count', { n: visits.data.length })}</p>
          <VisitTable visits={visits.data} facility={facility} />
        </>
      )}
    </>
  );
}

/** The visits in order, in a frame that scrolls sideways (and takes the focus) when they do not fit. */
function VisitTable({ visits, facility }: { visits: Visit[]; facility: (id: string) => string }) {
  return (
    <div class="pa-scroll" tabIndex={0} role="region" aria-labelledby="history-month">
      <Table labelledBy="history-month" class="pa-history" rows={[...visits].sort((a, b) => a.in_at.localeCompare(b.in_at))}
        rowKey={(v) => v.id} columns={[
          { header: t('visit.date'), rowHeader: true, class: 'pa-nowrap', cell: (v) => formatDay(calendarDate(v.in_at)) },
          { header: t('visit.in_at'), class: 'pa-nowrap', cell: (v) => clockTime(v.in_at) },
          { header: t('visit.out_at'), class: 'pa-nowrap', cell: (v) => (v.out_at ? clockTime(v.out_at) : '—') },
          { header: t('parent.facility'), class: 'pa-text', cell: (v) => facility(v.facility_id) },
          { header: t('visit.pickup_by'), class: 'pa-text', cell: (v) => (v.left_alone ? t('parent.history_alone') : v.pickup_by ?? '') },
        ]} />
    </div>
  );
}
