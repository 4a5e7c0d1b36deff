// A facility's page: for an org_admin the edit form; for everyone who may see it the
// roster link, the A4 sheet of cards (PDF) and the check-in devices.
import { t } from '../../shared/i18n';
import { useLoad } from '../data';
import { PageHead } from '../layout';
import { Link } from '../router';
import { api, isAdmin, useSession } from '../session';
import { LoadStatus } from '../status';
import { FacilityForm } from './facility_form';
import { KiosksSection } from './facility/kiosks_section';

function CheckInLinks({ id }: { id: string }) {
  return (
    <div class="actions no-print">
      <Link to={`/roster?facility_id=${encodeURIComponent(id)}`} class="btn btn--secondary">{t('facility.roster_link')}</Link>
      <a class="btn btn--secondary" href={api.facilityCardsUrl(id)} target="_blank" rel="noopener">{t('facility.cards_pdf')}</a>
    </div>
  );
}

function StaffView({ id }: { id: string }) {
  const facility = useLoad(() => api.getFacility(id), [id]);
  return (
    <>
      <PageHead title={facility.data ? t('facility.page_title', { name: facility.data.name }) : t('nav.facilities')} />
      <LoadStatus loaded={facility} />
    </>
  );
}

export function FacilityPage({ id }: { id: string }) {
  const { user } = useSession();
  return (
    <>
      {isAdmin(user) ? <FacilityForm id={id} /> : <StaffView id={id} />}
      <CheckInLinks id={id} />
      <KiosksSection facility_id={id} />
    </>
  );
}
