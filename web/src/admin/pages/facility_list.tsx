// 施設一覧: every facility the user may see; org_admin may create and edit.
import { t } from '../../shared/i18n';
import { Table } from '../../shared/ui/table';
import { useFacilities } from '../data';
import { kindLabel } from '../labels';
import { PageHead } from '../layout';
import { Link } from '../router';
import { isAdmin, useSession } from '../../shared/session';
import { LoadStatus } from '../status';

export function FacilityList() {
  const { user } = useSession();
  const facilities = useFacilities();
  const admin = isAdmin(user);
  return (
    <>
      <PageHead title={t('facility.list_title')}>
        {admin && <Link to="/facilities/new" class="btn btn--primary">{t('facility.new')}</Link>}
      </PageHead>
      <LoadStatus loaded={facilities} />
      {facilities.data && (
        <Table label={t('facility.list_title')} rows={facilities.data} rowKey={(f) => f.id} empty={t('common.none')}
          columns={[
            { header: t('facility.name'), cell: (f) => <Link to={`/facilities/${encodeURIComponent(f.id)}`}>{f.name}</Link> },
            { header: t('facility.kind'), cell: (f) => kindLabel(f.kind) },
            { header: t('facility.hours'), cell: (f) => `${f.opens_at}–${f.closes_at}` },
            {
              header: t('common.actions'),
              cell: (f) => <Link to={`/roster?facility_id=${encodeURIComponent(f.id)}`}>{t('facility.roster_link')}</Link>,
            },
          ]} />
      )}
    </>
  );
}
