// お知らせ: the in-app inbox, newest first (arrivals, departures, not-arrived alerts,
// messages, replies in contact threads; those link to their page). New items arrive live; unread ones are marked and can be marked read one by
// one or all at once. Older items load on demand.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { InboxItem } from '../../shared/types';
import { Outcome, useAction } from '../../shared/action';
import { Button, ErrorMessage, Loading } from '../../shared/ui/feedback';
import { calendarDate, clockTime } from '../../shared/ui/time';
import { formatDay } from '../dates';
import { errorText } from '../../shared/form';
import { useFresh } from '../../shared/fresh';
import { PageHead, refreshUnread } from '../layout';
import { Link } from '../router';
import { api } from '../../shared/session';

const kPageSize = 30;

export function InboxPage() {
  const first = useFresh('inbox', () => api.notifications({ limit: kPageSize }),
    (event) => event.type === 'notification' || event.type === 'push');
  const [older, setOlder] = useState<InboxItem[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined); // undefined: from the first page
  const [read, setRead] = useState<Record<string, string>>({}); // id → read_at marked here
  const action = useAction<'more' | 'all' | 'read'>();

  const next = cursor === undefined ? first.data?.next_cursor ?? null : cursor;
  const seen = new Set<string>();
  const items = [...(first.data?.items ?? []), ...older]
    .filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)))
    .map((item) => (read[item.id] && !item.read_at ? { ...item, read_at: read[item.id] } : item));
  const unread = items.filter((item) => !item.read_at).length;

  const loadMore = (from: string) =>
    action.run(async () => {
      const page = await api.notifications({ limit: kPageSize, cursor: from });
      setOlder((o) => [...o, ...page.items]);
      setCursor(page.next_cursor);
    }, { tag: 'more' });

  const markRead = (item: InboxItem) =>
    action.run(async () => {
      await api.readNotification(item.id);
      setRead((r) => ({ ...r, [item.id]: new Date().toISOString() }));
      refreshUnread();
    }, { tag: 'read' });

  const markAll = () =>
    action.run(async () => {
      await api.readAllNotifications();
      const now = new Date().toISOString();
      setRead((r) => Object.fromEntries([...Object.entries(r), ...items.map((i) => [i.id, now] as const)]));
      refreshUnread();
      first.reload();
    }, { tag: 'all' });

  return (
    <>
      <PageHead title={t('parent.inbox_title')}>
        <Button variant="secondary" disabled={unread === 0} busy={action.busy === 'all'} onClick={() => void markAll()}>
          {t('parent.inbox_read_all')}
        </Button>
      </PageHead>
      <p><Link to="/messages">{t('inbox_msg.to_messages')}</Link></p>
      <Outcome of={action} />
      {first.error !== null && <ErrorMessage>{errorText(first.error)}</ErrorMessage>}
      {first.data === null && first.error === null && <Loading label={t('common.loading')} />}
      {first.data && items.length === 0 && <p>{t('parent.inbox_none')}</p>}
      {items.length > 0 && (
        <ul class="pa-inbox" aria-label={t('parent.inbox_list', { n: items.length, unread })}>
          {items.map((item) => (
            <li key={item.id} class={item.read_at ? 'pa-note' : 'pa-note pa-note--unread'}>
              <p class="pa-note-head">
                {!item.read_at && <span class="badge badge--unread">{t('parent.inbox_unread')}</span>}
                {item.link?.startsWith('/app/')
                  ? <Link to={item.link.slice('/app'.length)} class="pa-note-title">{item.title}</Link>
                  : <strong class="pa-note-title">{item.title}</strong>}
              </p>
              <p class="pa-note-body">{item.body}</p>
              <p class="meta">
                <time dateTime={item.created_at}>
                  {formatDay(calendarDate(item.created_at))} {clockTime(item.created_at)}
                </time>
              </p>
              {!item.read_at && (
                <Button variant="link" onClick={() => void markRead(item)}
                  label={t('parent.inbox_mark_read_label', { title: item.title })}>
                  {t('parent.inbox_mark_read')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {next && (
        <div class="actions">
          <Button variant="secondary" busy={action.busy === 'more'} onClick={() => void loadMore(next)}>{t('common.more')}</Button>
        </div>
      )}
    </>
  );
}
