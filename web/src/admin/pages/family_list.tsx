// 世帯一覧: search by name or kana (the query stays in the URL), a page at a time.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { Family } from '../../shared/types';
import { Button, ErrorMessage } from '../../shared/ui/feedback';
import { useFacilities, useLoad } from '../data';
import { errorText } from '../form';
import { PageHead } from '../layout';
import { go, Link, useLocation } from '../router';
import { api } from '../../shared/session';
import { LoadStatus } from '../status';

const kPageSize = 50;

function FamilyRow({ family, facility_name }: { family: Family; facility_name: (id: string) => string }) {
  const children = family.children.map((c) => (c.name_kana ? `${c.name}（${c.name_kana}）` : c.name));
  const facilities = [...new Set(family.enrollments.map((e) => e.facility_id))].map(facility_name);
  return (
    <tr>
      <td><Link to={`/families/${encodeURIComponent(family.id)}`}>{family.name}</Link></td>
      <td>{family.guardians.map((g) => g.name).join('、')}</td>
      <td>{children.join('、')}</td>
      <td>{facilities.join('、')}</td>
    </tr>
  );
}

export function FamilyList() {
  const { params } = useLocation();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const first = useLoad(() => api.listFamilies({ q, limit: kPageSize }), [q]);
  const [more, setMore] = useState<{ items: Family[]; cursor: string | null; error?: unknown }>({ items: [], cursor: null });
  useEffect(() => setMore({ items: [], cursor: first.data?.next_cursor ?? null }), [first.data]);
  const facilities = useFacilities();
  const facility_name = (id: string) => facilities.data?.find((f) => f.id === id)?.name ?? '';

  const search = (e: Event) => {
    e.preventDefault();
    const trimmed = text.trim();
    go(trimmed ? `/families?q=${encodeURIComponent(trimmed)}` : '/families');
  };
  const loadMore = () =>
    api.listFamilies({ q, limit: kPageSize, cursor: more.cursor }).then(
      (page) => setMore({ items: [...more.items, ...page.items], cursor: page.next_cursor }),
      (error) => setMore({ ...more, error }),
    );

  const families = first.data ? [...first.data.items, ...more.items] : [];
  return (
    <>
      <PageHead title={t('family.list_title')}>
        <Link to="/families/new" class="btn btn--primary">{t('family.new')}</Link>
      </PageHead>
      <form role="search" class="row row--end" onSubmit={search}>
        <div class="field">
          <label for="family-search">{t('family.search')}</label>
          <input id="family-search" type="search" name="q" value={text}
            onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <div class="field"><Button type="submit">{t('family.search_submit')}</Button></div>
      </form>
      <LoadStatus loaded={first} />
      {first.data && (
        <>
          <p role="status">{t('family.count', { n: families.length })}</p>
          {families.length > 0 && (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('family.name')}</th>
                    <th scope="col">{t('family.guardians')}</th>
                    <th scope="col">{t('family.children')}</th>
                    <th scope="col">{t('family.enrollments')}</th>
                  </tr>
                </thead>
                <tbody>
                  {families.map((f) => <FamilyRow key={f.id} family={f} facility_name={facility_name} />)}
                </tbody>
              </table>
            </div>
          )}
          {more.error ? <ErrorMessage>{errorText(more.error)}</ErrorMessage> : null}
          {more.cursor && <Button variant="secondary" onClick={() => void loadMore()}>{t('common.more')}</Button>}
        </>
      )}
    </>
  );
}
