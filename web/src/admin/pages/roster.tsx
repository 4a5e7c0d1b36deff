// 名簿: one facility's children on a day (today by default): each child's plan (expected
// arrival and departure, pick-up person, or the absence and its reason), the status
// (expected, present, left, absent, not arrived, no plan), arrival and departure times
// and who picked up. A banner names the children who have not arrived by their expected
// time plus the facility's grace. Staff record an arrival or a departure by hand,
// acknowledge absence reports and late changes (確認中 → 確認済), correct a visit (times
// with a reason, who picked up) and open a child's care texts from its marker (audited). An emergency notice in force shows above it, and on a closure day (休館日) a
// banner naming it; 在館中の児童 lists whom to call. At a drop-in room, 家族で来館 records
// a family's visit (its children and adults) by hand (./roster/family_visit_dialog).
// The list follows the server's live events (SSE) and polls every few seconds
// only while the stream is down, without reloading the page or losing a dialog.
// The URL keeps the choice: /admin/roster?facility_id=…&date=YYYY-MM-DD.
import { useEffect, useState } from 'preact/hooks';
import { newClientId } from '../../shared/api';
import { t } from '../../shared/i18n';
import { isFamilyStampResult, type Facility, type RosterItem, type RosterStatus } from '../../shared/types';
import { Outcome, useAction } from '../../shared/action';
import { EmergencyBanner } from '../../shared/ui/emergency_banner';
import { Button } from '../../shared/ui/feedback';
import { namedOptions, SelectField, TextField } from '../../shared/ui/fields';
import { Table } from '../../shared/ui/table';
import { localDate } from '../../shared/ui/time';
import { emergenciesAt, useFacilities } from '../data';
import { PageHead } from '../layout';
import { go, Link, useLocation } from '../router';
import { api } from '../../shared/session';
import { LoadStatus } from '../status';
import { CareDialog, type CareDialogProps } from './roster/care_dialog';
import { ClosureBanner } from './roster/closure_banner';
import { CorrectionDialog, type CorrectionDialogProps } from './roster/correction_dialog';
import { FamilyVisitDialog } from './roster/family_visit_dialog';
import { NotArrivedAlert } from './roster/not_arrived_alert';
import { PickupDialog, type PickupDialogProps } from './roster/pickup_dialog';
import { needsAcknowledgement, rosterColumns, rosterRowClass, type RosterActions } from './roster/roster_row';
import { useRoster } from './roster/use_roster';

function rosterPath(facility_id: string, date: string | null): string {
  const q = new URLSearchParams({ facility_id });
  if (date) q.set('date', date);
  return `/roster?${q}`;
}

export function RosterPage() {
  const { params } = useLocation();
  const facilities = useFacilities();
  const wanted = params.get('facility_id');
  const facility: Facility | undefined = facilities.data?.find((f) => f.id === wanted) ?? facilities.data?.[0];
  useEffect(() => {
    if (facility && facility.id !== wanted) go(rosterPath(facility.id, params.get('date')), true);
  }, [facility?.id, wanted]);

  if (!facility) {
    return (
      <>
        <PageHead title={t('roster.title_plain')} />
        <LoadStatus loaded={facilities} />
        {facilities.data?.length === 0 && <p>{t('common.none')}</p>}
      </>
    );
  }
  return <Roster key={facility.id} facility={facility} facilities={facilities.data ?? []}
    date={params.get('date')} />;
}

/** The statuses counted above the list, in the order a worker at the window reads them. */
const kSummaryOrder: readonly RosterStatus[] = ['not_arrived', 'expected', 'present', 'left', 'absent', 'unplanned'];


function Roster({ facility, facilities, date }: { facility: Facility; facilities: Facility[]; date: string | null }) {
  const roster = useRoster(facility.id, date);
  const action = useAction<NonNullable<RosterActions['busy']>>();
  const [correcting, setCorrecting] = useState<CorrectionDialogProps['item'] | null>(null);
  const [pickup, setPickup] = useState<Omit<PickupDialogProps, 'onDone'> | null>(null);
  const [care, setCare] = useState<CareDialogProps['child'] | null>(null);
  const [family_visit, setFamilyVisit] = useState(false);

  const shown_date = roster.data?.date ?? date ?? localDate();
  const is_today = !date || date === localDate();

  /** Runs a row's action (its outcome said above the list), then fetches the roster again. */
  const act = async (item: RosterItem, kind: 'stamp' | 'ack', fn: () => Promise<string>) => {
    await action.run(fn, { tag: { child_id: item.child.id, action: kind }, about: item.child.name });
    roster.reload();
  };

  const stamp = (item: RosterItem, direction: 'in' | 'out') =>
    act(item, 'stamp', async () => {
      const answer = await api.stamp({ facility_id: facility.id, client_id: newClientId(), child_id: item.child.id, direction });
      const result = isFamilyStampResult(answer) ? answer.results[0] : answer;
      const name = item.child.name;
      if (result.result === 'departed') {
        setPickup({ visit_id: result.visit.id, name, choices: answer.pickup_choices, alone: answer.pickup_alone });
      }
      if (result.result === 'duplicate') return t('roster.duplicate', { name });
      return t(result.result === 'arrived' ? 'roster.recorded_in' : 'roster.recorded_out', { name });
    });

  const acknowledge = (item: RosterItem) =>
    act(item, 'ack', async () => {
      if (!item.plan) return '';
      await api.acknowledgePlan(item.plan.id);
      const key = item.plan.status === 'absent' ? 'roster.acknowledged_absence' : 'roster.acknowledged_change';
      return t(key, { name: item.child.name });
    });

  const items = roster.data?.items ?? [];
  const count = (s: RosterStatus) => items.filter((i) => i.status === s).length;
  const unacknowledged = items.filter((i) => needsAcknowledgement(i.plan ?? null) && !i.plan?.acknowledged_at).length;
  return (
    <>
      <PageHead title={t('roster.title', { facility: facility.name })}>
        <Link to={`/on-site?facility_id=${encodeURIComponent(facility.id)}`} class="btn btn--secondary">{t('on_site.link')}</Link>
        <Link to={`/facilities/${encodeURIComponent(facility.id)}`} class="btn btn--secondary">{t('facility.page_title', { name: facility.name })}</Link>
        {facility.kind === 'drop_in' && <Link to={`/facilities/${encodeURIComponent(facility.id)}/walk-ins${date ? `?date=${date}` : ''}`} class="btn btn--secondary">{t('walk_in.link')}</Link>}
        {facility.kind === 'drop_in' && is_today && (
          <Button onClick={() => setFamilyVisit(true)}>{t('family_visit.open')}</Button>
        )}
      </PageHead>
      <EmergencyBanner load={() => emergenciesAt(facility.id)} />
      <ClosureBanner closure={roster.data?.closure} today={is_today} />
      <NotArrivedAlert items={items} show={is_today} />
      <div class="toolbar no-print">
        <SelectField label={t('roster.facility')} name="facility_id" value={facility.id}
          options={namedOptions(facilities)}
          onValue={(id) => go(rosterPath(id, date))} />
        <TextField label={t('roster.date')} name="date" type="date" value={shown_date}
          onValue={(d) => d && go(rosterPath(facility.id, d))} />
        {!is_today && <Button variant="secondary" onClick={() => go(rosterPath(facility.id, null))}>{t('roster.today')}</Button>}
      </div>
      <Outcome of={action} />
      <LoadStatus loaded={roster} />
      {roster.data && (
        <>
          <p class="meta">
            {[...kSummaryOrder.filter((s) => count(s) > 0).map((s) => t('roster.count', { status: t(`roster.status.${s}`), n: count(s) })),
              t('roster.total', { n: items.length })].join(' · ')}
            {unacknowledged > 0 && <> · <strong>{t('roster.unacknowledged', { n: unacknowledged })}</strong></>}
          </p>
          <p class="meta no-print">
            <span class={`live-state live-state--${roster.live}`} data-live={roster.live}>
              {t(roster.live === 'open' ? 'roster.live_on' : 'roster.live_off')}
            </span>
            {roster.updated_at && <> · {t('roster.updated', { time: roster.updated_at.toLocaleTimeString() })}</>}
          </p>
          <Table label={t('roster.title', { facility: facility.name })} class="roster" rows={items}
            rowKey={(item) => item.child.id} rowClass={rosterRowClass} empty={t('roster.no_children')}
            columns={rosterColumns({
              busy: action.busy, today: is_today,
              onStamp: (item, d) => void stamp(item, d),
              onAcknowledge: (item) => void acknowledge(item),
              onCorrect: (item) => item.visit_id && item.in_at &&
                setCorrecting({ ...item, visit_id: item.visit_id, in_at: item.in_at }),
              onCare: (item) => setCare({ id: item.child.id, name: item.child.name }),
            })} />
        </>
      )}
      {correcting && (
        <CorrectionDialog item={correcting} onClose={() => setCorrecting(null)} onDone={() => {
          action.say(t('correction.done', { name: correcting.child.name }));
          setCorrecting(null);
          roster.reload();
        }} />
      )}
      {care && <CareDialog child={care} onClose={() => setCare(null)} />}
      {family_visit && (
        <FamilyVisitDialog facility={facility}
          present={new Set(items.filter((i) => i.status === 'present').map((i) => i.child.id))}
          onClose={() => setFamilyVisit(false)} onDone={(said) => {
            action.say(said);
            setFamilyVisit(false);
            roster.reload();
          }} />
      )}
      {pickup && <PickupDialog {...pickup} onDone={() => {
        setPickup(null);
        roster.reload();
      }} />}
    </>
  );
}
