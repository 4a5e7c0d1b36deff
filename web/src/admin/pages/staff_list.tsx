// 職員一覧 (org_admin): every staff member with role and facilities.
import { t } from '../../shared/i18n';
import { api } from '../../shared/session';
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
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('staff.name')}</th>
                <th scope="col">{t('staff.login')}</th>
                <th scope="col">{t('staff.role')}</th>
                <th scope="col">{t('staff.facilities')}</th>
              </tr>
            </thead>
            <tbody>
              {staff.data.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/staff/${encodeURIComponent(s.id)}`}>{s.name}</Link>
                    {s.must_change_password && <div class="hint">{t('staff.must_change')}</div>}
                  </td>
                  <td>{s.login}</td>
                  <td>{roleLabel(s.role)}</td>
                  <td>{s.facility_ids.map(facility_name).join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
