// One child's row of the roster: the status (with late change, absence acknowledgement
// and needs-review markers), the day's plan (expected times and pick-up person, or the
// absence and its reason), the visit's times and who picked up, and the actions: record
// an arrival or a departure (today only), acknowledge an absence report or a late
// change (確認中 → 確認済), correct the visit.
import { gradeLabel, t } from '../../../shared/i18n';
import type { Plan, RosterItem } from '../../../shared/types';
import { Button } from '../../../shared/ui/feedback';
import { calendarDate, clockTime } from '../../../shared/ui/time';
import { rowId } from './not_arrived_alert';

/** "6/10 16:40" of an RFC 3339 time, on the clock it was written in. */
export function shortDateTime(iso: string): string {
  const [, month, day] = calendarDate(iso).split('-');
  return `${Number(month)}/${Number(day)} ${clockTime(iso)}`;
}

/**
 * What staff acknowledge (確認中 → 確認済): an absence, and a guardian's change after the
 * deadline (a late change staff made themselves is only marked late).
 */
export const needsAcknowledgement = (plan: Plan | null): plan is Plan =>
  !!plan && (plan.status === 'absent' || (plan.late && plan.updated_by.role === 'guardian'));

/** "15:00〜18:00", "15:00〜"… of an attend plan (出席（時刻未定） without times). */
export function planTimes(plan: Plan): string {
  if (plan.arrive_at && plan.leave_at) return t('roster.plan_times', { from: plan.arrive_at, to: plan.leave_at });
  if (plan.arrive_at) return t('roster.plan_from', { time: plan.arrive_at });
  if (plan.leave_at) return t('roster.plan_until', { time: plan.leave_at });
  return t('roster.plan_no_times');
}

function PlanCell({ plan }: { plan: Plan | null }) {
  if (!plan) {
    return <><span aria-hidden="true">—</span><span class="visually-hidden">{t('roster.no_plan')}</span></>;
  }
  const who = plan.updated_by.role === 'guardian' ? t('roster.by_guardian') : t('roster.by_staff');
  return (
    <>
      {plan.status === 'absent' ? (
        <div>
          {t('roster.plan_absent')}
          {plan.reason && <>：{plan.reason}</>}
        </div>
      ) : (
        <>
          <div>{planTimes(plan)}</div>
          {plan.pickup_by && <div>{t('roster.plan_pickup', { name: plan.pickup_by })}</div>}
        </>
      )}
      {needsAcknowledgement(plan) && (
        <div class="meta">
          {t('roster.plan_updated', { name: plan.updated_by.name, who, time: shortDateTime(plan.updated_at) })}
        </div>
      )}
    </>
  );
}

function AcknowledgementBadge({ plan }: { plan: Plan }) {
  if (plan.acknowledged_at) {
    const by = plan.acknowledged_by?.name ?? '';
    return (
      <span class="badge badge--acknowledged"
        title={t('roster.acknowledged_by', { name: by, time: shortDateTime(plan.acknowledged_at) })}>
        {t('roster.ack_done')}
      </span>
    );
  }
  return <span class="badge badge--pending">{t('roster.ack_pending')}</span>;
}

export interface RosterRowProps {
  item: RosterItem;
  /** Which action of this row is running: 'stamp' or 'ack'. */
  busy: 'stamp' | 'ack' | null;
  /** Manual stamps are for today only; corrections and acknowledgements for any day. */
  today: boolean;
  onStamp: (direction: 'in' | 'out') => void;
  onAcknowledge: () => void;
  onCorrect: () => void;
}

export function RosterRow({ item, busy, today, onStamp, onAcknowledge, onCorrect }: RosterRowProps) {
  const name = item.child.name;
  const plan = item.plan ?? null;
  const late = !!(item.late || plan?.late);
  const classes = [
    item.needs_review && 'needs-review',
    late && 'late',
    item.status === 'not_arrived' && 'not-arrived',
  ].filter(Boolean).join(' ');
  return (
    <tr class={classes || undefined}>
      <th scope="row" id={rowId(item.child.id)} tabIndex={-1}>
        {name}
        {item.child.name_kana && <div class="meta">{item.child.name_kana}</div>}
      </th>
      <td>{gradeLabel(item.child.grade)}</td>
      <td>
        <div class="badges">
          <span class={`badge badge--${item.status}`}>{t(`roster.status.${item.status}`)}</span>
          {late && <span class="badge badge--late">{t('roster.late')}</span>}
          {needsAcknowledgement(plan) && <AcknowledgementBadge plan={plan} />}
          {item.needs_review && <span class="badge badge--review">{t('roster.needs_review')}</span>}
        </div>
      </td>
      <td><PlanCell plan={plan} /></td>
      <td>{clockTime(item.in_at)}</td>
      <td>{clockTime(item.out_at)}</td>
      <td>{item.pickup_by ?? ''}</td>
      <td class="no-print">
        <div class="cell-actions">
          {needsAcknowledgement(plan) && !plan.acknowledged_at && (
            <Button busy={busy === 'ack'} onClick={onAcknowledge}
              label={t(plan.status === 'absent' ? 'roster.ack_absence_label' : 'roster.ack_change_label', { name })}>
              {t('roster.acknowledge')}
            </Button>
          )}
          {today && item.status !== 'present' && (
            <Button variant="secondary" busy={busy === 'stamp'} onClick={() => onStamp('in')} label={t('roster.arrive_label', { name })}>
              {t('roster.arrive')}
            </Button>
          )}
          {today && item.status === 'present' && (
            <Button variant="secondary" busy={busy === 'stamp'} onClick={() => onStamp('out')} label={t('roster.depart_label', { name })}>
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
