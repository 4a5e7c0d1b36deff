// Data kept fresh while shown (admin and parents' app): useFresh(key, fn, concerns, options)
// fetches at once and again from scratch when key changes, again on every live event for
// which concerns(event, shown) is true, when the page becomes visible, when the stream
// (re)opens, and every poll_ms while the stream is not open. Fetches never overlap: a
// reload asked for while one runs starts one more when it ends. A 401 ends the session;
// another error is kept beside the last data. A FreshLink reaches the hooks that joined
// it from outside their components (reload them, hand them data).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';
import { useLiveEvents, type LiveEvent, type LiveState } from './live';
import { useSession } from './session';

/** The default poll interval while the stream is not open. */
export const kPollMs = 20_000;

export interface Fresh<T> {
  /** The data shown; null from a key change until its first fetch succeeds. */
  data: T | null;
  /** The last fetch's error; cleared by the next success. */
  error: unknown;
  /** When data last arrived. */
  updated_at: Date | null;
  live: LiveState;
  reload: () => void;
  /** Replaces the data shown (say, after a change made here) until the next fetch. */
  set: (next: T | ((shown: T | null) => T | null)) => void;
}

export interface FreshOptions<T> {
  /** How often to fetch while the stream is not open; kPollMs unless given. */
  poll_ms?: number;
  /** Joined while the component is mounted. */
  link?: FreshLink<T>;
}

/** The useFresh hooks that joined it (options.link), reached from anywhere. */
export class FreshLink<T> {
  readonly members = new Set<{ reload: () => void; set: (data: T) => void }>();

  /** Each member fetches again. */
  reload(): void {
    for (const member of [...this.members]) member.reload();
  }

  /** Each member shows data until its next fetch. */
  set(data: T): void {
    for (const member of [...this.members]) member.set(data);
  }
}

export function useFresh<T>(
  key: string,
  fn: () => Promise<T>,
  concerns: (event: LiveEvent, shown: T | null) => boolean,
  options: FreshOptions<T> = {},
): Fresh<T> {
  const { expire } = useSession();
  const { poll_ms = kPollMs, link } = options;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [updated_at, setUpdatedAt] = useState<Date | null>(null);
  const current = useRef({ key, fn, concerns, expire });
  current.current = { key, fn, concerns, expire };
  const shown = useRef<T | null>(null); // what data holds, without waiting for a render
  const flight = useRef({ running: false, again: false });

  const show = (value: T | null) => {
    shown.current = value;
    setData(value);
  };

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
        show(value);
        setError(null);
        setUpdatedAt(new Date());
      },
      (err) => {
        if (err instanceof ApiError && err.status === 401) current.current.expire();
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

  const set = (next: T | ((shown: T | null) => T | null)) =>
    show(typeof next === 'function' ? (next as (shown: T | null) => T | null)(shown.current) : next);

  useEffect(() => {
    show(null);
    setError(null);
    load();
  }, [key]);

  const live = useLiveEvents((event) => {
    if (current.current.concerns(event, shown.current)) load();
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
    }, poll_ms);
    return () => clearInterval(timer);
  }, [poll_ms]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  useEffect(() => {
    if (!link) return;
    const member = { reload: load, set: (value: T) => show(value) };
    link.members.add(member);
    return () => void link.members.delete(member);
  }, [link]);

  return { data, error, updated_at, live, reload: load, set };
}
