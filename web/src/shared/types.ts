// DTOs of the Tadaima HTTP API v1 (see docs/openapi.yaml and /work/shared/API.md).
// Field names are the wire names (snake_case). Ids are opaque strings; dates are
// "YYYY-MM-DD"; times are RFC 3339 with offset.

export type Role = 'org_admin' | 'facility_staff' | 'guardian';
export type StaffRole = 'org_admin' | 'facility_staff';
export type FacilityKind = 'after_school' | 'drop_in' | 'nursery';
export type EnrollmentStatus = 'active' | 'pending';

/** School grade by the Japanese school year (April 2 cut-off). */
export type Grade =
  | '未就学'
  | '小1' | '小2' | '小3' | '小4' | '小5' | '小6'
  | '中1' | '中2' | '中3'
  | '高1' | '高2' | '高3'
  | 'その他';

export interface User {
  id: string;
  role: Role;
  name: string;
  login: string;
  organization_id: string;
  family_id?: string;
  facility_ids?: string[];
  must_change_password: boolean;
}

export interface Organization {
  id: string;
  name: string;
  time_zone: string;
}

export interface Facility {
  id: string;
  name: string;
  kind: FacilityKind;
  opens_at: string; // "HH:MM"
  closes_at: string; // "HH:MM"
}

export interface Staff {
  id: string;
  login: string;
  name: string;
  role: StaffRole;
  facility_ids: string[];
  must_change_password: boolean;
}

export interface Guardian {
  id: string;
  name: string;
  email: string | null;
  relation: string | null;
  login: string;
}

/** A guardian as returned by POST /families: carries its one-time password. */
export interface NewGuardian extends Guardian {
  initial_password: string;
}

export interface Age {
  years: number;
  months: number;
}

export interface Child {
  id: string;
  family_id: string;
  name: string;
  name_kana: string | null;
  birth_date: string;
  age: Age;
  grade: Grade;
}

/** A child's enrollment has child_id (family_id may name its family); a drop_in one has only family_id. */
export interface Enrollment {
  id: string;
  facility_id: string;
  child_id: string | null;
  family_id: string | null;
  status: EnrollmentStatus;
}

export interface Family {
  id: string;
  name: string;
  address: string | null;
  phone: string | null;
  guardians: Guardian[];
  children: Child[];
  enrollments: Enrollment[];
}

/** The answer to POST /families: guardians carry initial_password. */
export interface NewFamily extends Omit<Family, 'guardians'> {
  guardians: NewGuardian[];
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: Record<string, string>;
  };
}

export type ErrorCode =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal';

// ---- request bodies ----

export interface LoginInput {
  login: string;
  password: string;
}

export interface ChangePasswordInput {
  current_password: string;
  new_password: string;
}

export interface FacilityInput {
  name: string;
  kind: FacilityKind;
  opens_at: string;
  closes_at: string;
}
export type FacilityPatch = Partial<FacilityInput>;

export interface StaffInput {
  login: string;
  name: string;
  password: string;
  role: StaffRole;
  facility_ids: string[];
}
export type StaffPatch = Partial<Pick<StaffInput, 'name' | 'role' | 'facility_ids'>>;

export interface GuardianInput {
  name: string;
  email?: string | null;
  relation?: string | null;
}
export type GuardianPatch = Partial<GuardianInput>;

export interface ChildInput {
  name: string;
  name_kana?: string | null;
  birth_date: string;
}
export type ChildPatch = Partial<ChildInput>;

export interface FamilyInput {
  name: string;
  address?: string | null;
  phone?: string | null;
  guardians: GuardianInput[];
  children: ChildInput[];
  facility_ids?: string[];
}
export type FamilyPatch = Partial<Pick<FamilyInput, 'name' | 'address' | 'phone'>>;

export type EnrollmentInput =
  | { facility_id: string; child_id: string }
  | { facility_id: string; family_id: string };

export interface ListParams {
  limit?: number;
  cursor?: string | null;
}
export interface FamilyListParams extends ListParams {
  q?: string;
}
export interface EnrollmentListParams extends ListParams {
  facility_id?: string;
  status?: EnrollmentStatus;
}

export interface InvitedGuardian {
  guardian: Guardian;
  login: string;
  initial_password: string;
}

export interface PasswordReset {
  login: string;
  initial_password: string;
}
