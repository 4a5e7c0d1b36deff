// The number of contact threads (保護者連絡) with posts the staff have not read, for the
// navigation, kept fresh (../shared/fresh) as ./pending.ts keeps its count: fetched when
// the navigation mounts, again on every `thread` live event (a post or a read in one of
// the staff member's facilities), when the page becomes visible, when a thread page read
// a thread (refreshUnreadThreadCount) or the inbox got a fresh total
// (noteUnreadThreadCount), and every kCountPollMs while the live stream is not open.
// null while unknown.
import { FreshLink, useFresh } from '../shared/fresh';
import { api } from '../shared/session';
import { kCountPollMs } from './pending';

const link = new FreshLink<number>();

/** Fetches the count again. */
export function refreshUnreadThreadCount(): void {
  link.reload();
}

/** A total the inbox just received for all the staff member's threads (no facility filter). */
export function noteUnreadThreadCount(n: number): void {
  link.set(n);
}

/** The count of the threads the signed-in staff member's side has not read, kept fresh. */
export function useUnreadThreadCount(): number | null {
  return useFresh(
    'unread-threads',
    () => api.threads({ unread: 'true', limit: 1 }).then((page) => page.unread_threads),
    (event) => event.type === 'thread',
    { poll_ms: kCountPollMs, link },
  ).data;
}
