// Calendar dates ("YYYY-MM-DD") and months ("YYYY-MM") of the parents' app, computed on
// the dates themselves (no time zone: "today" comes from the server, in the
// organization's zone), and their display in the current language.
import { t, type MessageKey } from '../shared/i18n';

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

/** "2027年6月" / "June 2027". */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return t('parent.month_format', { year: y, month: m, month_name: monthName(m) });
}

function monthName(m: number): string {
  return t(`parent.month.${m}` as MessageKey);
}
