// 入退館の記録: one child's visits of one month (arrival, departure, facility, who picked up).
import { t } from '../../shared/i18n';
import { ErrorMessage, Loading } from '../../shared/ui/feedback';
import { Table } from '../../shared/ui/table';
import { clockTime, calendarDate } from '../../shared/ui/time';
import type { MyChild } from '../../shared/types';
import { pickChild, useMyChildren } from '../children';
import { daysOf, formatDay, kMonthPattern, monthOf } from '../dates';
import { fetchAll, useLoad } from '../../shared/data';
import { errorText } from '../../shared/form';
import { PageHead } from '../layout';
import { ChildPicker, MonthPicker } from '../pickers';
import { api } from '../../shared/session';

export function HistoryPage({ child_id, month }: { child_id: string | null; month: string | null }) {
  const children = useMyChildren();
  const item = children.data ? pickChild(children.data, child_id) : undefined;
  if (!item) {
    return (
      <>
        <PageHead title={t('parent.history')} />
        {children.error !== null && <ErrorMessage>{errorText(children.error)}</ErrorMessage>}
        {children.data === null ? <Loading label={t('common.loading')} /> : <p>{t('parent.no_children')}</p>}
      </>
    );
  }
  const shown = month && kMonthPattern.test(month) ? month : monthOf(item.today.date);
  return <History key={`${item.child.id}/${shown}`} items={children.data!} item={item} month={shown} />;
}

function History({ items, item, month }: { items: MyChild[]; item: MyChild; month: string }) {
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
          <Table labelledBy="history-month" rows={[...visits.data].sort((a, b) => a.in_at.localeCompare(b.in_at))}
            rowKey={(v) => v.id} columns={[
              { header: t('visit.date'), rowHeader: true, cell: (v) => formatDay(calendarDate(v.in_at)) },
              { header: t('visit.in_at'), cell: (v) => clockTime(v.in_at) },
              { header: t('visit.out_at'), cell: (v) => (v.out_at ? clockTime(v.out_at) : '—') },
              { header: t('parent.facility'), cell: (v) => facility(v.facility_id) },
              { header: t('visit.pickup_by'), cell: (v) => v.pickup_by ?? '' },
            ]} />
        </>
      )}
    </>
  );
}
