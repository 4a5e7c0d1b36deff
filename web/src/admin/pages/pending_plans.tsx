// 連絡（未確認）: the plans of the staff member's facilities that wait for a look —
// guardians' absences and changes after the deadline, not acknowledged yet — from the
// organization's today on (GET /plans?pending=true), grouped by day: 今日, 明日, then the
// dates. Each line names the child and grade, the facility, what the plan says (absent and
// why, or the times and pick-up person), who changed it and when, and whether it came
// late; 確認 acknowledges it and the line leaves the list (focus moves to the next line's
// button). The list follows the `plan` live events, is fetched again when the page becomes
// visible, and polls every few seconds only while the stream is down; staff who see several facilities filter by one (?facility_id=).
// 表示中をすべて確認済みにする acknowledges every line shown at once (./pending_ack_all).
import { useEffect, useRef } from 'preact/hooks';
import { Outcome, useAction } from '../../shared/action';
import { useFresh, type Fresh } from '../../shared/fresh';
import { getLang, gradeLabel, t } from '../../shared/i18n';
import { api } from '../../shared/session';
import type { Facility, PendingPlan, PendingPlanPage } from '../../shared/types';
import { namedOptions, SelectField } from '../../shared/ui/fields';
import { Table, type Columns } from '../../shared/ui/table';
import { useFacilities } from '../data';
import { PageHead } from '../layout';
import { notePendingCount, refreshPendingCount } from '../pending';
import { go, useLocation } from '../router';
import { LoadStatus } from '../status';
import { AcknowledgeAll } from './pending_ack_all';
import { kPollMs } from './roster/use_roster';
import { planTimes, shortDateTime } from './roster/roster_row';

const kPageSize = 200;
const kMaxPages = 25;

interface PendingList {
  from: string;
  items: PendingPlan[];
  total: number;
}

/** Every line of the list (all pages, up to kMaxPages). */
async function fetchPending(facility_id: string): Promise<PendingList> {
  const first: PendingPlanPage = await api.pendingPlans({ facility_id: facility_id || undefined, limit: kPageSize });
  const items = [...first.items];
  let cursor = first.next_cursor;
  for (let n = 1; cursor && n < kMaxPages; n++) {
    const page: PendingPlanPage = await api.pendingPlans({ facility_id: facility_id || undefined, limit: kPageSize, cursor });
    items.push(...page.items);
    cursor = page.next_cursor;
  }
  return { from: first.from, items, total: first.total };
}

/**
 * The list for facility_id ('' for all), fetched again on `plan` events and every kPollMs
 * while the stream is not open; the whole list's total goes to the navigation's count.
 */
function usePending(facility_id: string): Fresh<PendingList> {
  return useFresh(
    facility_id,
    () => fetchPending(facility_id).then((list) => {
      if (!facility_id) notePendingCount(list.total);
      return list;
    }),
    (event) => event.type === 'plan',
    { poll_ms: kPollMs },
  );
}

/** Takes a line out at once (acknowledged here), before the next fetch confirms it. */
const dropLine = (id: string) => (d: PendingList | null) =>
  d && { ...d, items: d.items.filter((l) => l.id !== id), total: Math.max(0, d.total - 1) };

/** "YYYY-MM-DD" plus n days. */
function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** "6月12日(土)" / "Sat, June 12" of a calendar date. */
function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(getLang() === 'en' ? 'en-US' : 'ja-JP', {
    month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "11/24" of a calendar date. */
function shortDate(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}/${d}`;
}

function dayHeading(date: string, today: string): string {
  if (date === today) return `${t('pending.today')} ${longDate(date)}`;
  if (date === addDays(today, 1)) return `${t('pending.tomorrow')} ${longDate(date)}`;
  return longDate(date);
}

const what = (line: PendingPlan) => t(line.status === 'absent' ? 'pending.what_absent' : 'pending.what_change');

const ackButtonId = (id: string) => `ack-${id}`;

function PlanSummary({ line }: { line: PendingPlan }) {
  if (line.status === 'absent') {
    return (
      <>
        <span class="badge badge--absent">{t('pending.absent')}</span>
        {line.reason && <div>{line.reason}</div>}
      </>
    );
  }
  return (
    <>
      <span class="badge badge--expected">{t('pending.attend')}</span>
      <div>{planTimes(line)}</div>
      {line.pickup_by && <div>{t('roster.plan_pickup', { name: line.pickup_by })}</div>}
      {line.reason && <div class="meta">{line.reason}</div>}
    </>
  );
}

/** The columns of a day's table; the facility's only when the list shows several. */
function lineColumns({ show_facility, busy, onAcknowledge }:
  { show_facility: boolean; busy: string | null; onAcknowledge: (line: PendingPlan) => void }): Columns<PendingPlan> {
  const who = (line: PendingPlan) => (line.updated_by.role === 'guardian' ? t('roster.by_guardian') : t('roster.by_staff'));
  return [
    {
      header: t('pending.child'), headerClass: 'col-child', rowHeader: true,
      cell: (line) => (
        <>
          {line.child.name}
          {line.child.name_kana && <div class="meta">{line.child.name_kana}</div>}
        </>
      ),
    },
    { header: t('child.grade'), headerClass: 'col-grade', cell: (line) => gradeLabel(line.child.grade) },
    show_facility && { header: t('pending.facility'), headerClass: 'col-facility', cell: (line) => line.facility.name },
    { header: t('pending.plan'), headerClass: 'col-plan', cell: (line) => <PlanSummary line={line} /> },
    {
      header: t('pending.changed'),
      cell: (line) => (
        <>
          <div>{t('roster.plan_updated', { name: line.updated_by.name, who: who(line), time: shortDateTime(line.updated_at) })}</div>
          {line.late && <span class="badge badge--late">{t('roster.late')}</span>}
        </>
      ),
    },
    {
      header: t('common.actions'), headerClass: 'col-actions', class: 'no-print',
      cell: (line) => (
        <button type="button" id={ackButtonId(line.id)} class="btn btn--primary" disabled={busy === line.id}
          aria-busy={busy === line.id ? 'true' : undefined}
          aria-label={t('pending.ack_label', { name: line.child.name, date: shortDate(line.date), what: what(line) })}
          onClick={() => onAcknowledge(line)}>
          {t('roster.acknowledge')}
        </button>
      ),
    },
  ];
}

export function PendingPlansPage() {
  const { params } = useLocation();
  const facilities = useFacilities();
  const facility_id = params.get('facility_id') ?? '';
  const list = usePending(facility_id);
  const action = useAction<string>();
  const focus_after = useRef<string | null>(null);

  const all: Facility[] = facilities.data ?? [];
  const show_filter = all.length > 1;
  const items = list.data?.items ?? [];
  const today = list.data?.from ?? '';

  useEffect(() => {
    const id = focus_after.current;
    if (id === null) return;
    focus_after.current = null;
    const target = (id && document.getElementById(ackButtonId(id))) || document.getElementById('main');
    target?.focus();
  }, [list.data]);

  const acknowledge = async (line: PendingPlan) => {
    const at = items.findIndex((l) => l.id === line.id);
    const next = items[at + 1] ?? items[at - 1] ?? null;
    await action.run(async () => {
      await api.acknowledgePlan(line.id);
      focus_after.current = next?.id ?? '';
      list.set(dropLine(line.id));
      return t('pending.acknowledged', { name: line.child.name, date: shortDate(line.date), what: what(line) });
    }, { tag: line.id, about: line.child.name });
    refreshPendingCount();
    list.reload();
  };

  const days: string[] = [];
  for (const l of items) if (days[days.length - 1] !== l.date) days.push(l.date);
  const columns = lineColumns({
    show_facility: show_filter && !facility_id, busy: action.busy, onAcknowledge: (line) => void acknowledge(line),
  });
  return (
    <>
      <PageHead title={t('pending.title')} />
      <p class="meta">{t('pending.intro')}</p>
      {show_filter && (
        <div class="toolbar no-print">
          <SelectField label={t('pending.facility')} name="facility_id" value={facility_id}
            options={namedOptions(all, t('pending.all_facilities'))}
            onValue={(id) => go(id ? `/plans?${new URLSearchParams({ facility_id: id })}` : '/plans')} />
        </div>
      )}
      <Outcome of={action} />
      <LoadStatus loaded={list} />
      {list.data && (
        <>
          <p class="pending-count" role="status" aria-atomic="true">
            {items.length === 0 ? t('pending.none') : t('pending.count', { n: list.data.total })}
          </p>
          <p class="meta no-print">
            <span class={`live-state live-state--${list.live}`} data-live={list.live}>
              {t(list.live === 'open' ? 'roster.live_on' : 'roster.live_off')}
            </span>
          </p>
          <AcknowledgeAll lines={items} onDone={() => { refreshPendingCount(); list.reload(); }}
            describe={(line) => `${line.child.name} ${shortDate(line.date)} ${what(line)}`} />
          {days.map((date) => {
            const heading_id = `day-${date}`;
            return (
              <section key={date} class="pending-day" aria-labelledby={heading_id}>
                <h2 id={heading_id}>{dayHeading(date, today)}</h2>
                <Table labelledBy={heading_id} class="pending" rows={items.filter((l) => l.date === date)}
                  rowKey={(line) => line.id} rowClass={(line) => (line.late ? 'late' : undefined)} columns={columns} />
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
