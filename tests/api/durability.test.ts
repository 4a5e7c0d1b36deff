// Committed data survive `kill -9`: every answered write is on disk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilityInput, familyInput, newStaff, signIn, startServer, type TestApi, type TestServer } from '../support';

let server: TestServer;
let admin: TestApi;

beforeAll(async () => {
  server = await startServer();
  admin = await server.login();
});
afterAll(async () => {
  await server?.close();
});

describe('durability', () => {
  it('data written before kill -9 are all there after a restart on the same database', async () => {
    const facility = await admin.createFacility(facilityInput({ kind: 'drop_in' }));
    const { staff, login, password } = await newStaff(server, admin, [facility.id]);
    const families = [];
    for (let i = 0; i < 10; i++) {
      families.push(await admin.createFamily(familyInput({ name: `耐久 ${i}`, facility_ids: [facility.id] })));
    }
    const edited = await admin.updateFamily(families[0].id, { address: '最後の書き込み' });
    // The last write is answered; kill at once, no chance to flush anything later.
    await server.kill9();
    await server.restart();

    // The old session cookie still works (sessions are stored, not in memory).
    expect(await admin.getFamily(families[0].id)).toEqual(edited);
    expect(await admin.getFacility(facility.id)).toEqual(facility);
    const staffList = await admin.listStaff({ limit: 200 });
    expect(staffList.items.find((s) => s.id === staff.id)).toMatchObject({ login, facility_ids: [facility.id] });
    for (const f of families.slice(1)) {
      const { guardians, ...rest } = f;
      const read = await admin.getFamily(f.id);
      expect(read).toEqual({ ...rest, guardians: guardians.map(({ initial_password: _p, ...g }) => g) });
    }
    // Credentials made before the crash work: the staff's changed password, a guardian's initial one.
    expect((await server.api().login(login, password)).id).toBe(staff.id);
    const g = families[5].guardians[0];
    const { api } = await signIn(server, g.login, g.initial_password);
    expect((await api.getFamily(families[5].id)).id).toBe(families[5].id);
  });

  it('a write racing with kill -9 is either fully there or not at all', async () => {
    const name = `競合 ${Date.now()}`;
    const pending = admin
      .createFamily(
        familyInput({
          name,
          children: Array.from({ length: 20 }, (_, i) => ({ name: `子 ${i}`, birth_date: '2018-01-01' })),
          guardians: Array.from({ length: 3 }, (_, i) => ({ name: `保護者 ${i}` })),
        }),
      )
      .then(
        (f) => f,
        () => null,
      );
    await new Promise((r) => setTimeout(r, 20));
    await server.kill9();
    const answered = await pending;
    await server.restart();
    const found = (await admin.listFamilies({ q: name, limit: 200 })).items;
    if (answered) {
      expect(found.map((f) => f.id)).toEqual([answered.id]);
    } else {
      expect(found.length).toBeLessThanOrEqual(1);
    }
    for (const f of found) {
      expect(f.children).toHaveLength(20);
      expect(f.guardians).toHaveLength(3);
    }
  });

  it('SIGTERM stops cleanly (exit 0) and the server comes back with the data', async () => {
    const facility = await admin.createFacility(facilityInput());
    expect(await server.stop()).toBe(0);
    await server.restart();
    expect(await admin.getFacility(facility.id)).toEqual(facility);
  });
});
