// The number of plan changes waiting for staff (連絡 in the navigation): one count for the
// whole admin, fetched when its first user mounts, again on every `plan` live event (a
// guardian changed a plan, or staff acknowledged one), when the 連絡 page tells it a fresh
// total (notePendingCount) or asks (refreshPendingCount), and every kCountPollMs while the
// live stream is not open. null while unknown; forgotten when no component uses it (sign-out).
import { useEffect, useState } from 'preact/hooks';
import { useLiveEvents } from '../shared/live';
import { api } from '../shared/session';

export const kCountPollMs = 30_000;

let count: number | null = null;
const listeners = new Set<(n: number | null) => void>();
const flight = { running: false, again: false };

function set(n: number | null): void {
  count = n;
  for (const listener of listeners) listener(n);
}

/** Fetches the count again (one request at a time; a call meanwhile asks for one more). */
export function refreshPendingCount(): void {
  if (flight.running) {
    flight.again = true;
    return;
  }
  flight.running = true;
  api.pendingPlans({ limit: 1 }).then(
    (page) => listeners.size > 0 && set(page.total),
    () => undefined, // keep the last count; the pages report errors (and a 401 ends the session there)
  ).finally(() => {
    flight.running = false;
    if (flight.again) {
      flight.again = false;
      refreshPendingCount();
    }
  });
}

/** A total the 連絡 page just received for the whole (unfiltered) list. */
export function notePendingCount(n: number): void {
  if (listeners.size > 0) set(n);
}

/** The count of the plans waiting for the signed-in staff member, kept fresh. */
export function usePendingCount(): number | null {
  const [n, setN] = useState(count);
  useEffect(() => {
    listeners.add(setN);
    setN(count);
    refreshPendingCount();
    return () => {
      listeners.delete(setN);
      if (listeners.size === 0) count = null;
    };
  }, []);
  const live = useLiveEvents((event) => {
    if (event.type === 'plan') refreshPendingCount();
  });
  useEffect(() => {
    if (live === 'open') {
      refreshPendingCount(); // what happened while the stream was (re)connecting
      return;
    }
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refreshPendingCount();
    }, kCountPollMs);
    return () => clearInterval(timer);
  }, [live]);
  return n;
}
