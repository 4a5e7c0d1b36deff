// Loading data for a page: useLoad(fn, deps) runs fn and keeps its result, its error and
// a reload(); a 401 ends the session. fetchAll() walks every page of a cursor list.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';
import { useSession } from './session';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  reload: () => void;
  set: (data: T) => void;
}

export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const { expire } = useSession();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    fn().then(
      (value) => live && setData(value),
      (err) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 401) expire();
        else setError(err);
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { data, error, reload: () => setTick((n) => n + 1), set: setData };
}

/** Every page of a cursor list, fetched in turn; stops after `max_pages` (default: no limit). */
export async function fetchAll<T>(
  page: (cursor: string | null) => Promise<{ items: T[]; next_cursor: string | null }>,
  max_pages = Infinity,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < max_pages; n++) {
    const got = await page(cursor);
    items.push(...got.items);
    cursor = got.next_cursor;
    if (!cursor) break;
  }
  return items;
}
