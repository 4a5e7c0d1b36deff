// The month's entries as a list, by start: when, what kind (休館 / 行事 / 講座, 中止), the
// title (a link to its page), where, and a course's seats.
import { t } from '../../../shared/i18n';
import type { CalendarEvent } from '../../../shared/types';
import { EventBadges, EventTitle, eventWhen, placeText, seatsText } from '../../../shared/ui/event_parts';
import { Table } from '../../../shared/ui/table';
import { Link } from '../../router';

export function EventTable({ events, labelledBy }: { events: CalendarEvent[]; labelledBy: string }) {
  return (
    <Table labelledBy={labelledBy} rows={events} rowKey={(e) => e.id} empty={t('cal.none')}
      rowClass={(e) => (e.status === 'cancelled' ? 'cal-row--cancelled' : undefined)}
      columns={[
        {
          header: t('cal.col_title'), rowHeader: true,
          cell: (e) => <Link to={`/calendar/${encodeURIComponent(e.id)}`}><EventTitle event={e} /></Link>,
        },
        { header: t('cal.col_when'), cell: eventWhen },
        { header: t('cal.col_kind'), class: 'nowrap', cell: (e) => <EventBadges event={e} /> },
        { header: t('cal.col_place'), cell: placeText },
        { header: t('cal.col_seats'), cell: (e) => (e.kind === 'course' ? seatsText(e) : '—') },
      ]} />
  );
}
