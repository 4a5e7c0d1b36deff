// 世帯一覧: search by name or kana (the query stays in the URL), a page at a time.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { Table } from '../../shared/ui/table';
import { useFacilities, usePaged } from '../data';
import { FamilySearchForm } from '../family_search';
import { PageHead } from '../layout';
import { go, Link, useLocation } from '../router';
import { api } from '../../shared/session';
import { LoadStatus, MoreButton } from '../status';

const kPageSize = 50;

export function FamilyList() {
  const { params } = useLocation();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const families = usePaged((cursor) => api.listFamilies({ q, limit: kPageSize, cursor }), [q]);
  const facilities = useFacilities();
  const facility_name = (id: string) => facilities.data?.find((f) => f.id === id)?.name ?? '';

  return (
    <>
      <PageHead title={t('family.list_title')}>
        <Link to="/families/new" class="btn btn--primary">{t('family.new')}</Link>
      </PageHead>
      <FamilySearchForm value={text} onValue={setText}
        onSearch={(trimmed) => go(trimmed ? `/families?q=${encodeURIComponent(trimmed)}` : '/families')} />
      <LoadStatus loaded={families.first} />
      {families.items && (
        <>
          <p role="status">{t('family.count', { n: families.items.length })}</p>
          <Table label={t('family.list_title')} rows={families.items} rowKey={(f) => f.id} columns={[
            { header: t('family.name'), cell: (f) => <Link to={`/families/${encodeURIComponent(f.id)}`}>{f.name}</Link> },
            { header: t('family.guardians'), cell: (f) => f.guardians.map((g) => g.name).join('、') },
            {
              header: t('family.children'),
              cell: (f) => f.children.map((c) => (c.name_kana ? `${c.name}（${c.name_kana}）` : c.name)).join('、'),
            },
            {
              header: t('family.enrollments'),
              cell: (f) => [...new Set(f.enrollments.map((e) => e.facility_id))].map(facility_name).join('、'),
            },
          ]} />
          <MoreButton paged={families} />
        </>
      )}
    </>
  );
}
