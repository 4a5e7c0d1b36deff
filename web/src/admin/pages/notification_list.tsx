// 通知: the delivery of notifications to guardians (one row per guardian, channel and
// event), newest first, filtered by facility, status and channel (the filters stay in
// the URL), a page at a time. Dead letters (配信不能) are counted in a banner that links
// to them; a dead one can be sent again (再送). A row links to its delivery history.
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../shared/i18n';
import { api } from '../../shared/session';
import type {
  NotificationChannel,
  NotificationStatus,
  Page,
  StaffNotification,
  StaffNotificationParams,
} from '../../shared/types';
import { Button, ErrorMessage, Notice } from '../../shared/ui/feedback';
import { SelectField } from '../../shared/ui/fields';
import { useFacilities, useLoad } from '../data';
import { errorText } from '../form';
import { PageHead } from '../layout';
import { go, Link, useLocation } from '../router';
import { LoadStatus } from '../status';
import { shortDateTime } from './roster/roster_row';

const kNotificationStatuses: readonly NotificationStatus[] = ['pending', 'delivered', 'dead', 'cancelled'];
const kNotificationChannels: readonly NotificationChannel[] = ['push', 'email', 'inapp'];

const kPageSize = 50;
const kDeadCountLimit = 100;

type Filters = Required<Pick<StaffNotificationParams, 'facility_id' | 'status' | 'channel'>>;

function readFilters(params: URLSearchParams): Filters {
  return {
    facility_id: params.get('facility_id') ?? '',
    status: params.get('status') ?? '',
    channel: params.get('channel') ?? '',
  };
}

function filtersPath(f: Filters): string {
  const q = new URLSearchParams();
  if (f.facility_id) q.set('facility_id', f.facility_id);
  if (f.status) q.set('status', f.status);
  if (f.channel) q.set('channel', f.channel);
  const s = q.toString();
  return s ? `/notifications?${s}` : '/notifications';
}

/** The label of a value of the list (status, channel, kind), or the value itself when new. */
export function valueLabel(
  prefix: 'notifications.status' | 'notifications.channel' | 'notifications.kind' | 'notifications.result',
  value: string,
): string {
  const key = `${prefix}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}

export function NotificationList() {
  const { params } = useLocation();
  const applied = readFilters(params);
  const key = filtersPath(applied);
  const [draft, setDraft] = useState(applied);
  useEffect(() => setDraft(applied), [key]);
  const facilities = useFacilities();
  const facility_name = (id?: string | null) => (id && facilities.data?.find((f) => f.id === id)?.name) || '';

  const [tick, setTick] = useState(0);
  const first = useLoad(() => api.staffNotifications({ ...applied, limit: kPageSize }), [key, tick]);
  const dead = useLoad(
    () => api.staffNotifications({ facility_id: applied.facility_id, status: 'dead', limit: kDeadCountLimit }),
    [applied.facility_id, tick],
  );
  const [more, setMore] = useState<{ items: StaffNotification[]; cursor: string | null; error?: unknown }>({ items: [], cursor: null });
  useEffect(() => setMore({ items: [], cursor: first.data?.next_cursor ?? null }), [first.data]);
  const loadMore = () =>
    api.staffNotifications({ ...applied, cursor: more.cursor, limit: kPageSize }).then(
      (page: Page<StaffNotification>) => setMore({ items: [...more.items, ...page.items], cursor: page.next_cursor }),
      (error) => setMore({ ...more, error }),
    );

  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [retrying, setRetrying] = useState<string | null>(null);
  const retry = async (n: StaffNotification) => {
    setRetrying(n.id);
    setNotice('');
    setError('');
    try {
      await api.retryNotification(n.id);
      setNotice(t('notifications.retried', { guardian: n.guardian.name }));
      setTick((x) => x + 1);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setRetrying(null);
    }
  };

  const set = (patch: Partial<Filters>) => setDraft({ ...draft, ...patch });
  const apply = (e: Event) => {
    e.preventDefault();
    go(filtersPath(draft));
  };
  const rows = first.data ? [...first.data.items, ...more.items] : [];
  const dead_count = dead.data?.items.length ?? 0;
  const dead_text = dead.data?.next_cursor ? `${dead_count}+` : String(dead_count);
  return (
    <>
      <PageHead title={t('notifications.title')}>
        <Button variant="secondary" onClick={() => setTick((x) => x + 1)}>{t('notifications.refresh')}</Button>
      </PageHead>
      {dead_count > 0 && (
        <div class="alert alert--warning">
          {t('notifications.dead_banner', { n: dead_text })}{' '}
          {applied.status !== 'dead' && (
            <Link to={filtersPath({ ...applied, status: 'dead', channel: '' })}>{t('notifications.show_dead')}</Link>
          )}
        </div>
      )}
      <form class="toolbar" onSubmit={apply} aria-label={t('notifications.filters')}>
        <SelectField label={t('notifications.facility')} name="facility_id" value={draft.facility_id}
          options={[{ value: '', label: t('visit.all_facilities') },
            ...(facilities.data ?? []).map((f) => ({ value: f.id, label: f.name }))]}
          onValue={(facility_id) => set({ facility_id })} />
        <SelectField label={t('notifications.status')} name="status" value={draft.status}
          options={[{ value: '', label: t('notifications.all_statuses') },
            ...kNotificationStatuses.map((s) => ({ value: s, label: valueLabel('notifications.status', s) }))]}
          onValue={(status) => set({ status })} />
        <SelectField label={t('notifications.channel')} name="channel" value={draft.channel}
          options={[{ value: '', label: t('notifications.all_channels') },
            ...kNotificationChannels.map((c) => ({ value: c, label: valueLabel('notifications.channel', c) }))]}
          onValue={(channel) => set({ channel })} />
        <Button type="submit">{t('visit.apply')}</Button>
      </form>
      <Notice>{notice}</Notice>
      <ErrorMessage>{error}</ErrorMessage>
      <LoadStatus loaded={first} />
      {first.data && (
        <>
          <p role="status">{t('family.count', { n: rows.length })}</p>
          {rows.length === 0 ? <p>{t('notifications.none')}</p> : (
            <div class="table-wrap">
              <table class="deliveries">
                <thead>
                  <tr>
                    <th scope="col">{t('notifications.created_at')}</th>
                    <th scope="col">{t('notifications.kind')}</th>
                    <th scope="col">{t('notifications.child')}</th>
                    <th scope="col">{t('notifications.guardian')}</th>
                    <th scope="col">{t('notifications.channel')}</th>
                    <th scope="col">{t('notifications.status')}</th>
                    <th scope="col">{t('notifications.attempts')}</th>
                    <th scope="col">{t('notifications.last_error')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((n) => (
                    <tr key={n.id} class={n.status === 'dead' ? 'dead' : undefined}>
                      <td class="nowrap">{shortDateTime(n.created_at)}</td>
                      <td class="nowrap">{valueLabel('notifications.kind', n.kind)}</td>
                      <td>
                        {n.child_name ?? ''}
                        {n.facility_id && <div class="meta">{facility_name(n.facility_id)}</div>}
                      </td>
                      <td class="nowrap">{n.guardian.name}</td>
                      <td class="nowrap">{valueLabel('notifications.channel', n.channel)}</td>
                      <td>
                        <span class={`badge badge--n-${n.status}`}>{valueLabel('notifications.status', n.status)}</span>
                        {n.delivered_at && <div class="meta">{shortDateTime(n.delivered_at)}</div>}
                        {n.status === 'pending' && n.next_attempt_at && (
                          <div class="meta">{t('notifications.next_attempt_at', { time: shortDateTime(n.next_attempt_at) })}</div>
                        )}
                      </td>
                      <td>{n.attempts}</td>
                      <td class="error-text">{n.status === 'delivered' ? '' : n.last_error ?? ''}</td>
                      <td>
                        <div class="cell-actions">
                          <Link to={`/notifications/${encodeURIComponent(n.id)}`} class="btn btn--link">
                            {t('notifications.details')}
                            <span class="visually-hidden">{t('notifications.details_of', {
                              guardian: n.guardian.name, kind: valueLabel('notifications.kind', n.kind),
                              channel: valueLabel('notifications.channel', n.channel),
                            })}</span>
                          </Link>
                          {n.status === 'dead' && (
                            <Button variant="secondary" busy={retrying === n.id} onClick={() => void retry(n)}
                              label={t('notifications.retry_label', {
                                guardian: n.guardian.name, kind: valueLabel('notifications.kind', n.kind),
                                channel: valueLabel('notifications.channel', n.channel),
                              })}>
                              {t('notifications.retry')}
                            </Button>
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ErrorMessage>{more.error ? errorText(more.error) : ''}</ErrorMessage>
          {more.cursor && <Button variant="secondary" onClick={() => void loadMore()}>{t('common.more')}</Button>}
        </>
      )}
    </>
  );
}
