// A facility's page: for an org_admin the edit form, for other staff its plan and alert
// settings to read; for everyone who may see it the roster link (at a drop-in room also
// 利用者票入力), the A4 sheet of cards (PDF), the kiosks' staff PIN (set, changed and
// removed by an org_admin; whether one is set for the others) and the check-in devices.
import { t } from '../../shared/i18n';
import type { Facility } from '../../shared/types';
import { useFacilities, useLoad } from '../data';
import { PageHead } from '../layout';
import { Link } from '../router';
import { api, isAdmin, useSession } from '../../shared/session';
import { LoadStatus } from '../status';
import { FacilityForm } from './facility_form';
import { KioskPinSection } from './facility/kiosk_pin_section';
import { KiosksSection } from './facility/kiosks_section';

function CheckInLinks({ id }: { id: string }) {
  const drop_in = useFacilities().data?.find((f) => f.id === id)?.kind === 'drop_in';
  return (
    <div class="actions no-print">
      <Link to={`/roster?facility_id=${encodeURIComponent(id)}`} class="btn btn--secondary">{t('facility.roster_link')}</Link>
      {drop_in && <Link to={`/facilities/${encodeURIComponent(id)}/walk-ins`} class="btn btn--secondary">{t('walk_in.link')}</Link>}
      <a class="btn btn--secondary" href={api.facilityCardsUrl(id)} target="_blank" rel="noopener">{t('facility.cards_pdf')}</a>
    </div>
  );
}

/** The plan deadline, grace and notification settings as sentences (server defaults when absent). */
function PlanSettings({ facility }: { facility: Facility }) {
  const days = facility.plan_deadline_days ?? 1;
  const time = facility.plan_deadline_time ?? '17:00';
  return (
    <section class="card" aria-labelledby="plan-settings">
      <h2 id="plan-settings">{t('facility.plans_section')}</h2>
      <dl class="facts">
        <dt>{t('facility.plan_deadline')}</dt>
        <dd>{days === 0 ? t('facility.deadline_same_day', { time }) : t('facility.deadline_days_before', { days, time })}</dd>
        <dt>{t('facility.not_arrived_grace')}</dt>
        <dd>{t('facility.minutes', { n: facility.not_arrived_grace_minutes ?? 15 })}</dd>
        <dt>{t('facility.not_arrived_notify')}</dt>
        <dd>{facility.not_arrived_notify ? t('facility.notify_on') : t('facility.notify_off')}</dd>
      </dl>
    </section>
  );
}

function StaffView({ id }: { id: string }) {
  const facility = useLoad(() => api.getFacility(id), [id]);
  return (
    <>
      <PageHead title={facility.data ? t('facility.page_title', { name: facility.data.name }) : t('nav.facilities')} />
      <LoadStatus loaded={facility} />
      {facility.data && <PlanSettings facility={facility.data} />}
    </>
  );
}

export function FacilityPage({ id }: { id: string }) {
  const { user } = useSession();
  const admin = isAdmin(user);
  return (
    <>
      {admin ? <FacilityForm id={id} /> : <StaffView id={id} />}
      <CheckInLinks id={id} />
      <KioskPinSection facility_id={id} editable={admin} />
      <KiosksSection facility_id={id} />
    </>
  );
}
