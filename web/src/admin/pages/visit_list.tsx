// 入退館記録: visits, newest first, filtered by facility, date range and needs-review
// (the filters stay in the URL), a page at a time, with the same filters as a CSV download.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { Visit, VisitListParams } from '../../shared/types';
import { Button, ErrorMessage } from '../../shared/ui/feedback';
import { CheckField, SelectField, TextField } from '../../shared/ui/fields';
import { calendarDate, clockTime } from '../../shared/ui/time';
import { useFacilities, useLoad } from '../data';
import { errorText } from '../form';
import { PageHead } from '../layout';
import { go, useLocation } from '../router';
import { api } from '../../shared/session';
import { LoadStatus } from '../status';

const kPageSize = 100;

type Filters = Required<Pick<VisitListParams, 'facility_id' | 'from' | 'to' | 'needs_review'>>;

function readFilters(params: URLSearchParams): Filters {
  return {
    facility_id: params.get('facility_id') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    needs_review: params.get('needs_review') === 'true',
  };
}

function filtersPath(f: Filters): string {
  const q = new URLSearchParams();
  if (f.facility_id) q.set('facility_id', f.facility_id);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.needs_review) q.set('needs_review', 'true');
  const s = q.toString();
  return s ? `/visits?${s}` : '/visits';
}

export function VisitList() {
  const { params } = useLocation();
  const applied = readFilters(params);
  const key = filtersPath(applied);
  const [draft, setDraft] = useState(applied);
  useEffect(() => setDraft(applied), [key]);
  const facilities = useFacilities();
  const facility_name = (id: string) => facilities.data?.find((f) => f.id === id)?.name ?? '';

  const first = useLoad(() => api.listVisits({ ...applied, limit: kPageSize }), [key]);
  const [more, setMore] = useState<{ items: Visit[]; cursor: string | null; error?: unknown }>({ items: [], cursor: null });
  useEffect(() => setMore({ items: [], cursor: first.data?.next_cursor ?? null }), [first.data]);
  const loadMore = () =>
    api.listVisits({ ...applied, limit: kPageSize, cursor: more.cursor }).then(
      (page) => setMore({ items: [...more.items, ...page.items], cursor: page.next_cursor }),
      (error) => setMore({ ...more, error }),
    );

  const set = (patch: Partial<Filters>) => setDraft({ ...draft, ...patch });
  const apply = (e: Event) => {
    e.preventDefault();
    go(filtersPath(draft));
  };
  const visits = first.data ? [...first.data.items, ...more.items] : [];
  return (
    <>
      <PageHead title={t('visit.list_title')}>
        <a class="btn btn--secondary" href={api.visitsCsvUrl(applied)} download>{t('visit.csv')}</a>
      </PageHead>
      <form class="toolbar" onSubmit={apply} aria-label={t('visit.filters')}>
        <SelectField label={t('visit.facility')} name="facility_id" value={draft.facility_id}
          options={[{ value: '', label: t('visit.all_facilities') },
            ...(facilities.data ?? []).map((f) => ({ value: f.id, label: f.name }))]}
          onValue={(facility_id) => set({ facility_id })} />
        <TextField label={t('visit.from')} name="from" type="date" value={draft.from} onValue={(from) => set({ from })} />
        <TextField label={t('visit.to')} name="to" type="date" value={draft.to} onValue={(to) => set({ to })} />
        <CheckField label={t('visit.needs_review_only')} name="needs_review" checked={draft.needs_review}
          onChecked={(needs_review) => set({ needs_review })} />
        <Button type="submit">{t('visit.apply')}</Button>
      </form>
      <LoadStatus loaded={first} />
      {first.data && (
        <>
          <p role="status">{t('family.count', { n: visits.length })}</p>
          {visits.length > 0 && (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('visit.date')}</th>
                    <th scope="col">{t('visit.facility')}</th>
                    <th scope="col">{t('visit.child')}</th>
                    <th scope="col">{t('visit.in_at')}</th>
                    <th scope="col">{t('visit.out_at')}</th>
                    <th scope="col">{t('visit.pickup_by')}</th>
                    <th scope="col">{t('visit.method')}</th>
                    <th scope="col">{t('visit.review')}</th>
                  </tr>
                </thead>
                <tbody>
                  {visits.map((v) => (
                    <tr key={v.id} class={v.needs_review ? 'needs-review' : undefined}>
                      <td>{calendarDate(v.in_at)}</td>
                      <td>{facility_name(v.facility_id)}</td>
                      <td>{v.child.name}</td>
                      <td>{clockTime(v.in_at)}</td>
                      <td>{clockTime(v.out_at)}</td>
                      <td>{v.pickup_by ?? ''}</td>
                      <td>{t(`visit.method.${v.method}`)}</td>
                      <td>
                        {v.needs_review && <span class="badge badge--review">{t('roster.needs_review')}</span>}
                        {v.auto_closed && <div class="meta">{t('visit.auto_closed')}</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ErrorMessage>{more.error ? errorText(more.error) : ''}</ErrorMessage>
          {more.cursor && <Button variant="secondary" onClick={() => void loadMore()}>{t('common.more')}</Button>}
        </>
      )}
    </>
  );
}
