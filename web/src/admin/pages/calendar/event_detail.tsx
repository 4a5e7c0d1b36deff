// One calendar entry: its kind, time, place and description, and while it is scheduled a
// way to change it and to cancel it (中止, after confirming: a course's applicants are
// told). A course's page also lists its applicants (./course_applicants).
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { monthOf } from '../../../shared/dates';
import { api } from '../../../shared/session';
import { Outcome, useAction } from '../../../shared/action';
import { ConfirmDialog } from '../../../shared/ui/confirm_dialog';
import { CourseFacts, EventBadges, EventTitle, eventWhen, kindLabel, placeText } from '../../../shared/ui/event_parts';
import { Button } from '../../../shared/ui/feedback';
import { MessageText } from '../../../shared/ui/message_text';
import { calendarDate } from '../../../shared/ui/time';
import { useLoad } from '../../data';
import { PageHead } from '../../layout';
import { Link } from '../../router';
import { LoadStatus } from '../../status';
import { CourseApplicants } from './course_applicants';

export function EventDetail({ id }: { id: string }) {
  const loaded = useLoad(() => api.event(id), [id]);
  const action = useAction();
  const [asking, setAsking] = useState(false);
  const e = loaded.data;
  const back = e ? `/calendar?month=${monthOf(calendarDate(e.starts_at))}` : '/calendar';

  const cancel = () => {
    setAsking(false);
    void action.run(async () => {
      await api.cancelEvent(id);
      loaded.reload();
      return t('cal.cancelled_done');
    });
  };

  return (
    <>
      <PageHead title={e ? e.title : t('cal.detail_title')}>
        <Link to={back} class="btn btn--secondary">{t('cal.back')}</Link>
        {e?.status === 'scheduled' && (
          <>
            <Link to={`/calendar/${encodeURIComponent(id)}/edit`} class="btn btn--secondary">{t('common.edit')}</Link>
            <Button variant="danger" busy={!!action.busy} onClick={() => setAsking(true)}>{t('cal.cancel')}</Button>
          </>
        )}
      </PageHead>
      <Outcome of={action} />
      <LoadStatus loaded={loaded} />
      {e && (
        <section class="card" aria-labelledby="event-title">
          <h2 id="event-title"><EventBadges event={e} /> <EventTitle event={e} /></h2>
          <dl class="facts">
            <dt>{t('cal.kind')}</dt><dd>{kindLabel(e.kind)}</dd>
            <dt>{t('cal.col_when')}</dt><dd>{eventWhen(e)}</dd>
            <dt>{t('cal.facility')}</dt><dd>{placeText(e)}</dd>
            <dt>{t('cal.status')}</dt><dd>{t(e.status === 'cancelled' ? 'cal.cancelled' : 'cal.scheduled')}</dd>
            {e.kind === 'course' && <CourseFacts event={e} />}
          </dl>
          {e.description && <MessageText text={e.description} />}
        </section>
      )}
      {e?.kind === 'course' && <CourseApplicants event={e} onChange={loaded.reload} />}
      {asking && e && (
        <ConfirmDialog title={t('cal.cancel_confirm_title', { title: e.title })}
          text={t(e.kind === 'course' ? 'cal.cancel_confirm_course' : 'cal.cancel_confirm_text')}
          confirm={t('cal.cancel')} busy={!!action.busy} onConfirm={cancel} onClose={() => setAsking(false)} />
      )}
    </>
  );
}
