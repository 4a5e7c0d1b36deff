// 職員一覧 (org_admin): every staff member with role and facilities.
import { t } from '../../shared/i18n';
import { api } from '../../shared/session';
import { Table } from '../../shared/ui/table';
import { fetchAll, useFacilities, useLoad } from '../data';
import { roleLabel } from '../labels';
import { PageHead } from '../layout';
import { Link } from '../router';
import { LoadStatus } from '../status';

export function StaffList() {
  const staff = useLoad(() => fetchAll((cursor) => api.listStaff({ limit: 200, cursor })), []);
  const facilities = useFacilities();
  const facility_name = (id: string) => facilities.data?.find((f) => f.id === id)?.name ?? id;
  return (
    <>
      <PageHead title={t('staff.list_title')}>
        <Link to="/staff/new" class="btn btn--primary">{t('staff.new')}</Link>
      </PageHead>
      <LoadStatus loaded={staff} />
      {staff.data && (
        <Table label={t('staff.list_title')} rows={staff.data} rowKey={(s) => s.id} columns={[
          {
            header: t('staff.name'),
            cell: (s) => (
              <>
                <Link to={`/staff/${encodeURIComponent(s.id)}`}>{s.name}</Link>
                {s.must_change_password && <div class="hint">{t('staff.must_change')}</div>}
              </>
            ),
          },
          { header: t('staff.login'), cell: (s) => s.login },
          { header: t('staff.role'), cell: (s) => roleLabel(s.role) },
          { header: t('staff.facilities'), cell: (s) => s.facility_ids.map(facility_name).join('、') },
        ]} />
      )}
    </>
  );
}
