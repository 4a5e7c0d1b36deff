// What the plans pages know of a facility and reckon from it: GET /facilities/{id} answers
// a guardian the facility's opening hours and plan deadline (FamilyFacility); the deadline
// of each day's plan (the day minus plan_deadline_days, at plan_deadline_time, on the
// organization's clock — a change after it reaches staff marked 締切後); and the times a
// new plan starts from: the day's stored plan, else the child's last plan (the one changed
// last), else the facility's opening hours.
import type { Facility, Plan } from '../shared/types';
import { kOrgOffset } from '../shared/ui/time';
import { addDays } from './dates';

/** A facility as a guardian reads it (FamilyFacility of docs/openapi.yaml). */
export type PlanFacility = Pick<Facility,
  'id' | 'name' | 'kind' | 'opens_at' | 'closes_at' | 'plan_deadline_days' | 'plan_deadline_time'>;

export interface DayDeadline {
  /** The day of the plan ("2027-07-10"). */
  date: string;
  /** The last day of changes ("2027-07-09") and the time on it ("17:00"). */
  by_date: string;
  by_time: string;
  /** The deadline has passed at `now`: a change now is late (締切後). */
  past: boolean;
}

/** The deadline of `date`'s plan at `facility`, and whether it passed at `now`. */
export function dayDeadline(date: string, facility: Pick<PlanFacility, 'plan_deadline_days' | 'plan_deadline_time'>, now: Date): DayDeadline {
  const by_date = addDays(date, -facility.plan_deadline_days);
  const by_time = facility.plan_deadline_time;
  const at = Date.parse(`${by_date}T${by_time}:00${kOrgOffset}`);
  return { date, by_date, by_time, past: now.getTime() > at };
}

export type TimesSource = 'stored' | 'last' | 'facility' | 'none';

export interface PrefilledTimes {
  arrive_at: string;
  leave_at: string;
  source: TimesSource;
}

const hasTimes = (p: Plan | undefined | null): p is Plan => !!p && p.status === 'attend' && !!(p.arrive_at || p.leave_at);

/** Of `plans`, the attend plan with times changed last (the later day on a tie); null if none. */
export function lastPlanWithTimes(plans: readonly Plan[]): Plan | null {
  let last: Plan | null = null;
  for (const p of plans) {
    if (!hasTimes(p)) continue;
    const d = last ? Date.parse(p.updated_at) - Date.parse(last.updated_at) : 1;
    if (d > 0 || (d === 0 && p.date > last!.date)) last = p;
  }
  return last;
}

/** The times a plan form starts from: `stored` (the day's plan), else `last`, else the facility's hours. */
export function prefilledTimes(stored: Plan | undefined, last: Plan | null, facility: PlanFacility | null): PrefilledTimes {
  if (hasTimes(stored)) return { arrive_at: stored.arrive_at ?? '', leave_at: stored.leave_at ?? '', source: 'stored' };
  if (hasTimes(last)) return { arrive_at: last.arrive_at ?? '', leave_at: last.leave_at ?? '', source: 'last' };
  if (facility) return { arrive_at: facility.opens_at, leave_at: facility.closes_at, source: 'facility' };
  return { arrive_at: '', leave_at: '', source: 'none' };
}
