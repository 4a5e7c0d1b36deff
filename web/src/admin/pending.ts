// The number of plan changes waiting for staff (連絡 in the navigation), kept fresh
// (../shared/fresh): fetched when the navigation mounts, again on every `plan` live event
// (a guardian changed a plan, or staff acknowledged one), when the page becomes visible,
// when the 連絡 page tells it a fresh total (notePendingCount) or asks (refreshPendingCount),
// and every kCountPollMs while the live stream is not open. null while unknown.
import { FreshLink, useFresh } from '../shared/fresh';
import { api } from '../shared/session';

export const kCountPollMs = 30_000;

const link = new FreshLink<number>();

/** Fetches the count again. */
export function refreshPendingCount(): void {
  link.reload();
}

/** A total the 連絡 page just received for the whole (unfiltered) list. */
export function notePendingCount(n: number): void {
  link.set(n);
}

/** The count of the plans waiting for the signed-in staff member, kept fresh. */
export function usePendingCount(): number | null {
  return useFresh(
    'pending',
    () => api.pendingPlans({ limit: 1 }).then((page) => page.total),
    (event) => event.type === 'plan',
    { poll_ms: kCountPollMs, link },
  ).data;
}
