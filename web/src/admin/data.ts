// The admin's page data: useLoad, usePaged and fetchAll (from ../shared/data), and useFacilities(),
// every facility the user may see, fetched once and shared by all pages until
// invalidateFacilities().
import { fetchAll, useLoad, usePaged, type Loaded } from '../shared/data';
import { api } from '../shared/session';
import type { Facility } from '../shared/types';

export { fetchAll, useLoad, usePaged, type Loaded };

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
