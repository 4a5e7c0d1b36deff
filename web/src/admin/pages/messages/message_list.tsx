// お知らせ: the messages staff sent or scheduled, newest first, filtered by status and
// facility (kept in the URL), a page at a time. Each row says its title (a link to its
// page), priority, when it went or is to go, whom it reached and how many read it.
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { MessageStatus, StaffMessage } from '../../../shared/types';
import { Button } from '../../../shared/ui/feedback';
import { namedOptions, SelectField } from '../../../shared/ui/fields';
import { Table, type Column } from '../../../shared/ui/table';
import { useFacilities, usePaged } from '../../data';
import { useFilters } from '../../filters';
import { PageHead } from '../../layout';
import { Link } from '../../router';
import { LoadStatus, MoreButton } from '../../status';
import { shortDateTime } from '../roster/roster_row';
import { PriorityBadge, readPercent, StatusBadge } from './message_parts';

const kStatuses: readonly MessageStatus[] = ['sent', 'scheduled', 'cancelled'];
const kPageSize = 50;
const kUnset = { status: '', facility_id: '' };

function columns(): Column<StaffMessage>[] {
  return [
    {
      header: t('msg.col_title'), rowHeader: true,
      cell: (m) => <Link to={`/messages/${encodeURIComponent(m.id)}`}>{m.title}</Link>,
    },
    { header: t('msg.col_priority'), class: 'nowrap', cell: (m) => <PriorityBadge priority={m.priority} /> },
    {
      header: t('msg.col_time'), class: 'nowrap',
      cell: (m) => (m.sent_at ? shortDateTime(m.sent_at) : t('msg.scheduled_at', { time: shortDateTime(m.send_at) })),
    },
    { header: t('msg.col_families'), class: 'nowrap', cell: (m) => t('msg.families_n', { n: m.families }) },
    {
      header: t('msg.col_read'), class: 'nowrap',
      cell: (m) => (m.status === 'sent'
        ? t('msg.read_of', { read: m.read_families, families: m.families, percent: readPercent(m.read_families, m.families) })
        : '—'),
    },
    { header: t('msg.col_status'), cell: (m) => <StatusBadge message={m} /> },
  ];
}

export function MessageList() {
  const filters = useFilters('/messages', kUnset);
  const { applied, draft, set } = filters;
  const facilities = useFacilities();
  const rows = usePaged((cursor) => api.messages({
    status: (applied.status || undefined) as MessageStatus | undefined,
    facility_id: applied.facility_id || undefined, cursor: cursor ?? undefined, limit: kPageSize,
  }), [filters.path]);

  return (
    <>
      <PageHead title={t('msg.list_title')}>
        <Link to="/messages/new" class="btn btn--primary">{t('msg.new')}</Link>
      </PageHead>
      <form class="toolbar" onSubmit={filters.apply} aria-label={t('msg.filters')}>
        <SelectField label={t('msg.filter_status')} name="status" value={draft.status}
          options={[{ value: '', label: t('msg.all_statuses') },
            ...kStatuses.map((s) => ({ value: s, label: t(`msg.status.${s}`) }))]}
          onValue={(status) => set({ status })} />
        <SelectField label={t('msg.facility')} name="facility_id" value={draft.facility_id}
          options={namedOptions(facilities.data, t('visit.all_facilities'))}
          onValue={(facility_id) => set({ facility_id })} />
        <Button type="submit">{t('msg.apply')}</Button>
      </form>
      <LoadStatus loaded={rows.first} />
      {rows.items && (
        <>
          <p role="status">{t('family.count', { n: rows.items.length })}</p>
          <Table label={t('msg.list_title')} rows={rows.items} rowKey={(m) => m.id}
            empty={t('msg.none')} columns={columns()} />
          <MoreButton paged={rows} />
        </>
      )}
    </>
  );
}
