// What the plans page loads beside the month's plans: the facility as a guardian reads it
// (its hours and plan deadline, ./plan_facility) and the child's plan with times changed
// last at that facility (from 120 days back to 240 ahead of today), which a new plan's
// times start from. Both null while loading or when they cannot be had: the form then
// does without them.
import type { Plan } from '../shared/types';
import { useLoad } from '../shared/data';
import { api } from '../shared/session';
import { addDays } from './dates';
import { lastPlanWithTimes, type PlanFacility } from './plan_facility';

export function usePlanFacility(facility_id: string): PlanFacility | null {
  const loaded = useLoad<PlanFacility | null>(
    () => (facility_id ? api.getFacility(facility_id) : Promise.resolve(null)), [facility_id]);
  return loaded.data;
}

/** The last plan with times, and reload() after a save. */
export function useLastPlan(child_id: string, facility_id: string, today: string): { last: Plan | null; reload: () => void } {
  const loaded = useLoad(
    () => (facility_id
      ? api.listPlans(child_id, { from: addDays(today, -120), to: addDays(today, 240), facility_id })
      : Promise.resolve([])),
    [child_id, facility_id, today],
  );
  return { last: loaded.data ? lastPlanWithTimes(loaded.data) : null, reload: loaded.reload };
}
