// Loading data for a page: useLoad(fn, deps) runs fn and keeps its result, its error and
// a reload(); a 401 ends the session. usePaged() shows a cursor list a page at a time, more
// on demand; fetchAll() walks every page of a cursor list.
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

/** One page of a cursor list: its items and the cursor of the next page (null: the last). */
export interface CursorPage<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Paged<T> {
  /** The first page's load: its error, reload() (from the first page again). */
  first: Loaded<CursorPage<T>>;
  /** Every item loaded so far; null until the first page came. */
  items: T[] | null;
  /** Loads the next page; null on the last page. */
  loadMore: (() => Promise<void>) | null;
  /** Why the last loadMore() failed, or null. */
  more_error: unknown;
}

/**
 * A cursor list shown a page at a time: page(null) when deps change (or on reload), then
 * page(cursor) of the next one on each loadMore(), the items appended.
 */
export function usePaged<T>(page: (cursor: string | null) => Promise<CursorPage<T>>, deps: unknown[]): Paged<T> {
  const first = useLoad(() => page(null), deps);
  const [more, setMore] = useState<{ items: T[]; cursor: string | null; error: unknown }>(
    { items: [], cursor: null, error: null });
  useEffect(() => setMore({ items: [], cursor: first.data?.next_cursor ?? null, error: null }), [first.data]);
  const loadMore = () =>
    page(more.cursor).then(
      (got) => setMore({ items: [...more.items, ...got.items], cursor: got.next_cursor, error: null }),
      (error) => setMore({ ...more, error }),
    );
  return {
    first,
    items: first.data ? [...first.data.items, ...more.items] : null,
    loadMore: more.cursor ? loadMore : null,
    more_error: more.error,
  };
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
