// Loading data for a page: useLoad(fn, deps) runs fn and keeps its result, its error
// and a reload(); a 401 ends the session. useFacilities() is every facility the user
// may see, fetched once and shared by all pages until invalidateFacilities().
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../shared/api';
import type { Facility } from '../shared/types';
import { api, useSession } from './session';

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

/** Every page of a cursor list, fetched in turn. */
export async function fetchAll<T>(
  page: (cursor: string | null) => Promise<{ items: T[]; next_cursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const got = await page(cursor);
    items.push(...got.items);
    cursor = got.next_cursor;
  } while (cursor);
  return items;
}

let facilities_cache: Promise<Facility[]> | null = null;

export function invalidateFacilities(): void {
  facilities_cache = null;
}

export function useFacilities(): Loaded<Facility[]> {
  return useLoad(() => {
    facilities_cache ??= fetchAll((cursor) => api.listFacilities({ limit: 200, cursor }));
    const pending = facilities_cache;
    pending.catch(() => {
      if (facilities_cache === pending) facilities_cache = null;
    });
    return pending;
  }, []);
}
