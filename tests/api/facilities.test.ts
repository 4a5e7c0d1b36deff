import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectApiError,
  facilityInput,
  newStaff,
  startServer,
  type TestApi,
  type TestServer,
} from '../support';
import type { Facility, FacilityKind } from '../../web/src/shared/types';

let server: TestServer;
let admin: TestApi;

beforeAll(async () => {
  server = await startServer();
  admin = await server.login();
});
afterAll(async () => {
  await server?.close();
});

async function allFacilities(api: TestApi): Promise<Facility[]> {
  const out: Facility[] = [];
  let cursor: string | null = null;
  do {
    const page = await api.listFacilities({ limit: 2, cursor });
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

describe('facilities', () => {
  it('the organization is readable by its staff', async () => {
    const org = await admin.organization();
    expect(org).toMatchObject({ name: 'テスト市こども課', time_zone: 'Asia/Tokyo' });
    expect(org.id).toBe((await admin.me()).organization_id);
  });

  it.each<FacilityKind>(['after_school', 'drop_in', 'nursery'])('creates a %s facility (201) and reads it back', async (kind) => {
    const input = facilityInput({ kind, opens_at: '08:30', closes_at: '18:45' });
    const res = await admin.request('POST', '/api/v1/facilities', input);
    expect(res.status).toBe(201);
    const facility = res.body.facility as Facility;
    expect(facility).toEqual({
      id: expect.any(String),
      ...input,
      duplicate_window_seconds: 60,
      offline_retention_hours: 72,
      plan_deadline_days: 1,
      plan_deadline_time: '17:00',
      not_arrived_grace_minutes: 15,
      not_arrived_notify: false,
      kiosk_pin_set: false,
    });
    expect(await admin.getFacility(facility.id)).toEqual(facility);
    expect((await allFacilities(admin)).find((f) => f.id === facility.id)).toEqual(facility);
  });

  it('trims names', async () => {
    const f = await admin.createFacility(facilityInput({ name: '  ちびっこ広場  ' }));
    expect(f.name).toBe('ちびっこ広場');
  });

  it('PATCH changes only the given fields', async () => {
    const f = await admin.createFacility(facilityInput());
    const renamed = await admin.updateFacility(f.id, { name: 'さくら学童' });
    expect(renamed).toEqual({ ...f, name: 'さくら学童' });
    const hours = await admin.updateFacility(f.id, { opens_at: '13:00', closes_at: '20:00' });
    expect(hours).toEqual({ ...f, name: 'さくら学童', opens_at: '13:00', closes_at: '20:00' });
    const kind = await admin.updateFacility(f.id, { kind: 'nursery' });
    expect(kind.kind).toBe('nursery');
    expect(await admin.getFacility(f.id)).toEqual(kind);
  });

  it('lists with a cursor: every facility exactly once', async () => {
    for (let i = 0; i < 5; i++) await admin.createFacility(facilityInput());
    const listed = await allFacilities(admin);
    const ids = listed.map((f) => f.id);
    const pageOfTwo = await admin.listFacilities({ limit: 2 });
    expect(pageOfTwo.items).toHaveLength(2);
    expect(pageOfTwo.next_cursor).toEqual(expect.any(String));
    expect(new Set(ids).size).toBe(ids.length);
    const big = await admin.listFacilities({ limit: 200 });
    expect(big.next_cursor).toBeNull();
    expect(new Set(ids)).toEqual(new Set(big.items.map((f) => f.id)));
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const first = await admin.listFacilities({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.next_cursor).toEqual(expect.any(String));
  });

  it('facility_staff sees only its facilities and may not create or change them', async () => {
    const mine = await admin.createFacility(facilityInput());
    const other = await admin.createFacility(facilityInput());
    const { api: staff } = await newStaff(server, admin, [mine.id]);
    expect((await allFacilities(staff)).map((f) => f.id)).toEqual([mine.id]);
    expect(await staff.getFacility(mine.id)).toEqual(mine);
    await expectApiError(staff.getFacility(other.id), 404, 'not_found');
    await expectApiError(staff.createFacility(facilityInput()), 403, 'permission_denied');
    // Changing facilities is for org_admin only: 403 for their own facility; one they do not
    // cover answers 404 as it does to GET (one rule for ids the caller cannot see).
    await expectApiError(staff.updateFacility(mine.id, { name: 'だめ' }), 403, 'permission_denied');
    await expectApiError(staff.updateFacility(other.id, { name: 'だめ' }), 404, 'not_found');
    await expectApiError(staff.updateFacility('does-not-exist', { name: 'だめ' }), 404, 'not_found');
    expect(await admin.getFacility(mine.id)).toEqual(mine);
    expect(await admin.getFacility(other.id)).toEqual(other);
  });

  it('an unknown id answers 404', async () => {
    await expectApiError(admin.getFacility('does-not-exist'), 404, 'not_found');
    await expectApiError(admin.updateFacility('does-not-exist', { name: 'x' }), 404, 'not_found');
  });
});
