// The client's calls of the calendar (行事予定): closures, events and courses (講座), a
// course's applications and waitlist, and the family's calendar subscription, spread into
// createApi's object (api.ts) so that `Api` has them. `call` is createApi's: it unwraps a
// 2xx answer (or one key of it) and throws ApiError otherwise. GET /events answers staff
// and guardians alike; a guardian's entries carry the family's `application`.
import { query } from './api';
import type { CallFn } from './message_api';
import type {
  Application,
  CalendarEvent,
  CourseApplications,
  EventInput,
  EventListParams,
  EventPatch,
} from './types';

const seg = encodeURIComponent;

export function calendarCalls(call: CallFn, baseUrl: string) {
  return {
    // staff
    /** 201 added, 200 with the first entry when client_id was seen before. */
    createEvent: (input: EventInput) => call<CalendarEvent>('POST', '/api/v1/events', input, 'event'),
    /** The fields given change; 409 event_cancelled once cancelled, below_confirmed for a capacity too small. */
    updateEvent: (id: string, patch: EventPatch) =>
      call<CalendarEvent>('PATCH', `/api/v1/events/${seg(id)}`, patch, 'event'),
    /** 中止: the entry stays, as `cancelled`; a course's applicants are told. Again: harmless. */
    cancelEvent: (id: string) => call<void>('DELETE', `/api/v1/events/${seg(id)}`),
    /** A course's applicants: confirmed by time, the waitlist in order. */
    courseApplications: (id: string) =>
      call<CourseApplications>('GET', `/api/v1/events/${seg(id)}/applications`),
    /** The course's attendance list (出席簿), A4 PDF. */
    attendancePdfUrl: (id: string) => `${baseUrl}/api/v1/events/${seg(id)}/attendance.pdf`,

    // staff and guardians
    /** The entries overlapping from..to (default today and 60 days on), by starts_at, cancelled ones included. */
    events: (p: EventListParams = {}) =>
      call<CalendarEvent[]>('GET', `/api/v1/events${query({
        from: p.from, to: p.to, facility_id: p.facility_id, kind: p.kind,
      })}`, undefined, 'items'),
    event: (id: string) => call<CalendarEvent>('GET', `/api/v1/events/${seg(id)}`, undefined, 'event'),
    /** The entry as an iCalendar file of one event (カレンダーに追加). */
    eventIcsUrl: (id: string) => `${baseUrl}/api/v1/events/${seg(id)}/event.ics`,
    /**
     * Applies for a course, one seat a child (guardians for their children, staff by hand):
     * `confirmed`, or `waitlisted` with its position. The same client_id again answers the first.
     */
    applyForCourse: (id: string, child_ids: string[], client_id?: string) =>
      call<Application>('POST', `/api/v1/events/${seg(id)}/applications`, { child_ids, client_id }, 'application'),
    /** Withdraws an application; the freed seats go to the waitlist in order. Again: harmless. */
    cancelApplication: (id: string) => call<void>('DELETE', `/api/v1/applications/${seg(id)}`),

    // guardians
    /** The family's secret calendar subscription link. */
    myCalendarFeed: () => call<string>('GET', '/api/v1/me/calendar', undefined, 'url'),
    /** A new link; the old one stops working. */
    replaceCalendarFeed: () => call<string>('POST', '/api/v1/me/calendar', undefined, 'url'),
  };
}
