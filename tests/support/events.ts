// Builders of calendar entries (行事予定) for the tests: an all-day closure (休館日) from
// midnight to midnight in Tokyo, a course (講座) with its seats and ages, and the
// organization's wall clock as RFC 3339.
import type { EventInput } from '../../web/src/shared/types';
import { addDate } from './calendar';

/** "2027-06-20T10:00:00+09:00": a wall-clock time of a Tokyo organization. */
export const tokyoAt = (date: string, hhmm = '00:00'): string => `${date}T${hhmm}:00+09:00`;

/** From 00:00 of `date` to 00:00 of the day after its last day (`days` long), Tokyo time. */
export function allDay(date: string, days = 1): Pick<EventInput, 'starts_at' | 'ends_at'> {
  return { starts_at: tokyoAt(date), ends_at: tokyoAt(addDate(date, { days })) };
}

/** A closure of `facility_id` on `date` (and the `days - 1` after it). */
export function closureInput(facility_id: string, date: string, title = '臨時休館', days = 1): EventInput {
  return { facility_id, kind: 'closure', title, ...allDay(date, days) };
}

/** A course of `facility_id` on `date` from `from` to `to` (Tokyo time); `over` adds seats, ages, a deadline. */
export function courseInput(facility_id: string, date: string, over: Partial<EventInput> = {}, from = '10:00', to = '11:30'): EventInput {
  return {
    facility_id, kind: 'course', title: 'こども講座', starts_at: tokyoAt(date, from), ends_at: tokyoAt(date, to), ...over,
  };
}
