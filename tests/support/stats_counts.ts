// The figures the contract says the statistics and the monthly report must answer,
// computed here independently from what a scenario played (./stats_scenario.ts): age
// bands, grades, dates, /stats/visits, /stats/plans and the monthly report.
import type { FacilityKind, ReportCounts } from '../../web/src/shared/types';
import { addDate, ageOn, gradeOn } from './calendar';
import { expect } from 'vitest';
import { tokyoAt } from './events';
import { dayOf, hourOf, type Kid, type Played } from './stats_scenario';

// ---- bands and grades ----

export const BANDS = ['0歳', '1歳', '2歳', '3歳以上未就学', '小学生', '中学生'] as const;
export const OTHER = 'その他';
export const REPORT_GRADES = ['小1', '小2', '小3', '小4', '小5', '小6'] as const;
export const GRADE_ORDER = ['未就学', '小1', '小2', '小3', '小4', '小5', '小6', '中1', '中2', '中3', '高1', '高2', '高3', 'その他'];

/** The age band on `day`: 0歳, 1歳, 2歳, 3歳以上未就学, 小学生, 中学生, else その他. */
export function ageBand(birth: string, day: string): string {
  const grade = gradeOn(birth, day);
  if (grade.startsWith('小')) return '小学生';
  if (grade.startsWith('中')) return '中学生';
  if (grade !== '未就学') return OTHER;
  const years = ageOn(birth, day).years;
  if (years < 0) return OTHER;
  return years <= 2 ? `${years}歳` : '3歳以上未就学';
}

/** The report's grade on `day`: 小1..小6, else その他. */
export function reportGrade(birth: string, day: string): string {
  const g = gradeOn(birth, day);
  return (REPORT_GRADES as readonly string[]).includes(g) ? g : OTHER;
}

// ---- dates ----

/** Every date from `from` to `to`, inclusive. */
export function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDate(d, { days: 1 })) out.push(d);
  return out;
}

/** Every month "YYYY-MM" from `from`'s to `to`'s. */
export function monthsFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = `${from.slice(0, 7)}-01`; d.slice(0, 7) <= to.slice(0, 7); d = addDate(d, { months: 1 })) out.push(d.slice(0, 7));
  return out;
}

/** Every date of "YYYY-MM". */
export function datesOfMonth(month: string): string[] {
  const first = `${month}-01`;
  return datesFrom(first, addDate(addDate(first, { months: 1 }), { days: -1 }));
}

/** "6/1（火）": the report's day column. */
export function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${m}/${d}（${'日月火水木金土'[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}）`;
}

// ---- /stats/visits and /stats/plans as the contract counts them ----

export type GroupBy = 'day' | 'month' | 'age_band' | 'hour' | 'grade';

export interface StatsItem {
  key: string;
  visits: number;
  children: number;
  adults: number;
  families: number;
  first_time_families: number;
}

/** The visits (組) the children's visits `vs` make: one per group, each child alone without one. */
export function visitsOf(vs: Played[]): Played[] {
  return [...new Map(vs.map((v) => [v.group, v])).values()];
}

/** The adults of those visits, each group's once. */
export function adultsOf(vs: Played[]): number {
  return visitsOf(vs).reduce((sum, v) => sum + v.adults, 0);
}

/** What GET /stats/visits must answer for the visits of `facilityIds` (the caller's scope). */
export function expectedVisitStats(all: Played[], facilityIds: string[], from: string, to: string, group_by: GroupBy) {
  const scope = all.filter((v) => facilityIds.includes(v.facility_id));
  const inRange = scope.filter((v) => dayOf(v.in_at) >= from && dayOf(v.in_at) <= to);
  const keyOf = (v: Played): string => {
    const day = dayOf(v.in_at);
    switch (group_by) {
      case 'day': return day;
      case 'month': return day.slice(0, 7);
      case 'hour': return hourOf(v.in_at);
      case 'age_band': return ageBand(v.kid.birth_date, day);
      case 'grade': return gradeOn(v.kid.birth_date, day);
    }
  };
  // Each family's first visit ever at each facility (of everything played there).
  const first = new Map<string, Played>();
  for (const v of scope) {
    const k = `${v.kid.family_id}|${v.facility_id}`;
    const seen = first.get(k);
    if (!seen || Date.parse(v.in_at) < Date.parse(seen.in_at)) first.set(k, v);
  }
  const firsts = [...first.values()].filter((v) => inRange.includes(v));
  let keys: string[];
  switch (group_by) {
    case 'day': keys = datesFrom(from, to); break;
    case 'month': keys = monthsFrom(from, to); break;
    case 'hour': keys = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')); break;
    case 'age_band': keys = [...BANDS, ...(inRange.some((v) => keyOf(v) === OTHER) ? [OTHER] : [])]; break;
    case 'grade': keys = [...new Set(inRange.map(keyOf))].sort((a, b) => GRADE_ORDER.indexOf(a) - GRADE_ORDER.indexOf(b)); break;
  }
  const items: StatsItem[] = keys.map((key) => {
    const vs = inRange.filter((v) => keyOf(v) === key);
    const timed = group_by === 'day' || group_by === 'month';
    return {
      key,
      visits: visitsOf(vs).length,
      children: vs.length, // each child present
      adults: adultsOf(vs),
      families: new Set(vs.map((v) => v.kid.family_id)).size,
      first_time_families: timed ? new Set(firsts.filter((v) => keyOf(v) === key).map((v) => v.kid.family_id)).size : 0,
    };
  });
  return {
    from,
    to,
    group_by,
    items,
    total: { visits: visitsOf(inRange).length, children: inRange.length, adults: adultsOf(inRange), families: new Set(inRange.map((v) => v.kid.family_id)).size },
  };
}

/** A plan of the scenario: attend or absent on `date` at `facility_id`, and whether the job raised it. */
export interface PlayedPlan {
  kid: Kid;
  facility_id: string;
  date: string;
  status: 'attend' | 'absent';
  alerted: boolean;
}

/** What GET /stats/plans must answer for `facilityIds`. */
export function expectedPlanStats(plans: PlayedPlan[], visits: Played[], facilityIds: string[], from: string, to: string) {
  return datesFrom(from, to).map((date) => {
    const item = { date, planned: 0, arrived: 0, absent: 0, not_arrived_alerts: 0, unplanned_arrivals: 0 };
    for (const f of facilityIds) {
      const ps = plans.filter((p) => p.facility_id === f && p.date === date);
      const came = new Set(visits.filter((v) => v.facility_id === f && dayOf(v.in_at) === date).map((v) => v.kid.id));
      const attend = ps.filter((p) => p.status === 'attend');
      item.planned += attend.length;
      item.arrived += attend.filter((p) => came.has(p.kid.id)).length;
      item.absent += ps.filter((p) => p.status === 'absent').length;
      item.not_arrived_alerts += ps.filter((p) => p.alerted).length;
      item.unplanned_arrivals += [...came].filter((id) => !attend.some((p) => p.kid.id === id)).length;
    }
    return item;
  });
}

// ---- the monthly report as the contract counts it ----

export interface ReportFacility {
  id: string;
  name: string;
  kind: FacilityKind;
  closes_at: string;
  /** Dates a closure covers. */
  closed: string[];
  /** Children confirmed for the facility's courses, by the courses' first day. */
  courseSeats: Record<string, number>;
  /** Consultations recorded at the facility, by the day they took place. */
  consultations?: Record<string, number>;
}

export type Counts = ReportCounts;
export type DayCounts = Counts & { date: string; open: boolean };
export interface ChildLine { id: string; name: string; name_kana: string | null; grade: string; days: number; extension_minutes: number }
export interface FacilityReport {
  facility: { id: string; name: string; kind: FacilityKind };
  open_days: number;
  days: DayCounts[];
  totals: Counts;
  children: ChildLine[];
}

const zeroCounts = (): Counts => ({
  visits: 0, children: 0, adults: 0, first_time_families: 0, course_participants: 0, consultations: 0,
  bands: Object.fromEntries([...BANDS, OTHER].map((b) => [b, 0])),
  grades: Object.fromEntries([...REPORT_GRADES, OTHER].map((g) => [g, 0])),
  extension_minutes: 0,
});

/** Sums of counts (bands and grades by key). */
export function sumCounts(list: Counts[]): Counts {
  const out = zeroCounts();
  for (const c of list) {
    for (const k of ['visits', 'children', 'adults', 'first_time_families', 'course_participants', 'consultations', 'extension_minutes'] as const) out[k] += c[k];
    for (const [b, n] of Object.entries(c.bands)) out.bands[b] = (out.bands[b] ?? 0) + n;
    for (const [g, n] of Object.entries(c.grades)) out.grades[g] = (out.grades[g] ?? 0) + n;
  }
  return out;
}

/** Minutes `out_at` lies after the facility's closes_at of the visit's day (0 when not after, or not left). */
export function extensionMinutes(v: Played, closes_at: string): number {
  if (!v.out_at) return 0;
  const closing = Date.parse(tokyoAt(dayOf(v.in_at), closes_at));
  return Math.max(0, Math.floor((Date.parse(v.out_at) - closing) / 60_000));
}

/** What GET /reports/monthly must answer for one facility. */
export function expectedFacilityReport(f: ReportFacility, month: string, all: Played[]): FacilityReport {
  const here = all.filter((v) => v.facility_id === f.id);
  const firstOf = new Map<string, Played>();
  for (const v of here) {
    const seen = firstOf.get(v.kid.family_id);
    if (!seen || Date.parse(v.in_at) < Date.parse(seen.in_at)) firstOf.set(v.kid.family_id, v);
  }
  const days: DayCounts[] = datesOfMonth(month).map((date) => {
    const c = zeroCounts();
    const vs = here.filter((v) => dayOf(v.in_at) === date);
    c.visits = visitsOf(vs).length;
    c.children = vs.length;
    c.adults = adultsOf(vs);
    c.first_time_families = [...firstOf.values()].filter((v) => dayOf(v.in_at) === date).length;
    c.course_participants = f.courseSeats[date] ?? 0;
    c.consultations = f.consultations?.[date] ?? 0;
    for (const v of vs) {
      c.bands[ageBand(v.kid.birth_date, date)] += 1;
      c.grades[reportGrade(v.kid.birth_date, date)] += 1;
      c.extension_minutes += extensionMinutes(v, f.closes_at);
    }
    return { date, open: !f.closed.includes(date), ...c };
  });
  const inMonth = here.filter((v) => dayOf(v.in_at).startsWith(`${month}-`));
  const lastDay = datesOfMonth(month).at(-1)!;
  const kids = [...new Map(inMonth.map((v) => [v.kid.id, v.kid])).values()];
  const children: ChildLine[] = f.kind !== 'after_school' ? [] : kids
    .map((k) => {
      const mine = inMonth.filter((v) => v.kid.id === k.id);
      return {
        id: k.id,
        name: k.name,
        name_kana: k.name_kana,
        grade: gradeOn(k.birth_date, lastDay),
        days: new Set(mine.map((v) => dayOf(v.in_at))).size,
        extension_minutes: mine.reduce((s, v) => s + extensionMinutes(v, f.closes_at), 0),
      };
    })
    .sort((a, b) => (a.name_kana < b.name_kana ? -1 : a.name_kana > b.name_kana ? 1 : 0));
  return {
    facility: { id: f.id, name: f.name, kind: f.kind },
    open_days: days.filter((d) => d.open).length,
    days,
    totals: sumCounts(days),
    children,
  };
}

/**
 * The server's counts with bands and grades filled in to every key (a key left out is 0);
 * a key the contract does not name fails.
 */
export function normalizeCounts<T extends Counts>(c: T, where: string): T {
  const bandKeys: string[] = [...BANDS, OTHER];
  const gradeKeys: string[] = [...REPORT_GRADES, OTHER];
  expect(Object.keys(c.bands ?? {}).filter((k) => !bandKeys.includes(k)), `${where}: bands keys`).toEqual([]);
  expect(Object.keys(c.grades ?? {}).filter((k) => !gradeKeys.includes(k)), `${where}: grades keys`).toEqual([]);
  return {
    ...c,
    bands: Object.fromEntries(bandKeys.map((k) => [k, c.bands?.[k] ?? 0])),
    grades: Object.fromEntries(gradeKeys.map((k) => [k, c.grades?.[k] ?? 0])),
  };
}

/** A facility's part of the report with every counts object normalized (see normalizeCounts). */
export function normalizeFacilityReport(r: FacilityReport): FacilityReport {
  return {
    ...r,
    days: r.days.map((d) => normalizeCounts(d, `${r.facility.name} ${d.date}`)),
    totals: normalizeCounts(r.totals, `${r.facility.name} totals`),
  };
}
