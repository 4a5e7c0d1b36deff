// Labels of facility kinds and staff roles in the current language.
import { t } from '../shared/i18n';
import type { FacilityKind, StaffRole } from '../shared/types';

export const kFacilityKinds: readonly FacilityKind[] = ['after_school', 'drop_in', 'nursery'];
export const kStaffRoles: readonly StaffRole[] = ['facility_staff', 'org_admin'];

export const kindLabel = (kind: FacilityKind) => t(`facility.kind.${kind}`);
export const roleLabel = (role: StaffRole) => t(`staff.role.${role}`);
