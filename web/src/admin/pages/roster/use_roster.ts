// The roster of one facility on one day, kept fresh: fetched at once, again on every
// live event that concerns it (roster, stamp, plan), and by polling every kPollMs only
// while the live stream is not open (and the page is visible). Fetches never overlap:
// a reload asked for while one runs starts one more when it ends.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../shared/api';
import type { Roster } from '../../../shared/types';
import { calendarDate } from '../../../shared/ui/time';
import { useLiveEvents, type LiveEvent, type LiveState } from '../../../shared/live';
import { api, useSession } from '../../../shared/session';

export const kPollMs = 5_000;

export interface LiveRoster {
  data: Roster | null;
  /** The last fetch's error; cleared by the next success. */
  error: unknown;
  /** When data last arrived. */
  updated_at: Date | null;
  live: LiveState;
  reload: () => void;
}

/** Whether `event` may change the roster of facility_id on `date` (null: not known yet). */
export function concernsRoster(event: LiveEvent, facility_id: string, date: string | null): boolean {
  switch (event.type) {
    case 'roster':
      return event.facility_id === facility_id && (date === null || event.date === date);
    case 'stamp': {
      const v = event.visit;
      if (!v || v.facility_id !== facility_id) return false;
      if (date === null) return true;
      return calendarDate(v.in_at) === date || (!!v.out_at && calendarDate(v.out_at) === date);
    }
    case 'plan':
      return date === null || event.date === date;
    default:
      return false;
  }
}

export function useRoster(facility_id: string, date: string | null): LiveRoster {
  const { expire } = useSession();
  const [data, setData] = useState<Roster | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [updated_at, setUpdatedAt] = useState<Date | null>(null);
  const wanted = useRef({ facility_id, date });
  wanted.current = { facility_id, date };
  const flight = useRef({ running: false, again: false });
  const shown_date = useRef<string | null>(null);

  const load = () => {
    const f = flight.current;
    if (f.running) {
      f.again = true;
      return;
    }
    f.running = true;
    const asked = wanted.current;
    const still = () => wanted.current.facility_id === asked.facility_id && wanted.current.date === asked.date;
    api.roster(asked.facility_id, asked.date ?? undefined).then(
      (roster) => {
        if (!still()) return;
        shown_date.current = roster.date;
        setData(roster);
        setError(null);
        setUpdatedAt(new Date());
      },
      (err) => {
        if (err instanceof ApiError && err.status === 401) expire();
        else if (still()) setError(err);
      },
    ).finally(() => {
      f.running = false;
      if (f.again) {
        f.again = false;
        load();
      }
    });
  };

  useEffect(() => {
    shown_date.current = date;
    setData(null);
    setError(null);
    load();
  }, [facility_id, date]);

  const live = useLiveEvents((event) => {
    if (concernsRoster(event, wanted.current.facility_id, shown_date.current)) load();
  });

  // Catch up on what happened while the stream was (re)connecting.
  useEffect(() => {
    if (live === 'open') load();
  }, [live]);

  // The fallback: poll while the stream is not open.
  useEffect(() => {
    if (live === 'open') return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, kPollMs);
    return () => clearInterval(timer);
  }, [live]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  return { data, error, updated_at, live, reload: load };
}
