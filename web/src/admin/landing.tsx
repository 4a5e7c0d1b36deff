// Where /admin/ (no path) leads, so that the day starts on today's 名簿: a facility_staff
// member goes to the roster of the first of their facilities (the first the roster's own
// choice lists), an org_admin to the roster of the only facility when the organization has
// exactly one and to the facility list otherwise. A facility_staff member with no facility
// goes to the families. The move replaces the history entry.
import { useEffect } from 'preact/hooks';
import { t } from '../shared/i18n';
import { isAdmin, useSession } from '../shared/session';
import type { Facility, User } from '../shared/types';
import { useFacilities } from './data';
import { PageHead } from './layout';
import { go } from './router';
import { LoadStatus } from './status';

/** The path below /admin where `user` starts, given the facilities they may see. */
export function landingPath(user: User, facilities: Facility[]): string {
  const roster = (f: Facility) => `/roster?${new URLSearchParams({ facility_id: f.id })}`;
  if (isAdmin(user)) return facilities.length === 1 ? roster(facilities[0]) : '/facilities';
  return facilities.length > 0 ? roster(facilities[0]) : '/families';
}

export function Landing() {
  const { user } = useSession();
  const facilities = useFacilities();
  useEffect(() => {
    if (facilities.data) go(landingPath(user, facilities.data), true);
  }, [facilities.data]);
  return (
    <>
      <PageHead title={t('app.admin')} />
      <LoadStatus loaded={facilities} />
    </>
  );
}
