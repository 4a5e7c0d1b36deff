// 在館中の児童: the children in one facility now (arrived today, not left), by arrival,
// with the family's phone and the guardians' names — the list staff call from in an
// evacuation or during an emergency notice. Follows the facility's live stamps and roster
// changes; prints on one sheet. A marker says a child has care texts (allergies…), opened
// on demand (each read audited). The URL keeps the facility: /admin/on-site?facility_id=….
import { gradeLabel, t } from '../../../shared/i18n';
import { useFresh } from '../../../shared/fresh';
import type { Facility, OnSiteList } from '../../../shared/types';
import { EmergencyBanner } from '../../../shared/ui/emergency_banner';
import { useState } from 'preact/hooks';
import { Button } from '../../../shared/ui/feedback';
import { Table } from '../../../shared/ui/table';
import { clockTime } from '../../../shared/ui/time';
import { api } from '../../../shared/session';
import { emergenciesAt, useFacilities } from '../../data';
import { PageHead } from '../../layout';
import { Link, useLocation } from '../../router';
import { LoadStatus } from '../../status';
import { CareDialog, type CareDialogProps } from './care_dialog';
import { CareMarker } from './care_marker';

type Item = OnSiteList['items'][number];

export function OnSitePage() {
  const { params } = useLocation();
  const facilities = useFacilities();
  const wanted = params.get('facility_id');
  const facility = facilities.data?.find((f) => f.id === wanted) ?? facilities.data?.[0];
  if (!facility) {
    return (
      <>
        <PageHead title={t('on_site.title_plain')} />
        <LoadStatus loaded={facilities} />
      </>
    );
  }
  return <OnSite key={facility.id} facility={facility} />;
}

function OnSite({ facility }: { facility: Facility }) {
  const list = useFresh(
    `on-site:${facility.id}`,
    () => api.onSite(facility.id),
    (e) => (e.type === 'roster' && e.facility_id === facility.id) || (e.type === 'stamp' && e.visit.facility_id === facility.id),
  );
  const items = list.data?.items ?? [];
  const [care, setCare] = useState<CareDialogProps['child'] | null>(null);
  return (
    <>
      <PageHead title={t('on_site.title', { facility: facility.name })}>
        <Button variant="secondary" onClick={() => window.print()}>{t('on_site.print')}</Button>
        <Link to={`/roster?facility_id=${encodeURIComponent(facility.id)}`} class="btn btn--secondary">{t('on_site.roster')}</Link>
      </PageHead>
      <EmergencyBanner load={() => emergenciesAt(facility.id)} />
      <LoadStatus loaded={list} />
      {list.data && (
        <>
          <p class="pending-count" role="status">{t('on_site.count', { n: items.length })}</p>
          <Table<Item>
            caption={t('on_site.caption', { facility: facility.name })}
            rows={items}
            rowKey={(r) => r.visit_id}
            empty={t('on_site.empty')}
            columns={[
              {
                header: t('child.name'),
                rowHeader: true,
                cell: (r) => (
                  <>
                    {r.child.name}{' '}
                    <CareMarker name={r.child.name} care={r.care} onOpen={() => setCare({ id: r.child.id, name: r.child.name })} />
                  </>
                ),
              },
              { header: t('child.grade'), cell: (r) => gradeLabel(r.child.grade) },
              { header: t('on_site.in_at'), cell: (r) => clockTime(r.in_at) },
              { header: t('on_site.pickup'), cell: (r) => r.pickup_by ?? '' },
              { header: t('on_site.phone'), cell: (r) => (r.family.phone ? <a href={`tel:${r.family.phone}`}>{r.family.phone}</a> : t('on_site.no_phone')) },
              {
                header: t('on_site.guardians'),
                cell: (r) => (
                  <ul class="plain">
                    {r.guardians.map((g) => <li key={g.id}>{g.relation ? `${g.name}（${g.relation}）` : g.name}</li>)}
                  </ul>
                ),
              },
            ]}
          />
        </>
      )}
      {care && <CareDialog child={care} onClose={() => setCare(null)} />}
    </>
  );
}
