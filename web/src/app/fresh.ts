// Data kept fresh while shown: useFresh(key, fn, concerns) fetches at once, again on
// every live event for which concerns(event) is true, when the page becomes visible,
// when the stream (re)opens, and every kPollMs while the stream is not open. Fetches
// never overlap: a reload asked for while one runs starts one more when it ends.
// A 401 ends the session.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../shared/api';
import { useLiveEvents, type LiveEvent, type LiveState } from '../shared/live';
import { useSession } from '../shared/session';

export const kPollMs = 20_000;

export interface Fresh<T> {
  data: T | null;
  /** The last fetch's error; cleared by the next success. */
  error: unknown;
  /** When data last arrived. */
  updated_at: Date | null;
  live: LiveState;
  reload: () => void;
  set: (data: T) => void;
}

export function useFresh<T>(key: string, fn: () => Promise<T>, concerns: (event: LiveEvent) => boolean): Fresh<T> {
  const { expire } = useSession();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [updated_at, setUpdatedAt] = useState<Date | null>(null);
  const current = useRef({ key, fn, concerns });
  current.current = { key, fn, concerns };
  const flight = useRef({ running: false, again: false });

  const load = () => {
    const f = flight.current;
    if (f.running) {
      f.again = true;
      return;
    }
    f.running = true;
    const asked = current.current.key;
    current.current.fn().then(
      (value) => {
        if (current.current.key !== asked) return;
        setData(value);
        setError(null);
        setUpdatedAt(new Date());
      },
      (err) => {
        if (err instanceof ApiError && err.status === 401) expire();
        else if (current.current.key === asked) setError(err);
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
    setData(null);
    setError(null);
    load();
  }, [key]);

  const live = useLiveEvents((event) => {
    if (current.current.concerns(event)) load();
  });

  useEffect(() => {
    if (live === 'open') load();
  }, [live]);

  // One steady timer (the stream's state may flap while it retries): it polls only
  // while the stream is not open.
  const live_now = useRef(live);
  live_now.current = live;
  useEffect(() => {
    const timer = setInterval(() => {
      if (live_now.current !== 'open' && document.visibilityState === 'visible') load();
    }, kPollMs);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  return { data, error, updated_at, live, reload: load, set: setData };
}
