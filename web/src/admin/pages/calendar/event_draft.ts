// A calendar entry as its form edits it, and the way between that draft and the API: an
// all-day entry runs from 00:00 of its first day to 00:00 of the day after its last
// (the organization's wall clock), a timed one between two datetime-local values; a
// course's ages are typed as years and months and sent in months.
import { addDays, datesCovered } from '../../../shared/dates';
import type { AgeMonths, CalendarEvent, EventInput, EventKind, EventPatch, MessageChannel } from '../../../shared/types';
import { calendarDate, clockTime, kOrgOffset, orgTimeOf } from '../../../shared/ui/time';

export interface AgeDraft {
  years: string;
  months: string;
}

export interface EventDraft {
  kind: EventKind;
  /** '' — every facility of the organization. */
  facility_id: string;
  title: string;
  description: string;
  all_day: boolean;
  /** All day: the first and the last day ("YYYY-MM-DD"; the last may be left empty for one day). */
  start_date: string;
  end_date: string;
  /** Timed: datetime-local values ("2027-06-20T10:00"). */
  starts_at: string;
  ends_at: string;
  capacity: string;
  age_min: AgeDraft;
  age_max: AgeDraft;
  apply_until: string;
  announce: boolean;
  channels: MessageChannel[];
}

const kNoAge: AgeDraft = { years: '', months: '' };

export function emptyDraft(facility_id: string, channels: readonly MessageChannel[]): EventDraft {
  return {
    kind: 'closure', facility_id, title: '', description: '', all_day: true,
    start_date: '', end_date: '', starts_at: '', ends_at: '',
    capacity: '', age_min: kNoAge, age_max: kNoAge, apply_until: '', announce: false, channels: [...channels],
  };
}

const localOf = (iso: string | null) => (iso ? `${calendarDate(iso)}T${clockTime(iso)}` : '');

/** A course's own deadline: null when it takes applications until it starts (the server then answers the start). */
const ownDeadline = (e: CalendarEvent) =>
  e.apply_until && Date.parse(e.apply_until) !== Date.parse(e.starts_at) ? e.apply_until : null;

function ageDraftOf(months: number | undefined): AgeDraft {
  return months === undefined ? kNoAge : { years: String(Math.floor(months / 12)), months: String(months % 12) };
}

/** The draft of a stored entry (to edit it). */
export function draftOf(e: CalendarEvent): EventDraft {
  const dates = datesCovered(e);
  return {
    kind: e.kind, facility_id: e.facility_id ?? '', title: e.title, description: e.description, all_day: e.all_day,
    start_date: dates[0], end_date: dates.length > 1 ? dates[dates.length - 1] : '',
    starts_at: localOf(e.starts_at), ends_at: localOf(e.ends_at),
    capacity: e.capacity === null ? '' : String(e.capacity),
    age_min: ageDraftOf(e.age_months?.min), age_max: ageDraftOf(e.age_months?.max),
    apply_until: localOf(ownDeadline(e)), announce: false, channels: [],
  };
}

const midnight = (date: string) => `${date}T00:00:00${kOrgOffset}`;

/** starts_at and ends_at of the draft; a value left empty stays undefined (the server says it is required). */
function times(d: EventDraft): { starts_at?: string; ends_at?: string } {
  if (!d.all_day) return { starts_at: orgTimeOf(d.starts_at), ends_at: orgTimeOf(d.ends_at) };
  const last = d.end_date || d.start_date;
  return { starts_at: d.start_date ? midnight(d.start_date) : undefined, ends_at: last ? midnight(addDays(last, 1)) : undefined };
}

/** Months of years + months as typed; undefined when both are empty (NaN, refused by the server, when not numbers). */
function months(a: AgeDraft): number | undefined {
  if (a.years.trim() === '' && a.months.trim() === '') return undefined;
  return Number(a.years || 0) * 12 + Number(a.months || 0);
}

function ageMonthsOf(d: EventDraft): AgeMonths | undefined {
  const min = months(d.age_min);
  const max = months(d.age_max);
  if (min === undefined && max === undefined) return undefined;
  return { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
}

const capacityOf = (d: EventDraft) => (d.capacity.trim() === '' ? undefined : Number(d.capacity));

/** POST /events of a new entry. */
export function inputOf(d: EventDraft, client_id: string): EventInput {
  const input = { kind: d.kind, title: d.title.trim(), ...times(d), client_id } as EventInput;
  if (d.facility_id) input.facility_id = d.facility_id;
  if (d.description.trim()) input.description = d.description;
  if (d.kind === 'course') {
    const capacity = capacityOf(d);
    const age_months = ageMonthsOf(d);
    const apply_until = orgTimeOf(d.apply_until);
    if (capacity !== undefined) input.capacity = capacity;
    if (age_months) input.age_months = age_months;
    if (apply_until) input.apply_until = apply_until;
  }
  if (d.announce) input.announce = { channels: d.channels };
  return input;
}

/** PATCH /events/{id}: what the draft changed of `was` (a course's emptied fields as null). */
export function patchOf(d: EventDraft, was: CalendarEvent): EventPatch {
  const patch: EventPatch = {};
  const next = times(d);
  if (d.title.trim() !== was.title) patch.title = d.title.trim();
  if (d.description !== was.description) patch.description = d.description;
  if (next.starts_at === undefined || Date.parse(next.starts_at) !== Date.parse(was.starts_at)) patch.starts_at = next.starts_at;
  if (next.ends_at === undefined || Date.parse(next.ends_at) !== Date.parse(was.ends_at)) patch.ends_at = next.ends_at;
  if (was.kind === 'course') {
    const capacity = capacityOf(d) ?? null;
    const age_months = ageMonthsOf(d) ?? null;
    const apply_until = orgTimeOf(d.apply_until) ?? null;
    if (capacity !== was.capacity) patch.capacity = capacity;
    if (JSON.stringify(age_months) !== JSON.stringify(was.age_months ?? null)) patch.age_months = age_months;
    const had = ownDeadline(was);
    if ((apply_until && Date.parse(apply_until)) !== (had && Date.parse(had))) patch.apply_until = apply_until;
  }
  return patch;
}
