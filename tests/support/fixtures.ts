// Builders of valid request bodies and signed-in users for the API tests.

import { randomBytes } from 'node:crypto';
import type { FacilityInput, FacilityKind, FamilyInput, StaffRole } from '../../web/src/shared/types';
import { randomPassword, type TestApi, type TestServer } from './server';

let n = 0;
/** A short unique tag for names and logins within one test process. */
export function uid(): string {
  return `${++n}${randomBytes(2).toString('hex')}`;
}

export function facilityInput(over: Partial<FacilityInput> = {}): FacilityInput {
  return { name: `ひまわり学童 ${uid()}`, kind: 'after_school', opens_at: '14:00', closes_at: '19:00', ...over };
}

export function familyInput(over: Partial<FamilyInput> = {}): FamilyInput {
  const tag = uid();
  return {
    name: `山田家 ${tag}`,
    address: '東京都千代田区1-1',
    phone: '03-1234-5678',
    guardians: [{ name: `山田 花子 ${tag}`, email: `hanako.${tag}@example.jp`, relation: '母' }],
    children: [{ name: `山田 太郎 ${tag}`, name_kana: 'やまだ たろう', birth_date: '2018-06-15' }],
    ...over,
  };
}

/** Signs in; when the account must change its password first, changes it. */
export async function signIn(server: TestServer, login: string, password: string): Promise<{ api: TestApi; password: string }> {
  const api = server.api();
  const user = await api.login(login, password);
  if (!user.must_change_password) return { api, password };
  const fresh = randomPassword();
  await api.changePassword({ current_password: password, new_password: fresh });
  return { api, password: fresh };
}

/** Creates a staff member through `admin` and returns it signed in (password changed). */
export async function newStaff(
  server: TestServer,
  admin: TestApi,
  facility_ids: string[],
  role: StaffRole = 'facility_staff',
) {
  const login = `staff.${uid()}`;
  const password = randomPassword();
  const staff = await admin.createStaff({ login, name: `職員 ${login}`, password, role, facility_ids });
  const session = await signIn(server, login, password);
  return { staff, login, ...session };
}

export async function newFacility(admin: TestApi, kind: FacilityKind = 'after_school') {
  return admin.createFacility(facilityInput({ kind }));
}

/** Creates a family through `staff` and signs in its first guardian. */
export async function newFamilyWithGuardian(server: TestServer, staff: TestApi, over: Partial<FamilyInput> = {}) {
  const family = await staff.createFamily(familyInput(over));
  const g = family.guardians[0];
  const session = await signIn(server, g.login, g.initial_password);
  return { family, guardian: g, ...session };
}
