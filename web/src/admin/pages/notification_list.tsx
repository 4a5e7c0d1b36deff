// 通知: the delivery of notifications to guardians (one row per guardian, channel and
// event), newest first, filtered by facility, status and channel (the filters stay in
// the URL), a page at a time. Dead letters (配信不能) are counted in a banner that links
// to them; a dead one can be sent again (再送). A row links to its delivery history.
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../shared/i18n';
import { api } from '../../shared/session';
import type { NotificationChannel, NotificationStatus, StaffNotification } from '../../shared/types';
import { Outcome, useAction } from '../../shared/action';
import { Button } from '../../shared/ui/feedback';
import { namedOptions, SelectField } from '../../shared/ui/fields';
import { Table, type Column } from '../../shared/ui/table';
import { useFacilities, useLoad, usePaged } from '../data';
import { filtersPath, useFilters } from '../filters';
import { PageHead } from '../layout';
import { Link } from '../router';
import { LoadStatus, MoreButton } from '../status';
import { shortDateTime } from './roster/roster_row';
import { NotificationError } from './notification_error';

const kNotificationStatuses: readonly NotificationStatus[] = ['pending', 'delivered', 'dead', 'cancelled'];
const kNotificationChannels: readonly NotificationChannel[] = ['push', 'email', 'inapp'];

const kPageSize = 50;
const kDeadCountLimit = 100;

const kUnset = { facility_id: '', status: '', channel: '' };

/** The label of a value of the list (status, channel, kind), or the value itself when new. */
export function valueLabel(
  prefix: 'notifications.status' | 'notifications.channel' | 'notifications.kind' | 'notifications.result',
  value: string,
): string {
  const key = `${prefix}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}

interface RowActions {
  facility_name: (id: string) => string;
  /** The notification being sent again. */
  retrying: string | null;
  onRetry: (n: StaffNotification) => void;
}

function deliveryColumns({ facility_name, retrying, onRetry }: RowActions): Column<StaffNotification>[] {
  const what = (n: StaffNotification) => ({
    guardian: n.guardian.name, kind: valueLabel('notifications.kind', n.kind),
    channel: valueLabel('notifications.channel', n.channel),
  });
  return [
    { header: t('notifications.created_at'), class: 'nowrap', cell: (n) => shortDateTime(n.created_at) },
    { header: t('notifications.kind'), class: 'nowrap', cell: (n) => valueLabel('notifications.kind', n.kind) },
    {
      header: t('notifications.child'),
      cell: (n) => (
        <>
          {n.child_name ?? ''}
          {n.facility_id && <div class="meta">{facility_name(n.facility_id)}</div>}
        </>
      ),
    },
    { header: t('notifications.guardian'), class: 'nowrap', cell: (n) => n.guardian.name },
    { header: t('notifications.channel'), class: 'nowrap', cell: (n) => valueLabel('notifications.channel', n.channel) },
    {
      header: t('notifications.status'),
      cell: (n) => (
        <>
          <span class={`badge badge--n-${n.status}`}>{valueLabel('notifications.status', n.status)}</span>
          {n.delivered_at && <div class="meta">{shortDateTime(n.delivered_at)}</div>}
          {n.status === 'pending' && n.next_attempt_at && (
            <div class="meta">{t('notifications.next_attempt_at', { time: shortDateTime(n.next_attempt_at) })}</div>
          )}
        </>
      ),
    },
    { header: t('notifications.attempts'), cell: (n) => n.attempts },
    {
      header: t('notifications.last_error'), class: 'error-text',
      cell: (n) => (n.status === 'delivered' ? '' : <NotificationError raw={n.last_error} />),
    },
    {
      header: t('common.actions'),
      cell: (n) => (
        <div class="cell-actions">
          <Link to={`/notifications/${encodeURIComponent(n.id)}`} class="btn btn--link">
            {t('notifications.details')}
            <span class="visually-hidden">{t('notifications.details_of', what(n))}</span>
          </Link>
          {n.status === 'dead' && (
            <Button variant="secondary" busy={retrying === n.id} onClick={() => onRetry(n)}
              label={t('notifications.retry_label', what(n))}>
              {t('notifications.retry')}
            </Button>
          )}
        </div>
      ),
    },
  ];
}

export function NotificationList() {
  const filters = useFilters('/notifications', kUnset);
  const { applied, draft, set } = filters;
  const facilities = useFacilities();
  const facility_name = (id: string) => facilities.data?.find((f) => f.id === id)?.name ?? '';

  const [tick, setTick] = useState(0);
  const rows = usePaged((cursor) => api.staffNotifications({ ...applied, cursor, limit: kPageSize }), [filters.path, tick]);
  const dead = useLoad(
    () => api.staffNotifications({ facility_id: applied.facility_id, status: 'dead', limit: kDeadCountLimit }),
    [applied.facility_id, tick],
  );

  const action = useAction<string>();
  const retry = (n: StaffNotification) =>
    action.run(async () => {
      await api.retryNotification(n.id);
      setTick((x) => x + 1);
      return t('notifications.retried', { guardian: n.guardian.name });
    }, { tag: n.id });

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
            <Link to={filtersPath('/notifications', { ...applied, status: 'dead', channel: '' })}>{t('notifications.show_dead')}</Link>
          )}
        </div>
      )}
      <form class="toolbar" onSubmit={filters.apply} aria-label={t('notifications.filters')}>
        <SelectField label={t('notifications.facility')} name="facility_id" value={draft.facility_id}
          options={namedOptions(facilities.data, t('visit.all_facilities'))}
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
      <Outcome of={action} />
      <LoadStatus loaded={rows.first} />
      {rows.items && (
        <>
          <p role="status">{t('family.count', { n: rows.items.length })}</p>
          <Table label={t('notifications.title')} class="deliveries" rows={rows.items} rowKey={(n) => n.id}
            rowClass={(n) => (n.status === 'dead' ? 'dead' : undefined)} empty={t('notifications.none')}
            columns={deliveryColumns({ facility_name, retrying: action.busy, onRetry: (n) => void retry(n) })} />
          <MoreButton paged={rows} />
        </>
      )}
    </>
  );
}
