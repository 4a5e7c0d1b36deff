// One notification: what was sent to whom on which channel, its status and attempts,
// and the history of its delivery attempts (when, result, detail). A dead notification
// can be sent again from here. The server's delivery texts are said in the staff's
// language (./notification_error).
import { t } from '../../shared/i18n';
import { api } from '../../shared/session';
import { Outcome, useAction } from '../../shared/action';
import { Button } from '../../shared/ui/feedback';
import { Table } from '../../shared/ui/table';
import { useFacilities, useLoad } from '../data';
import { PageHead } from '../layout';
import { Link } from '../router';
import { LoadStatus } from '../status';
import { NotificationError } from './notification_error';
import { valueLabel } from './notification_list';
import { shortDateTime } from './roster/roster_row';

/** A history entry's result (delivered, dead, cancelled, or retry after a failure). */
function resultLabel(result: string): string {
  const status = valueLabel('notifications.status', result);
  return status !== result ? status : valueLabel('notifications.result', result);
}

/** "11/21 15:00:03": attempts follow each other within seconds. */
function withSeconds(iso: string): string {
  const m = /T\d{2}:\d{2}:(\d{2})/.exec(iso);
  return m ? `${shortDateTime(iso)}:${m[1]}` : shortDateTime(iso);
}

export function NotificationDetail({ id }: { id: string }) {
  const loaded = useLoad(() => api.staffNotification(id), [id]);
  const facilities = useFacilities();
  const action = useAction();
  const n = loaded.data;

  const retry = () =>
    action.run(async () => {
      await api.retryNotification(id);
      loaded.reload();
      return t('notifications.retried', { guardian: n?.guardian.name ?? '' });
    });

  return (
    <>
      <PageHead title={t('notifications.detail_title')}>
        <Link to="/notifications" class="btn btn--secondary">{t('notifications.back')}</Link>
      </PageHead>
      <Outcome of={action} />
      <LoadStatus loaded={loaded} />
      {n && (
        <>
          <section class="card" aria-labelledby="notification-summary">
            <h2 id="notification-summary">{t('notifications.summary')}</h2>
            <dl class="facts">
              <dt>{t('notifications.kind')}</dt><dd>{valueLabel('notifications.kind', n.kind)}</dd>
              <dt>{t('notifications.child')}</dt><dd>{n.child_name ?? '—'}</dd>
              <dt>{t('notifications.facility')}</dt>
              <dd>{(n.facility_id && facilities.data?.find((f) => f.id === n.facility_id)?.name) || '—'}</dd>
              <dt>{t('notifications.guardian')}</dt><dd>{n.guardian.name}</dd>
              <dt>{t('notifications.channel')}</dt><dd>{valueLabel('notifications.channel', n.channel)}</dd>
              <dt>{t('notifications.status')}</dt>
              <dd><span class={`badge badge--n-${n.status}`}>{valueLabel('notifications.status', n.status)}</span></dd>
              <dt>{t('notifications.attempts')}</dt><dd>{n.attempts}</dd>
              <dt>{t('notifications.created_at')}</dt><dd>{shortDateTime(n.created_at)}</dd>
              {n.delivered_at && <><dt>{t('notifications.delivered_at')}</dt><dd>{shortDateTime(n.delivered_at)}</dd></>}
              {n.status === 'pending' && n.next_attempt_at && (
                <><dt>{t('notifications.next_attempt')}</dt><dd>{shortDateTime(n.next_attempt_at)}</dd></>
              )}
              {n.last_error && n.status !== 'delivered' && <><dt>{t('notifications.last_error')}</dt><dd class="error-text"><NotificationError raw={n.last_error} /></dd></>}
            </dl>
            {n.status === 'dead' && (
              <div class="actions">
                <Button busy={!!action.busy} onClick={() => void retry()}>{t('notifications.retry')}</Button>
              </div>
            )}
          </section>
          <section aria-labelledby="notification-history">
            <h2 id="notification-history">{t('notifications.history')}</h2>
            <Table labelledBy="notification-history" rows={n.history}
              empty={t(n.channel === 'inapp' && n.status === 'delivered' ? 'notifications.inbox_history' : 'notifications.no_history')}
              columns={[
                { header: t('notifications.history_at'), cell: (h) => withSeconds(h.at) },
                { header: t('notifications.history_result'), cell: (h) => resultLabel(h.result) },
                { header: t('notifications.history_detail'), class: 'error-text', cell: (h) => <NotificationError raw={h.detail} /> },
              ]} />
          </section>
        </>
      )}
    </>
  );
}
