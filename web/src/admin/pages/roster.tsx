// 名簿: one facility's children on a day (today by default) with status, arrival and
// departure times, who picked up and a needs-review marker; staff record an arrival or
// a departure by hand and correct a visit with a reason. The list refreshes every few
// seconds while the page is visible, without reloading the page or losing a dialog.
// The URL keeps the choice: /admin/roster?facility_id=…&date=YYYY-MM-DD.
import { useEffect, useState } from 'preact/hooks';
import { newClientId } from '../../shared/api';
import { gradeLabel, t } from '../../shared/i18n';
import { isFamilyStampResult, type Facility, type RosterItem } from '../../shared/types';
import { Button, ErrorMessage, Notice } from '../../shared/ui/feedback';
import { SelectField, TextField } from '../../shared/ui/fields';
import { clockTime, localDate } from '../../shared/ui/time';
import { useFacilities, useLoad } from '../data';
import { errorText } from '../form';
import { PageHead } from '../layout';
import { go, Link, useLocation } from '../router';
import { api } from '../session';
import { LoadStatus } from '../status';
import { CorrectionDialog, type CorrectionDialogProps } from './roster/correction_dialog';
import { PickupDialog, type PickupDialogProps } from './roster/pickup_dialog';

const kRefreshMs = 5_000;

function rosterPath(facility_id: string, date: string | null): string {
  const q = new URLSearchParams({ facility_id });
  if (date) q.set('date', date);
  return `/roster?${q}`;
}

/** Calls fn every ms while the page is visible. */
function useInterval(fn: () => void, ms: number, deps: unknown[]): void {
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') fn();
    }, ms);
    return () => clearInterval(timer);
  }, deps);
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

function Roster({ facility, facilities, date }: { facility: Facility; facilities: Facility[]; date: string | null }) {
  const roster = useLoad(() => api.roster(facility.id, date ?? undefined), [facility.id, date]);
  const [updated_at, setUpdatedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (roster.data) setUpdatedAt(new Date());
  }, [roster.data]);
  useInterval(() => roster.reload(), kRefreshMs, [facility.id, date]);

  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<string | null>(null); // child id being stamped
  const [correcting, setCorrecting] = useState<CorrectionDialogProps['item'] | null>(null);
  const [pickup, setPickup] = useState<Omit<PickupDialogProps, 'onDone'> | null>(null);

  const shown_date = roster.data?.date ?? date ?? localDate();
  const is_today = !date || date === localDate();

  const stamp = async (item: RosterItem, direction: 'in' | 'out') => {
    setBusy(item.child.id);
    setNotice('');
    setError('');
    try {
      const answer = await api.stamp({ facility_id: facility.id, client_id: newClientId(), child_id: item.child.id, direction });
      const result = isFamilyStampResult(answer) ? answer.results[0] : answer;
      const name = item.child.name;
      if (result.result === 'duplicate') setNotice(t('roster.duplicate', { name }));
      else setNotice(t(result.result === 'arrived' ? 'roster.recorded_in' : 'roster.recorded_out', { name }));
      if (result.result === 'departed' && answer.pickup_choices.length > 0) {
        setPickup({ visit_id: result.visit.id, name, choices: answer.pickup_choices });
      }
      roster.reload();
    } catch (err) {
      setError(`${item.child.name}: ${errorText(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const items = roster.data?.items ?? [];
  const count = (s: RosterItem['status']) => items.filter((i) => i.status === s).length;
  return (
    <>
      <PageHead title={t('roster.title', { facility: facility.name })}>
        <Link to={`/facilities/${encodeURIComponent(facility.id)}`} class="btn btn--secondary">{t('facility.page_title', { name: facility.name })}</Link>
      </PageHead>
      <div class="toolbar no-print">
        <SelectField label={t('roster.facility')} name="facility_id" value={facility.id}
          options={facilities.map((f) => ({ value: f.id, label: f.name }))}
          onValue={(id) => go(rosterPath(id, date))} />
        <TextField label={t('roster.date')} name="date" type="date" value={shown_date}
          onValue={(d) => d && go(rosterPath(facility.id, d))} />
        {!is_today && <Button variant="secondary" onClick={() => go(rosterPath(facility.id, null))}>{t('roster.today')}</Button>}
      </div>
      <Notice>{notice}</Notice>
      <ErrorMessage>{error}</ErrorMessage>
      <LoadStatus loaded={roster} />
      {roster.data && (
        <>
          <p class="meta">
            {t('roster.summary', { present: count('present'), left: count('left'), total: items.length })}
            {updated_at && <> · {t('roster.updated', { time: updated_at.toLocaleTimeString() })}</>}
          </p>
          {items.length === 0 ? <p>{t('roster.no_children')}</p> : (
            <div class="table-wrap">
              <table class="roster">
                <thead>
                  <tr>
                    <th scope="col">{t('roster.child')}</th>
                    <th scope="col">{t('child.grade')}</th>
                    <th scope="col">{t('roster.status')}</th>
                    <th scope="col">{t('roster.in_at')}</th>
                    <th scope="col">{t('roster.out_at')}</th>
                    <th scope="col">{t('roster.pickup_by')}</th>
                    <th scope="col" class="no-print">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <RosterRow key={item.child.id} item={item} busy={busy === item.child.id} today={is_today}
                      onStamp={(d) => void stamp(item, d)}
                      onCorrect={() => item.visit_id && item.in_at &&
                        setCorrecting({ ...item, visit_id: item.visit_id, in_at: item.in_at })} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {correcting && (
        <CorrectionDialog item={correcting} onClose={() => setCorrecting(null)} onDone={() => {
          setNotice(t('correction.done', { name: correcting.child.name }));
          setCorrecting(null);
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

interface RosterRowProps {
  item: RosterItem;
  busy: boolean;
  /** Manual stamps are for today only; corrections for any day. */
  today: boolean;
  onStamp: (direction: 'in' | 'out') => void;
  onCorrect: () => void;
}

function RosterRow({ item, busy, today, onStamp, onCorrect }: RosterRowProps) {
  const name = item.child.name;
  return (
    <tr class={item.needs_review ? 'needs-review' : undefined}>
      <th scope="row">
        {name}
        {item.child.name_kana && <div class="meta">{item.child.name_kana}</div>}
      </th>
      <td>{gradeLabel(item.child.grade)}</td>
      <td>
        <span class={`badge badge--${item.status}`}>{t(`roster.status.${item.status}`)}</span>
        {item.needs_review && <> <span class="badge badge--review">{t('roster.needs_review')}</span></>}
      </td>
      <td>{clockTime(item.in_at)}</td>
      <td>{clockTime(item.out_at)}</td>
      <td>{item.pickup_by ?? ''}</td>
      <td class="no-print">
        <div class="cell-actions">
          {today && item.status !== 'present' && (
            <Button variant="secondary" busy={busy} onClick={() => onStamp('in')} label={t('roster.arrive_label', { name })}>
              {t('roster.arrive')}
            </Button>
          )}
          {today && item.status === 'present' && (
            <Button variant="secondary" busy={busy} onClick={() => onStamp('out')} label={t('roster.depart_label', { name })}>
              {t('roster.depart')}
            </Button>
          )}
          {item.visit_id && (
            <Button variant="link" onClick={onCorrect} label={t('roster.correct_label', { name })}>{t('roster.correct')}</Button>
          )}
        </div>
      </td>
    </tr>
  );
}
