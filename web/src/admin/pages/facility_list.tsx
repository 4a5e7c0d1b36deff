// 施設一覧: every facility the user may see; org_admin may create and edit.
import { t } from '../../shared/i18n';
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
      {facilities.data?.length === 0 && <p>{t('common.none')}</p>}
      {!!facilities.data?.length && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('facility.name')}</th>
                <th scope="col">{t('facility.kind')}</th>
                <th scope="col">{t('facility.hours')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {facilities.data.map((f) => (
                <tr key={f.id}>
                  <td><Link to={`/facilities/${encodeURIComponent(f.id)}`}>{f.name}</Link></td>
                  <td>{kindLabel(f.kind)}</td>
                  <td>{f.opens_at}–{f.closes_at}</td>
                  <td>
                    <Link to={`/roster?facility_id=${encodeURIComponent(f.id)}`}>{t('facility.roster_link')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
