// The data of the contact threads (連絡) for the admin and the parents' app, kept fresh
// (./fresh): a reader's list of threads a page at a time and one thread with its posts.
// Both are fetched again on every live `thread` event that may concern them (a post or a
// read on the thread's side), on a push message, when the page becomes visible, and by
// polling while the live stream is down. Reading a thread (GET /threads/{id}) marks it
// read for the reader's side; `onRead` then lets the navigation's count catch up at once.
import { useState } from 'preact/hooks';
import { useFresh, type Fresh } from './fresh';
import type { LiveEvent } from './live';
import { api } from './session';
import type { Thread, ThreadPage, ThreadPost, ThreadWritten } from './types';

/** Which threads a list shows: one facility's ('' or absent: all the reader's), unread only. */
export interface ThreadFilter {
  facility_id?: string;
  unread?: boolean;
}

export interface ThreadList {
  /** The first page, kept fresh (its unread_threads counts the filter's unread threads). */
  first: Fresh<ThreadPage>;
  /** The first page and every page loaded after it, each thread once; null until the first. */
  items: Thread[] | null;
  /** Loads the next page; null on the last page. */
  loadMore: (() => Promise<void>) | null;
  more_busy: boolean;
  /** Why the last loadMore() failed, or null. */
  more_error: unknown;
}

const concernsThreads = (event: LiveEvent) => event.type === 'thread' || event.type === 'push';

interface Older {
  key: string;
  items: Thread[];
  /** undefined: go on from the first page's next_cursor. */
  cursor: string | null | undefined;
  busy: boolean;
  error: unknown;
}

/** The reader's threads under `filter`, latest written first, `limit` a page. */
export function useThreadList(filter: ThreadFilter, limit: number): ThreadList {
  const facility_id = filter.facility_id || undefined;
  const unread = filter.unread ? ('true' as const) : undefined;
  const key = `threads:${facility_id ?? ''}:${unread ?? ''}:${limit}`;
  const first = useFresh(key, () => api.threads({ facility_id, unread, limit }), concernsThreads);
  const [older_state, setOlder] = useState<Older>({ key, items: [], cursor: undefined, busy: false, error: null });
  const older: Older = older_state.key === key ? older_state : { key, items: [], cursor: undefined, busy: false, error: null };

  const next = older.cursor === undefined ? first.data?.next_cursor ?? null : older.cursor;
  const seen = new Set<string>();
  const items = first.data
    ? [...first.data.items, ...older.items].filter((t) => (seen.has(t.id) ? false : (seen.add(t.id), true)))
    : null;

  const loadMore = async () => {
    if (!next || older.busy) return;
    setOlder({ ...older, busy: true, error: null });
    try {
      const page = await api.threads({ facility_id, unread, limit, cursor: next });
      setOlder((o) => (o.key === key ? { ...o, items: [...o.items, ...page.items], cursor: page.next_cursor, busy: false } : o));
    } catch (error) {
      setOlder((o) => (o.key === key ? { ...o, busy: false, error } : o));
    }
  };

  return { first, items, loadMore: next ? loadMore : null, more_busy: older.busy, more_error: older.error };
}

export interface ThreadDetail {
  thread: Thread;
  items: ThreadPost[];
}

/** One thread and its posts in order; every fetch marks it read for the reader's side. */
export function useThreadDetail(id: string, onRead?: () => void): Fresh<ThreadDetail> {
  return useFresh(
    `thread:${id}`,
    () => api.thread(id).then((detail) => {
      onRead?.();
      return detail;
    }),
    (event) => (event.type === 'thread' && event.thread_id === id) || event.type === 'push',
  );
}

/** The detail with a post just written here in place (before the next fetch confirms it). */
export const withWritten = (written: ThreadWritten) => (shown: ThreadDetail | null): ThreadDetail | null =>
  shown && {
    thread: written.thread,
    items: [...shown.items.filter((p) => p.id !== written.post.id), written.post].sort((a, b) => a.seq - b.seq),
  };
