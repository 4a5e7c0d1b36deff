// 保護者連絡: the contact threads of the staff member's facilities, latest written first,
// a page at a time. A thread with posts the staff have not read is bold, shaded and counted
// (「未読 2」, said in its link for screen readers); each row names the child, the family,
// the facility (when the staff member sees several), and the start of the last post with
// who wrote it and when. Filters in the URL: 未読のみ (?unread=true) and, with several
// facilities, one facility (?facility_id=). The list follows the `thread` live events.
import { useEffect } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { useThreadList } from '../../../shared/threads';
import type { Thread } from '../../../shared/types';
import { Button, ErrorMessage, Loading } from '../../../shared/ui/feedback';
import { CheckField, namedOptions, SelectField } from '../../../shared/ui/fields';
import { Table, type Columns } from '../../../shared/ui/table';
import { LastPost, threadTime, UnreadBadge, UnreadText } from '../../../shared/ui/thread_view';
import { useFacilities } from '../../data';
import { errorText } from '../../form';
import { PageHead } from '../../layout';
import { go, Link, useLocation } from '../../router';
import { noteUnreadThreadCount } from '../../thread_count';

const kPageSize = 30;

/** "/threads?…" with the filters that are set. */
function listPath(facility_id: string, unread: boolean): string {
  const q = new URLSearchParams();
  if (facility_id) q.set('facility_id', facility_id);
  if (unread) q.set('unread', 'true');
  const s = q.toString();
  return s ? `/threads?${s}` : '/threads';
}

function columns(show_facility: boolean): Columns<Thread> {
  return [
    {
      header: t('thread.subject'), rowHeader: true,
      cell: (th) => (
        <>
          <Link to={`/threads/${encodeURIComponent(th.id)}`} class="thread-subject">
            {th.subject}
            <UnreadText n={th.unread} />
          </Link>
          <UnreadBadge n={th.unread} />
          {th.read_only && <span class="badge thread-closed-badge">{t('thread.read_only_badge')}</span>}
        </>
      ),
    },
    { header: t('thread.child'), cell: (th) => th.child.name },
    { header: t('thread.family'), cell: (th) => th.family.name },
    show_facility && { header: t('thread.facility'), cell: (th) => th.facility.name },
    { header: t('thread.last_post'), cell: (th) => <LastPost thread={th} /> },
    {
      header: t('thread.last_post_at'), class: 'nowrap',
      cell: (th) => <time dateTime={th.last_post_at}>{threadTime(th.last_post_at)}</time>,
    },
  ];
}

export function ThreadList() {
  const { params } = useLocation();
  const facility_id = params.get('facility_id') ?? '';
  const unread = params.get('unread') === 'true';
  const facilities = useFacilities();
  const list = useThreadList({ facility_id, unread }, kPageSize);
  const page = list.first.data;
  useEffect(() => {
    if (page && !facility_id) noteUnreadThreadCount(page.unread_threads);
  }, [page, facility_id]);

  const several = (facilities.data?.length ?? 0) > 1;
  return (
    <>
      <PageHead title={t('thread.inbox_title')} />
      <p class="meta">{t('thread.inbox_intro')}</p>
      <div class="toolbar no-print" role="group" aria-label={t('thread.filters')}>
        <CheckField label={t('thread.unread_only')} name="unread" checked={unread}
          onChecked={(on) => go(listPath(facility_id, on))} />
        {several && (
          <SelectField label={t('thread.facility')} name="facility_id" value={facility_id}
            options={namedOptions(facilities.data, t('thread.all_facilities'))}
            onValue={(id) => go(listPath(id, unread))} />
        )}
      </div>
      {list.first.error !== null && <ErrorMessage>{errorText(list.first.error)}</ErrorMessage>}
      {list.items === null && list.first.error === null && <Loading label={t('common.loading')} />}
      {page && list.items && (
        <>
          <p role="status" aria-atomic="true" class="thread-count">
            {page.unread_threads > 0 ? t('thread.unread_count', { n: page.unread_threads }) : t('thread.all_read')}
          </p>
          <Table label={t('thread.inbox_title')} class="threads" rows={list.items} rowKey={(th) => th.id}
            rowClass={(th) => (th.unread > 0 ? 'thread-row--unread' : 'thread-row--read')}
            empty={t(unread ? 'thread.none_unread' : 'thread.none')} columns={columns(several && !facility_id)} />
          <ErrorMessage>{list.more_error ? errorText(list.more_error) : ''}</ErrorMessage>
          {list.loadMore && (
            <Button variant="secondary" busy={list.more_busy} onClick={() => void list.loadMore?.()}>{t('thread.more')}</Button>
          )}
        </>
      )}
    </>
  );
}
