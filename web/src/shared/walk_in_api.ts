// The client's calls of paper visitor forms (利用者票, "walk-ins") of drop-in rooms, spread
// into createApi's object (api.ts) so that `Api` has them. `call` is createApi's: it unwraps
// a 2xx answer (or one key of it) and throws ApiError otherwise. Staff of the room (and
// org_admin); a facility that is not a drop-in room answers 422 not_drop_in.
import { query } from './api';
import type { CallFn } from './message_api';
import type { WalkIn, WalkInInput } from './types';

const seg = encodeURIComponent;

/** The days of GET /facilities/{id}/walk-ins: both "YYYY-MM-DD", inclusive; today when absent; at most 366 days. */
export interface WalkInListParams {
  from?: string;
  to?: string;
}

export function walkInCalls(call: CallFn) {
  return {
    /** The forms of the days, newest visited_at first. */
    walkIns: (facility_id: string, p: WalkInListParams = {}) =>
      call<WalkIn[]>('GET', `/api/v1/facilities/${seg(facility_id)}/walk-ins${query({ from: p.from, to: p.to })}`,
        undefined, 'items'),
    /** 201 stored; 200 with the stored form when client_id was seen before (a double submit stores one). */
    createWalkIn: (facility_id: string, input: WalkInInput) =>
      call<WalkIn>('POST', `/api/v1/facilities/${seg(facility_id)}/walk-ins`, input, 'walk_in'),
    /** Links the form to a family (null: unlinks it). */
    linkWalkIn: (id: string, family_id: string | null) =>
      call<WalkIn>('PATCH', `/api/v1/walk-ins/${seg(id)}`, { family_id }, 'walk_in'),
    /** Deletes a mistyped form (audited); it leaves every statistic. */
    deleteWalkIn: (id: string) => call<void>('DELETE', `/api/v1/walk-ins/${seg(id)}`),
  };
}
