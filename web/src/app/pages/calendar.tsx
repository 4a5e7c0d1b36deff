// 行事予定: the coming weeks' closures (休館日, marked), events and courses of the family's
// facilities and of the organization, by start, each a link to its page; a cancelled one
// stays, struck through, marked 中止; a course says the family's application (申込済み,
// キャンセル待ち N 番目). Below them, the calendar subscription (./calendar_feed).
import { t } from '../../shared/i18n';
import { useLoad } from '../../shared/data';
import { errorText } from '../../shared/form';
import { api } from '../../shared/session';
import type { CalendarEvent } from '../../shared/types';
import { EventBadges, EventTitle, eventWhen, placeText } from '../../shared/ui/event_parts';
import { ErrorMessage, Loading } from '../../shared/ui/feedback';
import { PageHead } from '../layout';
import { Link } from '../router';
import { ApplicationBadge } from './calendar_entry';
import { CalendarFeedSection } from './calendar_feed';

function EntryItem({ event: e }: { event: CalendarEvent }) {
  const cls = e.status === 'cancelled' ? 'pa-ev pa-ev--cancelled' : `pa-ev pa-ev--${e.kind}`;
  return (
    <li class={cls}>
      <p class="pa-ev-when">{eventWhen(e)}</p>
      <p class="pa-ev-title">
        <EventBadges event={e} />{' '}
        <Link to={`/calendar/${encodeURIComponent(e.id)}`}><EventTitle event={e} /></Link>
      </p>
      <p class="pa-ev-place">
        {placeText(e)}
        {e.application && e.status === 'scheduled' && <> <ApplicationBadge application={e.application} /></>}
      </p>
    </li>
  );
}

export function CalendarPage() {
  // The server's default: today and the 60 days after it, in the organization's zone.
  const events = useLoad(() => api.events(), []);
  return (
    <>
      <PageHead title={t('cal_app.title')} />
      <section aria-labelledby="cal-coming">
        <h2 id="cal-coming">{t('cal_app.coming')}</h2>
        {events.error !== null && <ErrorMessage>{errorText(events.error)}</ErrorMessage>}
        {events.data === null && events.error === null && <Loading label={t('common.loading')} />}
        {events.data?.length === 0 && <p>{t('cal_app.none')}</p>}
        {events.data && events.data.length > 0 && (
          <ul class="pa-evs">{events.data.map((e) => <EntryItem key={e.id} event={e} />)}</ul>
        )}
      </section>
      <CalendarFeedSection />
    </>
  );
}

/** On the home page: the way to 行事予定, with the next closure when one is coming. */
export function CalendarLink() {
  const closures = useLoad(() => api.events({ kind: 'closure' }), []);
  const next = closures.data?.find((e) => e.status === 'scheduled');
  return (
    <p class="pa-cal-link">
      <Link to="/calendar">{t('cal_app.title')}</Link>
      {next && <span class="pa-cal-next">{t('cal_app.next_closure', { when: eventWhen(next), title: next.title })}</span>}
    </p>
  );
}
