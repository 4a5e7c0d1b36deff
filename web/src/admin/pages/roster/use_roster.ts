// The roster of one facility on one day, kept fresh (../../../shared/fresh): fetched at
// once, again on every live event that concerns it (roster, stamp, plan), when the page
// becomes visible, and every kPollMs while the live stream is not open.
import { useFresh, type Fresh } from '../../../shared/fresh';
import type { LiveEvent } from '../../../shared/live';
import type { Roster } from '../../../shared/types';
import { calendarDate } from '../../../shared/ui/time';
import { api } from '../../../shared/session';

/** How often the admin's live pages poll while the stream is not open. */
export const kPollMs = 5_000;

/** Whether `event` may change the roster of facility_id on `date` (null: not known yet). */
export function concernsRoster(event: LiveEvent, facility_id: string, date: string | null): boolean {
  switch (event.type) {
    case 'roster':
      return event.facility_id === facility_id && (date === null || event.date === date);
    case 'stamp': {
      const v = event.visit;
      if (!v || v.facility_id !== facility_id) return false;
      if (date === null) return true;
      return calendarDate(v.in_at) === date || (!!v.out_at && calendarDate(v.out_at) === date);
    }
    case 'plan':
      return date === null || event.date === date;
    default:
      return false;
  }
}

/** The roster of facility_id on `date` (null: the organization's today). */
export function useRoster(facility_id: string, date: string | null): Fresh<Roster> {
  return useFresh(
    `${facility_id}/${date ?? 'today'}`,
    () => api.roster(facility_id, date ?? undefined),
    (event, shown) => concernsRoster(event, facility_id, shown?.date ?? date),
    { poll_ms: kPollMs },
  );
}
