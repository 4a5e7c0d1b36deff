// Public pre-registration (事前登録) → review → the window letter (登録案内状) → the
// family's registration per room, through the running binary on the test's database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientId,
  createCookieFetch,
  download,
  familyResult,
  newFacility,
  newSite,
  pdfPageQr,
  pdfText,
  registrationForm,
  registrationInput,
  sendRegistration,
  signIn,
  squash,
  startCheckinServer,
  submitRegistration,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';

let server: TestServer;
let admin: TestApi;
let orgId: string;
let room: Site; // a drop-in room with its staff and kiosk
let club: Site; // an after-school club

const post = (who: TestApi, path: string, body?: unknown) => who.request('POST', path, body);
const get = (who: TestApi, path: string) => who.request('GET', path);
const pending = async (who: TestApi) => (await get(who, '/api/v1/registrations?status=pending')).body.items as any[];

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  orgId = (await admin.organization()).id;
  room = await newSite(server, admin, { kind: 'drop_in' });
  club = await newSite(server, admin);
}, 120_000);
afterAll(async () => server?.close());

describe('the public form', () => {
  it('names the organization and its drop-in rooms, and is 404 for an unknown organization', async () => {
    const form = await registrationForm(server, orgId);
    expect(form.organization.id).toBe(orgId);
    expect(form.rooms.map((r) => r.id)).toContain(room.facility.id);
    expect(form.rooms.map((r) => r.id)).not.toContain(club.facility.id);
    expect(form.min_fill_seconds).toBe(5);
    const unknown = await get(server.api(), '/api/v1/registrations/form?organization_id=nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.reason).toBe('no_such_organization');
  });

  it('refuses a form sent too soon, then takes the same form sent again later', async () => {
    const form = await registrationForm(server, orgId);
    const input = registrationInput(orgId, form.form_token);
    const before = (await pending(admin)).length;
    const early = await post(server.api(), '/api/v1/registrations', input);
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({ reason: 'filled_too_fast', field_reasons: { form_token: 'filled_too_fast' } });
    expect((await pending(admin)).length).toBe(before);
    await server.advanceClock(6000);
    const later = await post(server.api(), '/api/v1/registrations', input);
    expect(later.status).toBe(201);
    expect(later.body.registration.status).toBe('pending');
    expect((await pending(admin)).map((r) => r.id)).toContain(later.body.registration.id);
  });

  it('refuses an expired, forged or foreign token', async () => {
    const form = await registrationForm(server, orgId);
    await server.advanceClock(24 * 3600 * 1000 + 1000);
    const expired = await post(server.api(), '/api/v1/registrations', registrationInput(orgId, form.form_token));
    expect(expired.body.error.field_reasons).toEqual({ form_token: 'form_expired' });
    const forged = await post(server.api(), '/api/v1/registrations', registrationInput(orgId, form.form_token.replace(/.$/, (c) => (c === '0' ? '1' : '0'))));
    expect(forged.body.error.field_reasons).toEqual({ form_token: 'not_form_token' });
    const other = await server.createOrg('隣町こども課');
    const otherOrg = (await (await server.login(other)).organization()).id;
    const foreign = await post(server.api(), '/api/v1/registrations', registrationInput(otherOrg, (await registrationForm(server, orgId)).form_token));
    expect(foreign.body.error.field_reasons).toEqual({ form_token: 'not_form_token' });
  });

  it('names every bad field and keeps nothing', async () => {
    const before = (await pending(admin)).length;
    const { res } = await sendRegistration(server, orgId, {
      phone: '', consent: false as never,
      guardians: [{ name: '', name_kana: 'Sato' }],
      children: [{ name: '佐藤 陽菜', birth_date: '2099-01-01' }],
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields ?? {}).sort()).toEqual(
      ['children[0].birth_date', 'consent', 'guardians[0].name', 'guardians[0].name_kana', 'phone'].sort());
    expect(res.body.error.field_reasons.consent).toBe('consent_required');
    expect((await pending(admin)).length).toBe(before);
  });

  it('answers a filled hidden field like an accepted form and keeps nothing', async () => {
    const before = (await pending(admin)).length;
    const { res } = await sendRegistration(server, orgId, { website: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect(res.body.registration.status).toBe('pending');
    expect((await pending(admin)).map((r) => r.id)).not.toContain(res.body.registration.id);
    expect((await pending(admin)).length).toBe(before);
  });

  it('limits one address to 20 forms an hour, then answers 429 until the hour has passed', async () => {
    await server.advanceClock(3600 * 1000 + 1000); // the earlier tests' forms fall out of the window
    const form = await registrationForm(server, orgId);
    await server.advanceClock(6000);
    let last = 0;
    for (let i = 0; i < 20; i++) last = (await post(server.api(), '/api/v1/registrations', registrationInput(orgId, form.form_token, { website: 'x' }))).status;
    expect(last).toBe(201);
    const over = await post(server.api(), '/api/v1/registrations', registrationInput(orgId, form.form_token));
    expect(over.status).toBe(429);
    expect(over.body.error.reason).toBe('too_many_registrations');
    await server.advanceClock(3600 * 1000 + 1000);
    expect((await sendRegistration(server, orgId)).res.status).toBe(201);
  });
});

describe('the review', () => {
  it('shows possible duplicates by child (kana-insensitive) and phone, and never to the public', async () => {
    const known = await room.staff.createFamily({
      name: '既存 高橋家', phone: '097-555-0101', facility_ids: [room.facility.id],
      guardians: [{ name: '高橋 母' }], children: [{ name: '高橋 ゆい', name_kana: 'タカハシ ユイ', birth_date: '2023-02-02' }],
    });
    const { id } = await submitRegistration(server, orgId, {
      family_name: '高橋家', phone: '０９７ー５５５ー０１０１',
      children: [{ name: '高橋 結衣', name_kana: 'たかはし ゆい', birth_date: '2023-02-02' }],
    });
    const { id: twin } = await submitRegistration(server, orgId, {
      family_name: '高橋家（再送）', phone: '080-0000-9999', children: [{ name: '高橋 結衣', birth_date: '2023-02-02' }],
    });
    const item = (await get(room.staff, `/api/v1/registrations/${id}`)).body.registration;
    const dups = item.possible_duplicates.map((d: any) => `${d.family_id ?? d.registration_id}:${d.why}`).sort();
    expect(dups).toEqual([`${known.id}:same_child`, `${known.id}:same_phone`, `${twin}:same_child`].sort());
    expect(item.children[0]).toMatchObject({ name: '高橋 結衣', name_kana: 'たかはし ゆい', birth_date: '2023-02-02' });
    expect(item.created_at).toMatch(/\+09:00$/);
    expect((await get(server.api(), `/api/v1/registrations/${id}`)).status).toBe(401);
    expect((await get(club.staff, '/api/v1/registrations')).status).toBe(403);
    expect((await get(club.staff, '/api/v1/registrations')).body.error.reason).toBe('reviewers_only');
  });

  it('approves into a new family with logins, once', async () => {
    const { id, input } = await submitRegistration(server, orgId);
    const res = await post(room.staff, `/api/v1/registrations/${id}/approve`, {});
    expect(res.status).toBe(201);
    const { family, logins } = res.body;
    expect(family.name).toBe(input.family_name);
    expect(family.children.map((c: any) => c.name).sort()).toEqual(input.children.map((c) => c.name).sort());
    expect(family.guardians.map((g: any) => g.name)).toEqual(input.guardians.map((g) => g.name));
    expect(family.enrollments).toEqual([]);
    expect(logins).toHaveLength(2);
    const { api: guardian } = await signIn(server, logins[0].login, logins[0].initial_password);
    expect((await guardian.me()).family_id).toBe(family.id);
    const again = await post(room.staff, `/api/v1/registrations/${id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toBe('registration_decided');
    const approved = (await get(admin, '/api/v1/registrations?status=approved')).body.items.find((r: any) => r.id === id);
    expect(approved).toMatchObject({ status: 'approved', family_id: family.id });
    expect(approved.decided_by_name).toBeTruthy();
  });

  it('merges into a known family: new guardians, only the children it lacks', async () => {
    const known = await room.staff.createFamily({
      name: '既存 伊藤家', facility_ids: [room.facility.id], guardians: [{ name: '伊藤 父' }],
      children: [{ name: '伊藤 そら', name_kana: 'いとう そら', birth_date: '2021-07-07' }],
    });
    const { id } = await submitRegistration(server, orgId, {
      guardians: [{ name: '伊藤 母', relation: '母' }],
      children: [{ name: '伊藤 そら', name_kana: 'イトウ ソラ', birth_date: '2021-07-07' }, { name: '伊藤 うみ', birth_date: '2024-01-20' }],
    });
    const res = await post(room.staff, `/api/v1/registrations/${id}/approve`, { merge_into_family_id: known.id });
    expect(res.status).toBe(201);
    expect(res.body.family.id).toBe(known.id);
    expect(res.body.family.children.map((c: any) => c.name).sort()).toEqual(['伊藤 うみ', '伊藤 そら']);
    expect(res.body.family.guardians.map((g: any) => g.name).sort()).toEqual(['伊藤 母', '伊藤 父']);
    expect(res.body.logins).toHaveLength(1);
  });

  it('rejects with a reason; a bad reason or an unknown or foreign id changes nothing', async () => {
    const { id } = await submitRegistration(server, orgId);
    expect((await post(room.staff, `/api/v1/registrations/${id}/reject`, { reason: ' ' })).body.error.reason).toBe('reject_reason_required');
    const other = await server.login(await server.createOrg('別の市'));
    expect((await post(other, `/api/v1/registrations/${id}/reject`, { reason: '重複' })).status).toBe(404);
    expect((await post(other, `/api/v1/registrations/${id}/approve`, {})).status).toBe(404);
    expect((await get(other, `/api/v1/registrations/${id}`)).status).toBe(404);
    expect((await pending(room.staff)).map((r) => r.id)).toContain(id);
    const res = await post(room.staff, `/api/v1/registrations/${id}/reject`, { reason: '重複した申請のため' });
    expect(res.status).toBe(200);
    expect(res.body.registration).toMatchObject({ status: 'rejected', reject_reason: '重複した申請のため' });
    expect((await post(room.staff, `/api/v1/registrations/${id}/approve`, {})).status).toBe(409);
  });
});

describe('the window letter and the rooms', () => {
  it('prints fresh passwords that replace the old, lists self-chosen ones without, and the QR is the app', async () => {
    const { id } = await submitRegistration(server, orgId);
    const { family, logins } = (await post(room.staff, `/api/v1/registrations/${id}/approve`, {})).body;
    // the second guardian chooses a password; the first has not signed in yet
    await signIn(server, logins[1].login, logins[1].initial_password);
    const pdf = await download(server, room.staff, `/api/v1/families/${family.id}/invitation.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const text = squash(await pdfText(pdf.bytes));
    expect(text).toContain('登録案内状');
    expect(text).toContain(squash(family.name));
    expect(text).toContain(logins[0].login);
    expect(text).toContain(logins[1].login);
    expect(text).toContain('ご自分で決めたパスワードをお使いください');
    expect(text).not.toContain(logins[0].initial_password);
    expect(await pdfPageQr(pdf.bytes)).toBe(`${server.url}/app/`);
    // the letter's password works; the one shown at approval no longer does
    // pdftotext runs the cells together: the one 10-character code left without the logins
    const fresh = text.replaceAll(logins[0].login, ' ').replaceAll(logins[1].login, ' ').match(/[a-z0-9]{10}/)?.[0];
    expect(fresh, text).toBeTruthy();
    expect((await server.api().request('POST', '/api/v1/auth/login', { login: logins[0].login, password: logins[0].initial_password })).status).toBe(401);
    await signIn(server, logins[0].login, fresh!);
  });

  it('prints a batch, a page each, and refuses a foreign family', async () => {
    const a = (await post(room.staff, `/api/v1/registrations/${(await submitRegistration(server, orgId)).id}/approve`, {})).body.family;
    const b = (await post(room.staff, `/api/v1/registrations/${(await submitRegistration(server, orgId)).id}/approve`, {})).body.family;
    const res = await createCookieFetch(admin.jar, () => server.url)('/api/v1/invitations.pdf', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': admin.jar.get('tadaima_csrf') ?? '' },
      body: JSON.stringify({ family_ids: [a.id, b.id] }),
    });
    expect(res.status).toBe(200);
    const pages = (await pdfText(Buffer.from(await res.arrayBuffer()))).split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    expect(squash(pages[0])).toContain(squash(a.name));
    expect(squash(pages[1])).toContain(squash(b.name));
    const other = await server.login(await server.createOrg('別の町'));
    expect((await post(other, '/api/v1/invitations.pdf', { family_ids: [a.id] })).status).toBe(404);
    expect((await post(admin, '/api/v1/invitations.pdf', { family_ids: [] })).status).toBe(400);
    expect((await get(club.staff, `/api/v1/families/${a.id}/invitation.pdf`)).status).toBe(404);
  });

  it("a family's code works at a room only once its staff approved the room registration", async () => {
    const { id } = await submitRegistration(server, orgId);
    const { family, logins } = (await post(room.staff, `/api/v1/registrations/${id}/approve`, {})).body;
    const { api: guardian } = await signIn(server, logins[0].login, logins[0].initial_password);
    const rooms = (await get(guardian, '/api/v1/me/rooms')).body.items;
    expect(rooms.find((r: any) => r.facility.id === room.facility.id)).toMatchObject({ enrollment: null });
    expect(rooms.find((r: any) => r.facility.id === club.facility.id)).toBeUndefined();
    const notRoom = await post(guardian, '/api/v1/me/enrollments', { facility_id: club.facility.id });
    expect(notRoom.body.error.field_reasons).toEqual({ facility_id: 'not_drop_in' });
    const asked = await post(guardian, '/api/v1/me/enrollments', { facility_id: room.facility.id });
    expect(asked.status).toBe(201);
    expect(asked.body.enrollment.status).toBe('pending');
    expect((await post(guardian, '/api/v1/me/enrollments', { facility_id: room.facility.id })).status).toBe(409);
    const credential = (await guardian.familyCredential(family.id)).text;
    const refused = await room.kiosk.request('POST', '/api/v1/stamps', { facility_id: room.facility.id, client_id: clientId(), credential });
    expect(refused.body.error?.reason ?? refused.body.results?.[0]?.reason).toBe('not_enrolled');
    expect((await post(room.staff, `/api/v1/enrollments/${asked.body.enrollment.id}/approve`)).status).toBe(200);
    expect((await get(guardian, '/api/v1/me/rooms')).body.items.find((r: any) => r.facility.id === room.facility.id).enrollment.status).toBe('active');
    const stamped = await room.kiosk.stamp({ facility_id: room.facility.id, client_id: clientId(), credential });
    expect(familyResult(stamped).results.map((r: any) => r.result)).toEqual(['arrived', 'arrived']);
  });

  it('keeps the staff of another organization and the public out of the rooms and queue', async () => {
    const other = await server.login(await server.createOrg('遠くの市'));
    expect((await get(other, '/api/v1/registrations')).body.items).toEqual([]);
    expect((await get(server.api(), '/api/v1/registrations')).status).toBe(401);
    expect((await get(server.api(), '/api/v1/me/rooms')).status).toBe(401);
    const { api: guardian } = await signIn(server, ...(await (async () => {
      const { logins } = (await post(admin, `/api/v1/registrations/${(await submitRegistration(server, orgId)).id}/approve`, {})).body;
      return [logins[0].login, logins[0].initial_password] as const;
    })()));
    const otherRoom = await newFacility(other, 'drop_in');
    expect((await post(guardian, '/api/v1/me/enrollments', { facility_id: otherRoom.id })).status).toBe(404);
    expect((await get(guardian, '/api/v1/registrations')).status).toBe(403);
  });
});
