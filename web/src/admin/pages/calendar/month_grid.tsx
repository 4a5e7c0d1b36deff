// The month as a grid of weeks (Sunday first): each day's number and its entries, every
// day an entry covers (a closure of three days shows on each). A day with a closure in
// force is marked 休館 and tinted; a cancelled entry stays, struck through, after 中止.
// Each entry links to its page.
import { t } from '../../../shared/i18n';
import { datesCovered, formatDay, weekdayOf, weekdayShort } from '../../../shared/dates';
import type { CalendarEvent } from '../../../shared/types';
import { EventBadges, EventTitle } from '../../../shared/ui/event_parts';
import { Table } from '../../../shared/ui/table';
import { clockTime } from '../../../shared/ui/time';
import { Link } from '../../router';

/** Every date of `days` with the entries covering it, by starts_at. */
function byDate(days: string[], events: CalendarEvent[]): Map<string, CalendarEvent[]> {
  const map = new Map<string, CalendarEvent[]>(days.map((d) => [d, []]));
  for (const e of events) for (const d of datesCovered(e)) map.get(d)?.push(e);
  return map;
}

/** Whether a closure still in force covers the day. */
export const closedOn = (entries: readonly CalendarEvent[]) =>
  entries.some((e) => e.kind === 'closure' && e.status === 'scheduled');

function Entry({ event: e, date }: { event: CalendarEvent; date: string }) {
  // A timed entry says its start on its first day.
  const start = !e.all_day && datesCovered(e)[0] === date ? clockTime(e.starts_at) : '';
  return (
    <li class={e.status === 'cancelled' ? 'cal-entry cal-entry--cancelled' : `cal-entry cal-entry--${e.kind}`}>
      <EventBadges event={e} />{' '}
      {start && <span class="cal-time">{start}</span>}{' '}
      <Link to={`/calendar/${encodeURIComponent(e.id)}`}><EventTitle event={e} /></Link>
    </li>
  );
}

function Day({ date, entries, today }: { date: string; entries: CalendarEvent[]; today: string }) {
  const closed = closedOn(entries);
  const cls = ['cal-day', closed ? 'cal-day--closed' : '', date === today ? 'cal-day--today' : ''].filter(Boolean).join(' ');
  return (
    <div class={cls} data-date={date}>
      <span class="cal-day-n">
        <span aria-hidden="true">{Number(date.slice(8))}</span>
        <span class="visually-hidden">{formatDay(date)}{date === today ? `（${t('cal.today')}）` : ''}</span>
      </span>
      {entries.length > 0 && <ul class="cal-entries">{entries.map((e) => <Entry key={e.id} event={e} date={date} />)}</ul>}
    </div>
  );
}

export function MonthGrid({ days, events, today, labelledBy }: {
  days: string[];
  events: CalendarEvent[];
  today: string;
  labelledBy: string;
}) {
  const entries = byDate(days, events);
  const cells: (string | null)[] = [...Array<null>(weekdayOf(days[0])).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  return (
    <Table class="cal-grid" labelledBy={labelledBy} rows={weeks} rowKey={(week) => week.find(Boolean) ?? ''}
      columns={[0, 1, 2, 3, 4, 5, 6].map((w) => ({
        header: weekdayShort(w), headerClass: w === 0 ? 'cal-sun' : w === 6 ? 'cal-sat' : undefined,
        cell: (week: (string | null)[]) => {
          const date = week[w];
          return date && <Day date={date} entries={entries.get(date) ?? []} today={today} />;
        },
      }))} />
  );
}
