// The number of the family's contact threads (連絡) with posts from the facility not read
// yet, for the tab bar, kept fresh (../shared/fresh): fetched when the tab bar mounts,
// again on every `thread` live event and push message, when the page becomes visible,
// when a thread page read a thread (refreshUnreadThreads), and by polling while the live
// stream is not open. 0 while unknown.
import { FreshLink, useFresh } from '../shared/fresh';
import { api } from '../shared/session';

const link = new FreshLink<number>();

/** Fetches the count again (after reading a thread). */
export function refreshUnreadThreads(): void {
  link.reload();
}

export function useUnreadThreads(): number {
  return useFresh(
    'unread-threads',
    () => api.threads({ unread: 'true', limit: 1 }).then((page) => page.unread_threads),
    (event) => event.type === 'thread' || event.type === 'push',
    { link },
  ).data ?? 0;
}
