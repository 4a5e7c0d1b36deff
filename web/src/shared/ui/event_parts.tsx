// How a calendar entry (行事予定) is said in the admin and the parents' app alike: its kind
// as a badge (休館 stands out), 中止 once cancelled, when it runs on the organization's clock
// ("6月14日（月）終日", "6月20日（日）10:00〜11:30"), a course's ages in years and months,
// its seats and its application deadline. Styles in ./calendar.css.
import { t, type MessageKey } from '../i18n';
import type { AgeMonths, CalendarEvent, EventKind } from '../types';
import { datesCovered, formatDay, formatDayTime } from '../dates';
import { calendarDate, clockTime } from './time';
import './calendar.css';

export const kEventKinds: readonly EventKind[] = ['closure', 'event', 'course'];

export const kindLabel = (kind: EventKind) => t(`cal.kind.${kind}` as MessageKey);

/** 休館 / 行事 / 講座 as a badge; 中止 after it when cancelled. */
export function EventBadges({ event: e }: { event: Pick<CalendarEvent, 'kind' | 'status'> }) {
  return (
    <>
      <span class={`badge badge--ev-${e.kind}`}>{t(`cal.badge.${e.kind}` as MessageKey)}</span>
      {e.status === 'cancelled' && <> <span class="badge badge--ev-cancelled">{t('cal.cancelled')}</span></>}
    </>
  );
}

/** The entry's title, struck through when cancelled (中止 is said by EventBadges). */
export function EventTitle({ event: e }: { event: Pick<CalendarEvent, 'title' | 'status'> }) {
  return e.status === 'cancelled' ? <s>{e.title}</s> : <>{e.title}</>;
}

/** When the entry runs: "6月14日（月） 終日", "6月14日（月）〜6月15日（火） 終日", "6月20日（日） 10:00〜11:30". */
export function eventWhen(e: Pick<CalendarEvent, 'starts_at' | 'ends_at' | 'all_day'>): string {
  if (e.all_day) {
    const dates = datesCovered(e);
    const first = formatDay(dates[0]);
    const days = dates.length > 1 ? t('cal.range', { from: first, to: formatDay(dates[dates.length - 1]) }) : first;
    return t('cal.all_day_on', { days });
  }
  const start = calendarDate(e.starts_at);
  const end = calendarDate(e.ends_at);
  const to = end === start ? clockTime(e.ends_at) : formatDayTime(e.ends_at);
  return t('cal.range', { from: formatDayTime(e.starts_at), to });
}

/** "6歳0か月" of a number of months. */
export const ageText = (months: number) => t('child.age_value', { years: Math.floor(months / 12), months: months % 12 });

/** A course's ages: "6歳0か月〜9歳11か月", "6歳0か月から", "9歳11か月まで"; "" for any age. */
export function ageRangeText(age: AgeMonths | null | undefined): string {
  const min = age?.min;
  const max = age?.max;
  if (min !== undefined && max !== undefined) return t('cal.range', { from: ageText(min), to: ageText(max) });
  if (min !== undefined) return t('cal.age_from', { age: ageText(min) });
  if (max !== undefined) return t('cal.age_until', { age: ageText(max) });
  return '';
}

/** A course's seats: "定員 12（確定 3・キャンセル待ち 1）"; without a capacity "定員なし（確定 3）". */
export function seatsText(e: Pick<CalendarEvent, 'capacity' | 'seats_taken' | 'waitlisted'>): string {
  const taken = e.waitlisted > 0
    ? t('cal.seats_taken_waiting', { taken: e.seats_taken, waiting: e.waitlisted })
    : t('cal.seats_taken', { taken: e.seats_taken });
  return e.capacity === null ? t('cal.seats_unlimited', { taken }) : t('cal.seats', { capacity: e.capacity, taken });
}

/** The facility of the entry, or 全施設 for the organization's own. */
export const placeText = (e: Pick<CalendarEvent, 'facility_name'>) => e.facility_name ?? t('cal.whole_org');

/** The facts of a course (ages, seats, deadline), as <dt>/<dd> pairs of a .facts list. */
export function CourseFacts({ event: e }: { event: CalendarEvent }) {
  const ages = ageRangeText(e.age_months);
  return (
    <>
      <dt>{t('cal.ages')}</dt><dd>{ages || t('cal.any_age')}</dd>
      <dt>{t('cal.capacity')}</dt><dd>{seatsText(e)}</dd>
      <dt>{t('cal.apply_until')}</dt>
      <dd>{e.apply_until ? formatDayTime(e.apply_until) : t('cal.apply_until_start')}</dd>
    </>
  );
}
