// Calendar dates ("YYYY-MM-DD") and months ("YYYY-MM") computed on the dates themselves,
// with no time zone ("today" comes from the server, in the organization's zone), their
// display in the current language, and the days a calendar entry covers on the
// organization's clock. Used by the admin and the parents' app alike.
import { t, type MessageKey } from './i18n';
import { calendarDate, clockTime } from './ui/time';

const pad = (n: number) => String(n).padStart(2, '0');

export const kMonthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month "YYYY-MM" of a date. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The month `delta` months after `month` ("2027-06", -1 → "2027-05"). */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** The date `delta` days after `date` ("2027-06-30", 1 → "2027-07-01"). */
export function addDays(date: string, delta: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + delta)).toISOString().slice(0, 10);
}

/** Every date of a month, in order. */
export function daysOf(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${pad(i + 1)}`);
}

/** 0 (Sunday) … 6 (Saturday). */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export const weekdayShort = (w: number): string => t(`parent.weekday.${w}` as MessageKey);

/** "6月10日（木）" / "Thu, June 10". */
export function formatDay(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return t('parent.day_format', { month: m, day: d, weekday: weekdayShort(weekdayOf(date)), month_name: monthName(m) });
}

/** "6月17日（木） 17:00" of an RFC 3339 time, on the organization's clock. */
export const formatDayTime = (iso: string): string => `${formatDay(calendarDate(iso))} ${clockTime(iso)}`;

/** "2027年6月" / "June 2027". */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return t('parent.month_format', { year: y, month: m, month_name: monthName(m) });
}

function monthName(m: number): string {
  return t(`parent.month.${m}` as MessageKey);
}

/**
 * The dates an entry from `starts_at` to `ends_at` (RFC 3339 at the organization's offset)
 * overlaps, in order: an end at midnight does not count its day, so an all-day closure of
 * one day covers one date.
 */
export function datesCovered({ starts_at, ends_at }: { starts_at: string; ends_at: string }): string[] {
  const first = calendarDate(starts_at);
  let last = calendarDate(ends_at);
  if (last > first && clockTime(ends_at) === '00:00') last = addDays(last, -1);
  const dates: string[] = [];
  for (let d = first; d <= last && dates.length < 400; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** Completed months of a child born on `birth_date` at `date` (the birthday itself counts). */
export function ageMonthsOn(birth_date: string, date: string): number {
  const [by, bm, bd] = birth_date.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

/**
 * Today in the organization's zone (Asia/Tokyo, no daylight saving time: ./ui/time's
 * kOrgOffset) by this device's clock; where the server's today is known, use that.
 */
export const orgToday = (now: Date = new Date()): string =>
  new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
