// The small pieces the statistics page shares: the dates a month or a range of months
// covers, the labels of days, months and age bands in the current language, and the
// colours of the chart series (each at least 3:1 against white, WCAG 1.4.11).
import { daysOf, formatDay, formatMonth } from '../../../shared/dates';
import { t, type MessageKey } from '../../../shared/i18n';

/** The first and last dates of the months `from`..`to` ("2027-06" → "2027-06-01", "2027-06-30"). */
export function datesOfMonths(from: string, to: string): { from: string; to: string } {
  const last = daysOf(to);
  return { from: `${from}-01`, to: last[last.length - 1] };
}

/** Months from `from` to `to`, counting both ("2026-07", "2027-06" → 12; 0 when to is before from). */
export function monthsBetween(from: string, to: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return Math.max(0, index(to) - index(from) + 1);
}

/** The chart's label of a date: its day of the month ("2027-06-05" → "5"). */
export const dayTick = (date: string): string => String(Number(date.slice(8, 10)));

/** The chart's label of a month ("2027-06" → "6月" / "June"). */
export const monthTick = (month: string): string => t(`parent.month.${Number(month.slice(5, 7))}` as MessageKey);

/** A date in full for the data tables ("6月5日（土）"). */
export const dayLabel = (date: string): string => formatDay(date);

/** A month in full for the data tables ("2027年6月"). */
export const monthLabel = (month: string): string => formatMonth(month);

const kBandKeys: Record<string, MessageKey> = {
  '0歳': 'stats.band.age0',
  '1歳': 'stats.band.age1',
  '2歳': 'stats.band.age2',
  '3歳以上未就学': 'stats.band.preschool',
  小学生: 'stats.band.elementary',
  中学生: 'stats.band.junior_high',
  その他: 'stats.band.other',
};

/** An age band as the server names it (0歳 … 中学生, その他) in the current language. */
export function bandLabel(band: string): string {
  const key = kBandKeys[band];
  return key ? t(key) : band;
}

const kBandTicks: Record<string, MessageKey> = {
  '3歳以上未就学': 'stats.band_tick.preschool',
  小学生: 'stats.band_tick.elementary',
  中学生: 'stats.band_tick.junior_high',
};

/** The chart's label of an age band: short, on two lines where it is long. */
export function bandTick(band: string): string {
  const key = kBandTicks[band];
  return key ? t(key) : bandLabel(band);
}

/** The series' colours: blue, orange, green, red; on white they contrast about 6.9, 5.3, 7.2 and 7.8 to 1. */
export const kColors = { blue: '#0a5aa8', orange: '#a85400', green: '#11652e', red: '#a3161c' } as const;

/** The sum of `pick` over `rows`. */
export function sumOf<R>(rows: readonly R[], pick: (row: R) => number): number {
  return rows.reduce((n, row) => n + pick(row), 0);
}
