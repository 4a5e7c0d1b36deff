// アンケート in the parents' app: the open surveys first (those not answered yet before the
// answered ones, the soonest to close first, each marked 未回答 or 回答済み), then the closed
// ones, newest first, older ones on demand. Each opens its page. A survey's notification
// arriving live reloads the lists.
import { t } from '../../shared/i18n';
import { fetchAll, useLoad, usePaged } from '../../shared/data';
import { errorText } from '../../shared/form';
import { useLiveEvents } from '../../shared/live';
import type { FamilySurvey } from '../../shared/types';
import { Button, ErrorMessage, Loading } from '../../shared/ui/feedback';
import { formatDayTime } from '../dates';
import { PageHead } from '../layout';
import { Link } from '../router';
import { api } from '../../shared/session';

const kPageSize = 20;
const kMaxOpenPages = 5;

/** Not answered first, then the soonest to close. */
const byUrgency = (a: FamilySurvey, b: FamilySurvey) =>
  Number(a.answered) - Number(b.answered) || Date.parse(a.closes_at) - Date.parse(b.closes_at);

export function SurveysPage() {
  const open = useLoad(() => fetchAll((cursor) => api.mySurveys({ open: 'true', limit: 100, cursor }), kMaxOpenPages), []);
  const all = usePaged((cursor) => api.mySurveys({ limit: kPageSize, cursor: cursor ?? undefined }), []);
  useLiveEvents((e) => {
    if ((e.type === 'notification' && e.notification.kind === 'survey') || e.type === 'push') {
      open.reload();
      all.first.reload();
    }
  });
  const opened = open.data ? [...open.data].sort(byUrgency) : null;
  const closed = all.items?.filter((s) => s.status === 'closed') ?? null;
  const error = open.error ?? all.first.error;
  return (
    <>
      <PageHead title={t('survey.app_title')} />
      {error !== null && <ErrorMessage>{errorText(error)}</ErrorMessage>}
      {(opened === null || closed === null) && error === null && <Loading label={t('common.loading')} />}
      {opened && (
        <section aria-labelledby="surveys-open">
          <h2 id="surveys-open">{t('survey.app_open')}</h2>
          {opened.length === 0 ? <p>{t('survey.app_none_open')}</p> : <SurveyItems items={opened} />}
        </section>
      )}
      {closed && closed.length > 0 && (
        <section aria-labelledby="surveys-closed">
          <h2 id="surveys-closed">{t('survey.app_closed')}</h2>
          <SurveyItems items={closed} />
        </section>
      )}
      <ErrorMessage>{all.more_error ? errorText(all.more_error) : ''}</ErrorMessage>
      {all.loadMore && (
        <div class="actions">
          <Button variant="secondary" onClick={() => void all.loadMore?.()}>{t('common.more')}</Button>
        </div>
      )}
    </>
  );
}

function SurveyItems({ items }: { items: FamilySurvey[] }) {
  return (
    <ul class="pa-inbox" aria-label={t('survey.list_label', { n: items.length })}>
      {items.map((s) => <SurveyItem key={s.id} survey={s} />)}
    </ul>
  );
}

function SurveyItem({ survey: s }: { survey: FamilySurvey }) {
  const to_answer = s.status === 'open' && !s.answered;
  const [badge, word] = s.status === 'closed' ? ['badge--unplanned', t('survey.status.closed')]
    : s.answered ? ['badge--present', t('survey.answered')]
    : ['badge--unread', t('survey.unanswered')];
  return (
    <li class={to_answer ? 'pa-note pa-note--unread' : 'pa-note'}>
      <p class="pa-note-head">
        <span class={`badge ${badge}`} aria-hidden="true">{word}</span>
        <Link to={`/surveys/${encodeURIComponent(s.id)}`} class="pa-note-title">
          {s.title}
          <span class="visually-hidden">{t('survey.state_sr', { state: word })}</span>
        </Link>
      </p>
      <p class="meta">
        {t('survey.closes_at_label', { time: formatDayTime(s.closes_at) })}・{s.sender.name}
      </p>
    </li>
  );
}
