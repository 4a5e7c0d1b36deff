// The filters of a list page kept in the URL (/visits?facility_id=…&needs_review=true): the
// applied ones read from the query, a draft edited in the filter form, and apply() going to
// the draft's URL. A filter is a string ('' when not set) or a boolean (set when "true").
import { useEffect, useState } from 'preact/hooks';
import { go, useLocation } from './router';

export type FilterValues = Record<string, string | boolean>;

/** `page` with the filters that are set as its query ("/visits?from=2027-06-01"). */
export function filtersPath(page: string, filters: FilterValues): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === true) q.set(key, 'true');
    else if (value) q.set(key, value);
  }
  const s = q.toString();
  return s ? `${page}?${s}` : page;
}

function readFilters<F extends FilterValues>(params: URLSearchParams, unset: F): F {
  const read = (key: string, value: string | boolean) =>
    typeof value === 'boolean' ? params.get(key) === 'true' : params.get(key) ?? '';
  return Object.fromEntries(Object.entries(unset).map(([key, value]) => [key, read(key, value)])) as F;
}

export interface Filters<F extends FilterValues> {
  /** The filters in the URL, which the list shows. */
  applied: F;
  /** The applied filters' URL: changes exactly when they change (a key for loading). */
  path: string;
  /** The filter form's values. */
  draft: F;
  set: (patch: Partial<F>) => void;
  /** The filter form's submit: goes to the draft's URL. */
  apply: (e: Event) => void;
}

/** The filters of `page`; `unset` names every filter with its value when not set. */
export function useFilters<F extends FilterValues>(page: string, unset: F): Filters<F> {
  const { params } = useLocation();
  const applied = readFilters(params, unset);
  const path = filtersPath(page, applied);
  const [draft, setDraft] = useState(applied);
  useEffect(() => setDraft(applied), [path]);
  return {
    applied,
    path,
    draft,
    set: (patch) => setDraft({ ...draft, ...patch }),
    apply: (e) => {
      e.preventDefault();
      go(filtersPath(page, draft));
    },
  };
}
