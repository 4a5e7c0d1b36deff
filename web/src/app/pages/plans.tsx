// 出欠予定: a month calendar of one child's plans at one facility. The parent selects
// many days at once (tap each, or every weekday) and marks them attend (arrival and
// departure time, who picks up), absent (reason) or clears them, in one request per child
// (all days or none are stored for a child; siblings at the same facility may be chosen
// too, ./plan_editor). The facility's deadline rule is shown, and the form says each
// chosen day's deadline before saving. Days changed after the deadline come back marked
// late (締切後); staff acknowledgement shows as 確認済. Past days cannot be changed, nor
// the facility's closure days (休館日, from its calendar), which show as such.
import { useMemo, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { Plan } from '../../shared/types';
import { Button, ErrorMessage, Loading, Notice } from '../../shared/ui/feedback';
import { namedOptions, SelectField } from '../../shared/ui/fields';
import { Table } from '../../shared/ui/table';
import { planFacilities } from '../children';
import { daysOf, formatDay, weekdayOf, weekdayShort } from '../dates';
import { useLoad } from '../../shared/data';
import { datesCovered } from '../../shared/dates';
import { errorText } from '../../shared/form';
import { useFresh } from '../../shared/fresh';
import { PageHead } from '../layout';
import { ChildMonthPage, ChildPicker, MonthPicker, type ChildMonth } from '../pickers';
import { PlanEditor, type ChildSave } from './plan_editor';
import { Lines, saveReport } from './plan_form_parts';
import { useLastPlan, usePlanFacility } from '../plan_loads';
import type { PlanFacility } from '../plan_facility';
import { api } from '../../shared/session';
import '../../shared/ui/calendar.css';

export function PlansPage({ child_id, month }: { child_id: string | null; month: string | null }) {
  return (
    <ChildMonthPage title={t('parent.plans')} child_id={child_id} month={month}
      render={(shown) => <Plans key={`${shown.item.child.id}/${shown.month}`} {...shown} />} />
  );
}

function Plans({ items, item, month }: ChildMonth) {
  const facilities = planFacilities(item);
  const [facility_id, setFacilityId] = useState(
    facilities.find((f) => f.id === item.today.plan?.facility_id)?.id ?? facilities[0]?.id ?? '');
  const days = daysOf(month);
  const today = item.today.date;
  const child_id = item.child.id;
  const plans = useFresh(
    `${child_id}/${month}/${facility_id}`,
    () => api.listPlans(child_id, { from: days[0], to: days[days.length - 1], facility_id: facility_id || undefined }),
    (event) => (event.type === 'plan' && event.child_id === child_id) || event.type === 'push',
  );
  const by_date = useMemo(() => new Map((plans.data ?? []).map((p) => [p.date, p])), [plans.data]);
  const closed = useClosures(facility_id, days);
  const [selected, setSelected] = useState<string[]>([]);
  const [notice, setNotice] = useState<string[]>([]);
  const [failed, setFailed] = useState<string[]>([]);
  const facility = usePlanFacility(facility_id);
  const last = useLastPlan(child_id, facility_id, today);
  const siblings = items
    .filter((c) => c.child.id !== child_id && planFacilities(c).some((f) => f.id === facility_id))
    .map((c) => ({ id: c.child.id, name: c.child.name }));
  const say = (saves: ChildSave[], count: number) => {
    const report = saveReport(saves, count);
    setNotice(report.saved);
    setFailed(report.failed);
  };
  const unsay = () => {
    setNotice([]);
    setFailed([]);
  };

  const toggle = (date: string) => {
    unsay();
    setSelected((s) => (s.includes(date) ? s.filter((d) => d !== date) : [...s, date].sort()));
  };
  const weekdays = days.filter((d) => d >= today && weekdayOf(d) >= 1 && weekdayOf(d) <= 5 && !closed.has(d));

  return (
    <>
      <PageHead title={t('parent.plans_title', { name: item.child.name })} />
      <ChildPicker page="/plans" items={items} current={item} month={month} />
      {facilities.length > 1 && (
        <div class="pa-picker">
          <SelectField label={t('parent.facility')} name="facility" value={facility_id}
            options={namedOptions(facilities)}
            onValue={(id) => { setFacilityId(id); setSelected([]); }} />
        </div>
      )}
      {facilities.length === 0 && <p>{t('parent.plans_no_facility')}</p>}
      <DeadlineRule facility={facility} />
      <MonthPicker page="/plans" child_id={child_id} month={month} heading_id="plans-month" />
      <Notice>{notice.length > 0 && <Lines lines={notice} />}</Notice>
      <ErrorMessage>{failed.length > 0 && <Lines lines={failed} />}</ErrorMessage>
      {plans.error !== null && <ErrorMessage>{errorText(plans.error)}</ErrorMessage>}
      <p class="hint" id="plans-how">{t('parent.plans_how')}</p>
      <Calendar days={days} today={today} by_date={by_date} closed={closed} selected={selected} onToggle={toggle} />
      <div class="pa-actions">
        <Button variant="secondary" disabled={weekdays.length === 0}
          onClick={() => { unsay(); setSelected(weekdays); }}>{t('parent.plans_select_weekdays')}</Button>
        <Button variant="secondary" disabled={selected.length === 0} onClick={() => setSelected([])}>
          {t('parent.plans_clear_selection')}
        </Button>
      </div>
      <Legend />
      {selected.length > 0 && facility_id && (
        <PlanEditor child={{ id: child_id, name: item.child.name }} siblings={siblings} family_id={item.child.family_id}
          facility={facility} facility_id={facility_id} dates={selected} by_date={by_date} last={last.last}
          onSaved={(saves, count) => {
            say(saves, count);
            setSelected([]);
            plans.reload();
            last.reload();
          }} />
      )}
      <PlanList plans={plans.data} />
    </>
  );
}

/** "Changes for a day are due by 17:00 the day before" (once the facility is loaded). */
function DeadlineRule({ facility }: { facility: PlanFacility | null }) {
  if (!facility) return null;
  const days = facility.plan_deadline_days;
  const time = facility.plan_deadline_time;
  const rule = days === 0 ? t('parent.deadline.same_day', { time })
    : days === 1 ? t('parent.deadline.day_before', { time }) : t('parent.deadline.days_before', { days, time });
  return <p class="hint">{t('parent.deadline.rule', { rule })}</p>;
}

/** The short mark of a day's plan in the calendar ("15:00" / 休). */
function planMark(plan: Plan | undefined): string {
  if (!plan) return '';
  if (plan.status === 'absent') return t('parent.plan_mark.absent');
  return plan.arrive_at ?? t('parent.plan_mark.attend');
}

/** The spoken description of a day's plan. */
function planDescription(plan: Plan | undefined): string {
  if (!plan) return t('parent.plan.none');
  const parts = [plan.status === 'absent' ? t('parent.plan.absent') : t('parent.plan.attend')];
  if (plan.arrive_at || plan.leave_at) parts.push(`${plan.arrive_at ?? ''}–${plan.leave_at ?? ''}`);
  if (plan.late) parts.push(t('parent.plan.late'));
  if (plan.acknowledged_at) parts.push(t('parent.plan.acknowledged'));
  return parts.join('、');
}

/** The facility's closure days (休館日) of the month, each with its closure's title; none while loading or on an error. */
function useClosures(facility_id: string, days: string[]): Map<string, string> {
  const closures = useLoad(
    () => (facility_id
      ? api.events({ kind: 'closure', facility_id, from: days[0], to: days[days.length - 1] })
      : Promise.resolve([])),
    [facility_id, days[0]],
  );
  return useMemo(() => {
    const map = new Map<string, string>();
    for (const e of closures.data ?? []) {
      if (e.kind === 'closure' && e.status === 'scheduled') for (const d of datesCovered(e)) map.set(d, e.title);
    }
    return map;
  }, [closures.data]);
}

function Calendar({ days, today, by_date, closed, selected, onToggle }: {
  days: string[];
  today: string;
  by_date: Map<string, Plan>;
  closed: Map<string, string>;
  selected: string[];
  onToggle: (date: string) => void;
}) {
  const lead = weekdayOf(days[0]);
  const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const day = (date: string | null) => {
    if (!date) return null;
    const plan = by_date.get(date);
    const on = selected.includes(date);
    const closure = closed.get(date);
    const cls = ['pa-day', plan ? `pa-day--${plan.status}` : '', closure !== undefined ? 'pa-day--closed' : '',
      on ? 'pa-day--on' : '', date === today ? 'pa-day--today' : ''].filter(Boolean).join(' ');
    const said = closure !== undefined ? t('cal_app.plan_closed_day', { title: closure }) : planDescription(plan);
    return (
      <button type="button" class={cls} aria-pressed={on ? 'true' : 'false'} disabled={date < today || closure !== undefined}
        aria-label={`${formatDay(date)}${date === today ? `（${t('parent.today_word')}）` : ''} ${said}`}
        onClick={() => onToggle(date)} data-date={date}>
        <span class="pa-day-n" aria-hidden="true">{Number(date.slice(8))}</span>
        <span class="pa-day-mark" aria-hidden="true">
          {closure !== undefined ? t('cal_app.plan_closed') : planMark(plan)}
          {plan?.late && <span class="pa-late">!</span>}
          {plan?.acknowledged_at && <span class="pa-ack">✓</span>}
        </span>
      </button>
    );
  };
  return (
    <Table class="pa-cal" labelledBy="plans-month" describedBy="plans-how" rows={weeks}
      columns={[0, 1, 2, 3, 4, 5, 6].map((w) => ({
        header: weekdayShort(w), headerClass: w === 0 ? 'pa-sun' : w === 6 ? 'pa-sat' : undefined,
        cell: (week: (string | null)[]) => day(week[w]),
      }))} />
  );
}

function Legend() {
  return (
    <ul class="pa-legend" aria-label={t('parent.plans_legend')}>
      <li><span class="pa-legend-box pa-day--attend" aria-hidden="true">15:00</span> {t('parent.plan.attend')}</li>
      <li><span class="pa-legend-box pa-day--absent" aria-hidden="true">{t('parent.plan_mark.absent')}</span> {t('parent.plan.absent')}</li>
      <li><span class="pa-late" aria-hidden="true">!</span> {t('parent.plan.late_legend')}</li>
      <li><span class="pa-ack" aria-hidden="true">✓</span> {t('parent.plan.acknowledged')}</li>
      <li><span class="pa-legend-box pa-day--closed" aria-hidden="true">{t('cal_app.plan_closed')}</span> {t('cal_app.plan_closed_legend')}</li>
    </ul>
  );
}

/** The times and pick-up person of an attend plan ("15:00–17:30 （お迎え：祖母）"), the reason of an absence. */
function planDetails(p: Plan): string {
  if (p.status !== 'attend') return p.reason ?? '';
  return [p.arrive_at || p.leave_at ? `${p.arrive_at ?? ''}–${p.leave_at ?? ''}` : '',
    p.pickup_by ? t('parent.today.pickup', { name: p.pickup_by }) : ''].filter(Boolean).join(' ');
}

/** Late (締切後) and acknowledged (確認中 / 確認済) marks of a plan. */
function PlanState({ plan: p }: { plan: Plan }) {
  return (
    <>
      {p.late && <span class="badge badge--review">{t('parent.plan.late')}</span>}
      {p.status === 'absent' && (p.acknowledged_at
        ? <span class="badge badge--present">{t('parent.absence.acknowledged', { name: p.acknowledged_by?.name ?? '' })}</span>
        : <span class="badge badge--review-plain">{t('parent.absence.pending')}</span>)}
      {p.status === 'attend' && p.acknowledged_at && <span class="badge badge--present">{t('parent.plan.acknowledged')}</span>}
    </>
  );
}

/** This month's stored plans as a list (also what a screen reader reads best). */
function PlanList({ plans }: { plans: Plan[] | null }) {
  if (plans === null) return <Loading label={t('common.loading')} />;
  return (
    <section aria-labelledby="plan-list-title">
      <h2 id="plan-list-title">{t('parent.plans_list_title')}</h2>
      <Table labelledBy="plan-list-title" class="pa-plan-list" rows={plans} rowKey={(p) => p.id}
        empty={t('parent.plans_list_none')} columns={[
          { header: t('visit.date'), rowHeader: true, cell: (p) => formatDay(p.date) },
          { header: t('parent.plan.choice'), cell: (p) => (p.status === 'absent' ? t('parent.plan.absent') : t('parent.plan.attend')) },
          { header: t('parent.plan.details'), cell: planDetails },
          { header: t('parent.plan.state'), class: 'pa-badges', cell: (p) => <PlanState plan={p} /> },
        ]} />
    </section>
  );
}
