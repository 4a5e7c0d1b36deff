// The 利用者票 form as typed (a draft of text fields) and what it sends: readDraft() turns
// the draft into the body of POST /facilities/{id}/walk-ins, or names the problem of each
// control it cannot read; controlOf() names the control a server field error belongs to.
// Pure: the page keeps the state, says the problems (message keys) and sends the body.
import type { MessageKey } from '../../../shared/i18n';
import type { WalkInChildInput, WalkInInput } from '../../../shared/types';
import { readChildAge, type ChildAge } from './child_age';

export interface WalkInDraft {
  /** "YYYY-MM-DD", the visit's day (kept from one form to the next). */
  date: string;
  /** The time as typed: "10:30", "1030", "10時30分". */
  time: string;
  /** The number of adults as typed. */
  adults: string;
  /** One text a child row (child_age.ts); an empty row is left out. */
  children: string[];
  area: string;
  /** The family the visit is linked to, if any. */
  family: { id: string; name: string } | null;
}

/** The API's bounds. */
export const kMaxChildren = 20;
export const kMaxAdults = 20;
export const kMaxArea = 50;

/** A fresh form on `date`: one adult, one empty child row. */
export function emptyDraft(date: string): WalkInDraft {
  return { date, time: '', adults: '1', children: [''], area: '', family: null };
}

const plain = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').replace(/。/g, '.');
const pad2 = (n: number) => String(n).padStart(2, '0');

/** "HH:MM" of a time typed as "10:30", "10.30", "1030", "930", "10時30分", "10時" or "10"; null otherwise. */
export function readClockTime(text: string): string | null {
  const s = plain(text);
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(s) ?? /^(\d{1,2})(\d{2})$/.exec(s) ??
    /^(\d{1,2})時(?:(\d{1,2})分?)?$/.exec(s) ?? /^(\d{1,2})()$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] ? Number(m[2]) : 0;
  return h <= 23 && min <= 59 ? `${pad2(h)}:${pad2(min)}` : null;
}

/** The number of adults typed ("2", "２", "2人"), 0..kMaxAdults; null otherwise. */
export function readAdults(text: string): number | null {
  const m = /^(\d{1,2})人?$/.exec(plain(text));
  const n = m ? Number(m[1]) : NaN;
  return n >= 0 && n <= kMaxAdults ? n : null;
}

/** The name of a child row's control (the server's `children[i]` names the i-th child sent). */
export const childControl = (row: number) => `children[${row}]`;

export type DraftReading =
  | {
      ok: true;
      input: Omit<WalkInInput, 'client_id'>;
      /** rows[i]: the row of the i-th child sent. */
      rows: number[];
    }
  | { ok: false; problems: Record<string, MessageKey> };

/** The body of the draft at the organization's UTC offset ("+09:00"), or each control's problem. */
export function readDraft(draft: WalkInDraft, offset: string): DraftReading {
  const problems: Record<string, MessageKey> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) problems.date = 'walk_in.date_missing';
  const time = readClockTime(draft.time);
  if (!time) problems.time = draft.time.trim() ? 'walk_in.time_invalid' : 'walk_in.time_missing';
  const adults = readAdults(draft.adults);
  if (adults === null) problems.adults = 'walk_in.adults_invalid';
  const children: ChildAge[] = [];
  const rows: number[] = [];
  draft.children.forEach((text, row) => {
    const reading = readChildAge(text);
    if (reading.kind === 'empty') return;
    if (reading.kind === 'problem') problems[childControl(row)] = `walk_in.problem.${reading.problem}`;
    else {
      children.push(reading);
      rows.push(row);
    }
  });
  const area = draft.area.trim();
  if (area.length > kMaxArea) problems.area = 'walk_in.area_too_long';
  if (Object.keys(problems).length > 0 || !time || adults === null) return { ok: false, problems };
  return {
    ok: true,
    rows,
    input: {
      visited_at: `${draft.date}T${time}:00${offset}`,
      adults,
      children: children.map(wireChild),
      ...(area ? { area } : {}),
      ...(draft.family ? { family_id: draft.family.id } : {}),
    },
  };
}

/** A child as the API takes it: exactly one of birth_date, age_months, grade. */
function wireChild(age: ChildAge): WalkInChildInput {
  switch (age.kind) {
    case 'birth_date':
      return { birth_date: age.birth_date };
    case 'age_months':
      return { age_months: age.age_months };
    case 'grade':
      return { grade: age.grade };
  }
}

/**
 * The control a server field error names: `visited_at` is the time's, `children[i]` and
 * `children[i].birth_date` the row of the i-th child sent (`rows`), any other the control of
 * that name (adults, area, family_id).
 */
export function controlOf(server_name: string, rows: readonly number[]): string {
  if (server_name === 'visited_at') return 'time';
  if (server_name === 'children') return childControl(rows[0] ?? 0);
  const m = /^children\[(\d+)\]/.exec(server_name);
  if (m) return childControl(rows[Number(m[1])] ?? 0);
  return server_name;
}

/** "YYYY-MM-DD" of the instant `now` on the wall clock of `offset` ("+09:00"). */
export function dateAt(offset: string, now: number = Date.now()): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(now + minutes * 60_000).toISOString().slice(0, 10);
}

/** The day `days` before `date` ("YYYY-MM-DD"). */
export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
