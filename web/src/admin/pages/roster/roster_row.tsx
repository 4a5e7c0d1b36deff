// The columns of the roster's table, one row a child: the child (with the markers of its
// care texts, ./care_marker), the status (with late change, absence acknowledgement and
// needs-review markers), the day's plan (expected times and pick-up person, or the
// absence and its reason), the visit's times and who picked up (or ひとりで帰宅), and the
// actions: record an arrival or a departure (today only), acknowledge an absence report
// or a late change (確認中 → 確認済), correct the visit.
import { gradeLabel, t } from '../../../shared/i18n';
import type { Plan, RosterItem } from '../../../shared/types';
import { Button } from '../../../shared/ui/feedback';
import type { Column } from '../../../shared/ui/table';
import { calendarDate, clockTime } from '../../../shared/ui/time';
import { CareMarker } from './care_marker';
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

export interface RosterActions {
  /** Which action of which child's row is running. */
  busy: { child_id: string; action: 'stamp' | 'ack' } | null;
  /** Manual stamps are for today only; corrections and acknowledgements for any day. */
  today: boolean;
  onStamp: (item: RosterItem, direction: 'in' | 'out') => void;
  onAcknowledge: (item: RosterItem) => void;
  onCorrect: (item: RosterItem) => void;
  /** Opens the child's care texts (a read the server audits). */
  onCare: (item: RosterItem) => void;
}

const isLate = (item: RosterItem) => !!(item.late || item.plan?.late);

/** The classes of a child's row: needs-review, late, not-arrived. */
export function rosterRowClass(item: RosterItem): string | undefined {
  const classes = [
    item.needs_review && 'needs-review',
    isLate(item) && 'late',
    item.status === 'not_arrived' && 'not-arrived',
  ].filter(Boolean);
  return classes.length ? classes.join(' ') : undefined;
}

function StatusBadges({ item }: { item: RosterItem }) {
  const plan = item.plan ?? null;
  return (
    <div class="badges">
      <span class={`badge badge--${item.status}`}>{t(`roster.status.${item.status}`)}</span>
      {isLate(item) && <span class="badge badge--late">{t('roster.late')}</span>}
      {needsAcknowledgement(plan) && <AcknowledgementBadge plan={plan} />}
      {item.needs_review && (
        <span class="badge badge--review">
          {t('roster.needs_review')}{item.review_reason && `（${t(`roster.review.${item.review_reason}`)}）`}
        </span>
      )}
    </div>
  );
}

function RowActions({ item, actions }: { item: RosterItem; actions: RosterActions }) {
  const { today } = actions;
  const name = item.child.name;
  const plan = item.plan ?? null;
  const busy = actions.busy?.child_id === item.child.id ? actions.busy.action : null;
  return (
    <div class="cell-actions">
      {needsAcknowledgement(plan) && !plan.acknowledged_at && (
        <Button busy={busy === 'ack'} onClick={() => actions.onAcknowledge(item)}
          label={t(plan.status === 'absent' ? 'roster.ack_absence_label' : 'roster.ack_change_label', { name })}>
          {t('roster.acknowledge')}
        </Button>
      )}
      {today && item.status !== 'present' && (
        <Button variant="secondary" busy={busy === 'stamp'} onClick={() => actions.onStamp(item, 'in')}
          label={t('roster.arrive_label', { name })}>
          {t('roster.arrive')}
        </Button>
      )}
      {today && item.status === 'present' && (
        <Button variant="secondary" busy={busy === 'stamp'} onClick={() => actions.onStamp(item, 'out')}
          label={t('roster.depart_label', { name })}>
          {t('roster.depart')}
        </Button>
      )}
      {item.visit_id && (
        <Button variant="link" onClick={() => actions.onCorrect(item)} label={t('roster.correct_label', { name })}>
          {t('roster.correct')}
        </Button>
      )}
    </div>
  );
}

/**
 * The roster's columns: the child (the row's header, target of the not-arrived alert's
 * links), grade, status, plan, times, pick-up person and the row's actions.
 */
export function rosterColumns(actions: RosterActions): Column<RosterItem>[] {
  return [
    {
      header: t('roster.child'), rowHeader: true, anchor: (item) => rowId(item.child.id),
      cell: (item) => (
        <>
          {item.child.name}
          {item.child.name_kana && <div class="meta">{item.child.name_kana}</div>}
          <CareMarker name={item.child.name} care={item.child.care} onOpen={() => actions.onCare(item)} />
        </>
      ),
    },
    { header: t('child.grade'), cell: (item) => gradeLabel(item.child.grade) },
    { header: t('roster.status'), cell: (item) => <StatusBadges item={item} /> },
    { header: t('roster.plan'), cell: (item) => <PlanCell plan={item.plan ?? null} /> },
    { header: t('roster.in_at'), cell: (item) => clockTime(item.in_at) },
    { header: t('roster.out_at'), cell: (item) => clockTime(item.out_at) },
    { header: t('roster.pickup_by'), cell: (item) => (item.left_alone ? t('admin_pickup.went_alone') : item.pickup_by ?? '') },
    { header: t('common.actions'), class: 'no-print', cell: (item) => <RowActions item={item} actions={actions} /> },
  ];
}
