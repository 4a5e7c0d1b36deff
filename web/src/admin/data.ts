// The admin's page data: useLoad, usePaged and fetchAll (from ../shared/data), and useFacilities(),
// every facility the user may see, fetched once and shared by all pages until
// invalidateFacilities(), and emergenciesAt(facility), the emergency notices in force there.
import { fetchAll, useLoad, usePaged, type Loaded } from '../shared/data';
import { api } from '../shared/session';
import type { EmergencyNotice, Facility } from '../shared/types';

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

/** The emergency notices in force that address the facility (the roster's banner). */
export function emergenciesAt(facility_id: string): Promise<EmergencyNotice[]> {
  return api.emergencies().then((all) => all.filter((n) => n.facility_ids.includes(facility_id)));
}
