// The window's details: guardians' furigana and phone (their own e-mail too), going home
// alone (the guardians' permission, the kiosk's offer, the visit and the reworded departure
// notice), pick-up by a name given at the kiosk, children's care texts (who sees them, the
// audit of every staff read, the roster's markers), and the kiosk's staff PIN with the name
// search and check-in by name behind it. Every refusal is checked to change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allVisits,
  childResult,
  clientId,
  enrolledFamily,
  expectApiError,
  expectInvalid,
  newSite,
  newStaff,
  startCheckinServer,
  uid,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';

let server: TestServer;
let admin: TestApi;
/** duplicate_window_seconds 0: two scans in a row are an arrival and a departure. */
let site: Site;
let other: Site;

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  site = await newSite(server, admin, { duplicate_window_seconds: 0 });
  other = await newSite(server, admin, { duplicate_window_seconds: 0 });
});
afterAll(async () => {
  await server?.close();
});

async function cardOf(s: Site) {
  const f = await enrolledFamily(server, s.staff, [s.facility.id]);
  const credential = (await s.staff.childCredential(f.child.id)).text;
  return { ...f, credential };
}

async function departed(s: Site, credential: string) {
  await s.kiosk.stamp({ facility_id: s.facility.id, client_id: clientId(), credential });
  const out = childResult(await s.kiosk.stamp({ facility_id: s.facility.id, client_id: clientId(), credential }));
  expect(out.result).toBe('departed');
  return out;
}

/** The body of the guardian's newest departure notice of the child. */
async function departureNotice(guardian: TestApi, childId: string): Promise<string> {
  const inbox = await guardian.notifications({ limit: 50 });
  const item = inbox.items.find((n) => n.kind === 'departure' && n.child_id === childId);
  expect(item, 'a departure notice in the inbox').toBeDefined();
  return item!.body;
}

describe("guardians' furigana, phone and own e-mail", () => {
  it('staff register them; the guardian changes their own; bad values change nothing', async () => {
    const tag = uid();
    const family = await site.staff.createFamily({
      name: `佐藤家 ${tag}`,
      guardians: [{ name: `佐藤 恵 ${tag}`, name_kana: 'さとう めぐみ', phone: '090-1111-2222', relation: '母' }],
      children: [{ name: `佐藤 陽 ${tag}`, birth_date: '2018-04-10' }],
      facility_ids: [site.facility.id],
    });
    const g = family.guardians[0];
    expect(g).toMatchObject({ name_kana: 'さとう めぐみ', phone: '090-1111-2222', email: null });
    const { api: guardian } = await (await import('../support')).signIn(server, g.login, g.initial_password);
    const changed = await guardian.updateGuardian(g.id, { email: `megumi.${tag}@example.jp`, phone: '080-3333-4444', name_kana: 'サトウ メグミ' });
    expect(changed).toMatchObject({ email: `megumi.${tag}@example.jp`, phone: '080-3333-4444', name_kana: 'サトウ メグミ' });
    await expectInvalid(guardian.updateGuardian(g.id, { phone: 'call me' }), 'phone');
    await expectInvalid(guardian.updateGuardian(g.id, { name_kana: 'Sato' }), 'name_kana');
    await expectInvalid(guardian.updateGuardian(g.id, { email: 'not-an-address' }), 'email');
    expect((await site.staff.getFamily(family.id)).guardians[0]).toEqual(changed);
  });
});

describe('going home alone', () => {
  it("is the guardians' permission: they may set it on their own child only, and nothing else of the child", async () => {
    const { child, guardian } = await enrolledFamily(server, site.staff, [site.facility.id]);
    const stranger = (await enrolledFamily(server, site.staff, [site.facility.id])).guardian;
    expect(child.may_leave_alone).toBe(false);
    expect((await guardian.updateChild(child.id, { may_leave_alone: true })).may_leave_alone).toBe(true);
    await expectApiError(guardian.updateChild(child.id, { name: '別の名前' }), 403, 'permission_denied');
    await expectApiError(guardian.updateChild(child.id, { name: '別の名前', may_leave_alone: false }), 403, 'permission_denied');
    await expectApiError(stranger.updateChild(child.id, { may_leave_alone: false }), 404, 'not_found');
    expect(await site.staff.getChild(child.id)).toMatchObject({ name: child.name, may_leave_alone: true });
    const roster = await site.staff.roster(site.facility.id);
    expect(roster.items.find((i) => i.child.id === child.id)?.child.may_leave_alone).toBe(true);
  });

  it('the kiosk offers it only for allowed children, records it, and the departure notice says so', async () => {
    const allowed = await cardOf(site);
    const not = await cardOf(site);
    await allowed.guardian.updateChild(allowed.child.id, { may_leave_alone: true });

    const a = await departed(site, allowed.credential);
    expect(a.pickup_alone).toBe(true);
    const n = await departed(site, not.credential);
    expect(n.pickup_alone).toBe(false);

    await expectApiError(site.kiosk.setPickup(n.visit.id, { alone: true }), 409, 'conflict');
    expect((await allVisits(site.staff, { child_id: not.child.id }))[0]).toMatchObject({ left_alone: false, pickup_by: null });
    await expectInvalid(site.kiosk.setPickup(a.visit.id, { alone: true, pickup_by: '母' }), 'pickup_by');
    await expectInvalid(site.kiosk.setPickup(a.visit.id, {}), 'pickup_by');

    const v = await site.kiosk.setPickup(a.visit.id, { alone: true });
    expect(v).toMatchObject({ id: a.visit.id, left_alone: true, pickup_by: null });
    expect((await allVisits(site.staff, { child_id: allowed.child.id }))[0]).toMatchObject({ left_alone: true, pickup_by: null });
    const roster = await site.staff.roster(site.facility.id);
    expect(roster.items.find((i) => i.child.id === allowed.child.id)).toMatchObject({ left_alone: true, pickup_by: null });
    expect(await departureNotice(allowed.guardian, allowed.child.id)).toContain('ひとりで帰りました');
  });

  it('a name given at the kiosk (その他) replaces "alone", and the notice names who came', async () => {
    const f = await cardOf(site);
    await f.guardian.updateChild(f.child.id, { may_leave_alone: true });
    const d = await departed(site, f.credential);
    expect(d.pickup_choices).toEqual([`母 ${f.family.guardians[0].name}`]);
    expect(await departureNotice(f.guardian, f.child.id)).not.toContain('お迎え');
    await site.kiosk.setPickup(d.visit.id, { alone: true });
    const v = await site.kiosk.setPickup(d.visit.id, { pickup_by: '  叔母 田中 さくら ' });
    expect(v).toMatchObject({ pickup_by: '叔母 田中 さくら', left_alone: false });
    const body = await departureNotice(f.guardian, f.child.id);
    expect(body).toContain('お迎え：叔母 田中 さくら。');
    expect(body).not.toContain('ひとりで');
  });
});

describe("children's care texts", () => {
  it('staff of the child\'s facility read and write all three; each staff read is in the audit', async () => {
    const { child, guardian } = await enrolledFamily(server, site.staff, [site.facility.id]);
    expect(await site.staff.getChildCare(child.id)).toEqual({ allergy: null, medical: null, notes: null, updated_at: null, updated_by: null });
    const stored = await site.staff.putChildCare(child.id, { allergy: '卵・乳', medical: '熱性けいれんの既往', notes: '迎えは18時以降が多い' });
    expect(stored).toMatchObject({ allergy: '卵・乳', medical: '熱性けいれんの既往', notes: '迎えは18時以降が多い' });
    expect(stored.updated_by?.name).toMatch(/^職員 /);
    expect(await site.staff.getChildCare(child.id)).toEqual(stored);

    const audit = await admin.childAudit(child.id);
    const actions = audit.map((e) => e.action);
    expect(actions.filter((a) => a === 'child.care.read')).toHaveLength(2);
    expect(actions).toContain('child.care.update');
    expect(audit.find((e) => e.action === 'child.care.read')?.actor?.name).toMatch(/^職員 /);

    // The guardian sees allergy and medical, never the staff's notes, and their reads are not staff reads.
    expect(await guardian.getChildCare(child.id)).toMatchObject({ allergy: '卵・乳', medical: '熱性けいれんの既往', notes: null });
    await expectApiError(guardian.putChildCare(child.id, { notes: '見せて' }), 403, 'permission_denied');
    expect((await guardian.putChildCare(child.id, { allergy: '卵・乳・小麦' })).allergy).toBe('卵・乳・小麦');
    expect(await site.staff.getChildCare(child.id)).toMatchObject({ allergy: '卵・乳・小麦', notes: '迎えは18時以降が多い' });
    await expectApiError(guardian.childAudit(child.id), 403, 'permission_denied');
    expect((await admin.childAudit(child.id)).filter((e) => e.action === 'child.care.read')).toHaveLength(3);
  });

  it('blank clears, over-long is refused and changes nothing; other facilities, families and kiosks see nothing', async () => {
    const { child, guardian } = await enrolledFamily(server, site.staff, [site.facility.id]);
    const stranger = (await enrolledFamily(server, site.staff, [site.facility.id])).guardian;
    await site.staff.putChildCare(child.id, { allergy: 'そば', medical: '喘息' });
    await expectInvalid(site.staff.putChildCare(child.id, { allergy: 'あ'.repeat(1001) }), 'allergy');
    expect((await site.staff.putChildCare(child.id, { medical: '  ' })).medical).toBeNull();
    expect(await site.staff.getChildCare(child.id)).toMatchObject({ allergy: 'そば', medical: null });
    await expectApiError(other.staff.getChildCare(child.id), 404, 'not_found');
    await expectApiError(other.staff.putChildCare(child.id, { allergy: '上書き' }), 404, 'not_found');
    await expectApiError(other.staff.childAudit(child.id), 404, 'not_found');
    await expectApiError(stranger.getChildCare(child.id), 404, 'not_found');
    await expectApiError(site.kiosk.getChildCare(child.id), 403, 'permission_denied');
    expect((await guardian.getChildCare(child.id)).allergy).toBe('そば');
  });

  it('the roster and the on-site list carry markers, never the texts', async () => {
    const f = await cardOf(site);
    await site.staff.putChildCare(f.child.id, { allergy: 'ピーナッツ（エピペン）' });
    await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: f.credential });
    const roster = await site.staff.roster(site.facility.id);
    const item = roster.items.find((i) => i.child.id === f.child.id)!;
    expect(item.child.care).toEqual({ allergy: true, medical: false, notes: false });
    expect(JSON.stringify(roster)).not.toContain('ピーナッツ');
    const onSite = await site.staff.onSite(site.facility.id);
    const here = onSite.items.find((i) => i.child.id === f.child.id)!;
    expect(here.care).toEqual({ allergy: true, medical: false, notes: false });
    expect(JSON.stringify(onSite)).not.toContain('ピーナッツ');
    const preview = await site.kiosk.previewStamp({ facility_id: site.facility.id, credential: f.credential });
    expect(JSON.stringify(preview)).not.toContain('ピーナッツ');
  });
});

describe("the kiosk's staff PIN", () => {
  it('a facility without a PIN keeps the menu shut; the PIN is checked, never shown', async () => {
    const s = await newSite(server, admin);
    await expectApiError(s.kiosk.unlockKiosk('1234'), 409, 'conflict');
    for (const bad of ['123', '123456789', '12a4', '']) await expectInvalid(s.staff.updateFacility(s.facility.id, { kiosk_pin: bad }), 'kiosk_pin');
    expect((await admin.getFacility(s.facility.id)).kiosk_pin_set).toBe(false);
    // Facility staff may set the PIN of their facility, and no other setting.
    const set = await s.staff.updateFacility(s.facility.id, { kiosk_pin: '2468' });
    expect(set.kiosk_pin_set).toBe(true);
    expect(JSON.stringify(set)).not.toContain('2468');
    await expectApiError(s.staff.updateFacility(s.facility.id, { kiosk_pin: '1357', name: '変更' }), 403, 'permission_denied');
    await expectApiError(other.staff.updateFacility(s.facility.id, { kiosk_pin: '1357' }), 404, 'not_found');
    expect((await s.kiosk.kioskMe()).facility.kiosk_pin_set).toBe(true);
    await expectApiError(s.kiosk.unlockKiosk('1357'), 403, 'permission_denied');
    expect((await s.kiosk.unlockKiosk('2468')).unlocked_until).toBeTruthy();
    // Removed: the menu stays shut.
    expect((await admin.updateFacility(s.facility.id, { kiosk_pin: null })).kiosk_pin_set).toBe(false);
    await expectApiError(s.kiosk.unlockKiosk('2468'), 409, 'conflict');
  });

  it('opens the name search and check-in by name for five minutes', async () => {
    const s = await newSite(server, admin, { duplicate_window_seconds: 0 });
    await s.staff.updateFacility(s.facility.id, { kiosk_pin: '8080' });
    const f = await enrolledFamily(server, s.staff, [s.facility.id]);
    await expectApiError(s.kiosk.kioskChildren('やまだ'), 403, 'permission_denied');
    await expectApiError(s.kiosk.stamp({ facility_id: s.facility.id, client_id: clientId(), child_id: f.child.id }), 403, 'permission_denied');
    expect(await allVisits(s.staff, { child_id: f.child.id })).toEqual([]);
    expect((await s.kiosk.kioskMe()).unlocked_until).toBeNull();

    await s.kiosk.unlockKiosk('8080');
    expect((await s.kiosk.kioskMe()).unlocked_until).toBeTruthy();
    const found = await s.kiosk.kioskChildren('ヤマダ');
    expect(found.map((c) => c.id)).toContain(f.child.id);
    expect(found.find((c) => c.id === f.child.id)).toEqual({ id: f.child.id, name: f.child.name, name_kana: 'やまだ たろう', grade: expect.any(String), present: false });
    expect(found.length).toBeLessThanOrEqual(20);
    expect(await s.kiosk.kioskChildren('該当なしの名前')).toEqual([]);
    // Children of another facility are not found here.
    const elsewhere = await enrolledFamily(server, other.staff, [other.facility.id]);
    expect((await s.kiosk.kioskChildren('')).map((c) => c.id)).not.toContain(elsewhere.child.id);

    const stamped = childResult(await s.kiosk.stamp({ facility_id: s.facility.id, client_id: clientId(), child_id: f.child.id }));
    expect(stamped).toMatchObject({ result: 'arrived', visit: { method: 'manual' } });
    expect((await s.kiosk.kioskChildren('やまだ')).find((c) => c.id === f.child.id)?.present).toBe(true);

    await server.advanceClock(5 * 60 * 1000 + 1000);
    await expectApiError(s.kiosk.kioskChildren('やまだ'), 403, 'permission_denied');
    expect((await s.kiosk.kioskMe()).unlocked_until).toBeNull();
    await s.kiosk.unlockKiosk('8080');
    await s.kiosk.lockKiosk();
    await expectApiError(s.kiosk.kioskChildren('やまだ'), 403, 'permission_denied');
    expect(await allVisits(s.staff, { child_id: f.child.id })).toHaveLength(1);
  });

  it('five wrong PINs in a row shut the PIN out for five minutes, even the right one', async () => {
    const s = await newSite(server, admin);
    await s.staff.updateFacility(s.facility.id, { kiosk_pin: '4321' });
    for (let i = 0; i < 4; ++i) await expectApiError(s.kiosk.unlockKiosk('0000'), 403, 'permission_denied');
    await s.kiosk.unlockKiosk('4321');  // a right PIN resets the count
    await s.kiosk.lockKiosk();
    for (let i = 0; i < 5; ++i) await expectApiError(s.kiosk.unlockKiosk('0000'), 403, 'permission_denied');
    const shut = await expectApiError(s.kiosk.unlockKiosk('4321'), 429, 'too_many_requests');
    expect(shut.reason).toBe('too_many_pin_attempts');
    expect((await s.kiosk.kioskMe()).unlocked_until).toBeNull();
    await server.advanceClock(5 * 60 * 1000 + 1000);
    expect((await s.kiosk.unlockKiosk('4321')).unlocked_until).toBeTruthy();
  });

  it("staff's own check-in by name needs no PIN, and another facility's staff cannot", async () => {
    const f = await enrolledFamily(server, site.staff, [site.facility.id]);
    const { api: stranger } = await newStaff(server, admin, [other.facility.id]);
    await expectApiError(stranger.stamp({ facility_id: site.facility.id, client_id: clientId(), child_id: f.child.id }), 404);
    const r = childResult(await site.staff.stamp({ facility_id: site.facility.id, client_id: clientId(), child_id: f.child.id }));
    expect(r.result).toBe('arrived');
  });
});
