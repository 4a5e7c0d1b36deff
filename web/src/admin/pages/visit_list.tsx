// 入退館記録: visits, newest first, filtered by facility, date range and needs-review
// (the filters stay in the URL), a page at a time, with the same filters as a CSV download.
// Who picked up shows as the name, or ひとりで帰宅.
import { t } from '../../shared/i18n';
import type { Visit } from '../../shared/types';
import { Button } from '../../shared/ui/feedback';
import { CheckField, namedOptions, SelectField, TextField } from '../../shared/ui/fields';
import { Table, type Column } from '../../shared/ui/table';
import { calendarDate, clockTime } from '../../shared/ui/time';
import { useFacilities, usePaged } from '../data';
import { useFilters } from '../filters';
import { PageHead } from '../layout';
import { api } from '../../shared/session';
import { LoadStatus, MoreButton } from '../status';

const kPageSize = 100;

const kUnset = { facility_id: '', from: '', to: '', needs_review: false };

function visitColumns(facility_name: (id: string) => string): Column<Visit>[] {
  return [
    { header: t('visit.date'), cell: (v) => calendarDate(v.in_at) },
    { header: t('visit.facility'), cell: (v) => facility_name(v.facility_id) },
    { header: t('visit.child'), cell: (v) => v.child.name },
    { header: t('visit.in_at'), cell: (v) => clockTime(v.in_at) },
    { header: t('visit.out_at'), cell: (v) => clockTime(v.out_at) },
    { header: t('visit.pickup_by'), cell: (v) => (v.left_alone ? t('admin_pickup.went_alone') : v.pickup_by ?? '') },
    { header: t('visit.method'), cell: (v) => t(`visit.method.${v.method}`) },
    {
      header: t('visit.review'),
      cell: (v) => (
        <>
          {v.needs_review && <span class="badge badge--review">{t('roster.needs_review')}</span>}
          {v.auto_closed && <div class="meta">{t('visit.auto_closed')}</div>}
        </>
      ),
    },
  ];
}

export function VisitList() {
  const filters = useFilters('/visits', kUnset);
  const { applied, draft, set } = filters;
  const facilities = useFacilities();
  const facility_name = (id: string) => facilities.data?.find((f) => f.id === id)?.name ?? '';
  const visits = usePaged((cursor) => api.listVisits({ ...applied, limit: kPageSize, cursor }), [filters.path]);

  return (
    <>
      <PageHead title={t('visit.list_title')}>
        <a class="btn btn--secondary" href={api.visitsCsvUrl(applied)} download>{t('visit.csv')}</a>
      </PageHead>
      <form class="toolbar" onSubmit={filters.apply} aria-label={t('visit.filters')}>
        <SelectField label={t('visit.facility')} name="facility_id" value={draft.facility_id}
          options={namedOptions(facilities.data, t('visit.all_facilities'))}
          onValue={(facility_id) => set({ facility_id })} />
        <TextField label={t('visit.from')} name="from" type="date" value={draft.from} onValue={(from) => set({ from })} />
        <TextField label={t('visit.to')} name="to" type="date" value={draft.to} onValue={(to) => set({ to })} />
        <CheckField label={t('visit.needs_review_only')} name="needs_review" checked={draft.needs_review}
          onChecked={(needs_review) => set({ needs_review })} />
        <Button type="submit">{t('visit.apply')}</Button>
      </form>
      <LoadStatus loaded={visits.first} />
      {visits.items && (
        <>
          <p role="status">{t('family.count', { n: visits.items.length })}</p>
          <Table label={t('visit.list_title')} rows={visits.items} rowKey={(v) => v.id}
            rowClass={(v) => (v.needs_review ? 'needs-review' : undefined)} columns={visitColumns(facility_name)} />
          <MoreButton paged={visits} />
        </>
      )}
    </>
  );
}
