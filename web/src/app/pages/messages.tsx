// 施設からのお知らせ: the messages staff sent that reached the family, newest first, the
// unread ones marked (a dot, and 未読 for a screen reader), emergency notices marked 緊急;
// each opens its page. Older ones load on demand; a new message arriving live reloads the list.
import { t } from '../../shared/i18n';
import { usePaged } from '../../shared/data';
import { errorText } from '../../shared/form';
import { useLiveEvents } from '../../shared/live';
import type { FamilyMessage } from '../../shared/types';
import { Button, ErrorMessage, Loading } from '../../shared/ui/feedback';
import { calendarDate, clockTime } from '../../shared/ui/time';
import { formatDay } from '../dates';
import { PageHead } from '../layout';
import { Link } from '../router';
import { api } from '../../shared/session';

const kPageSize = 20;

/** The first line of the body, for the list. */
const firstLine = (body: string) => body.split('\n').find((l) => l.trim()) ?? '';

export function MessagesPage() {
  const list = usePaged((cursor) => api.myMessages({ limit: kPageSize, cursor: cursor ?? undefined }), []);
  useLiveEvents((e) => {
    if ((e.type === 'notification' && e.notification.kind === 'message') || e.type === 'push') list.first.reload();
  });
  const items = list.items;
  return (
    <>
      <PageHead title={t('inbox_msg.title')} />
      <p><Link to="/notifications">{t('inbox_msg.to_inbox')}</Link></p>
      {list.first.error !== null && <ErrorMessage>{errorText(list.first.error)}</ErrorMessage>}
      {items === null && list.first.error === null && <Loading label={t('common.loading')} />}
      {items?.length === 0 && <p>{t('inbox_msg.none')}</p>}
      {items && items.length > 0 && (
        <ul class="pa-inbox" aria-label={t('inbox_msg.list', { n: items.length })}>
          {items.map((m) => <MessageItem key={m.id} message={m} />)}
        </ul>
      )}
      <ErrorMessage>{list.more_error ? errorText(list.more_error) : ''}</ErrorMessage>
      {list.loadMore && (
        <div class="actions">
          <Button variant="secondary" onClick={() => void list.loadMore?.()}>{t('common.more')}</Button>
        </div>
      )}
    </>
  );
}

function MessageItem({ message: m }: { message: FamilyMessage }) {
  const unread = !m.read_at;
  return (
    <li class={unread ? 'pa-note pa-note--unread' : 'pa-note'}>
      <p class="pa-note-head">
        {unread && <span class="pa-dot" aria-hidden="true" />}
        {m.priority === 'emergency' && <span class="badge badge--emergency">{t('emergency.badge')}</span>}
        <Link to={`/messages/${encodeURIComponent(m.id)}`} class="pa-note-title">
          {m.title}
          {unread && <span class="visually-hidden">{t('inbox_msg.unread_suffix')}</span>}
        </Link>
      </p>
      <p class="pa-note-body">{firstLine(m.body)}</p>
      {m.sent_at && (
        <p class="meta">
          <time dateTime={m.sent_at}>{formatDay(calendarDate(m.sent_at))} {clockTime(m.sent_at)}</time>
          {' '}{m.sender.name}
        </p>
      )}
    </li>
  );
}
