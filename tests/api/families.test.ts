import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDate,
  ageOn,
  expectApiError,
  familyInput,
  gradeOn,
  newFacility,
  signIn,
  startServer,
  todayIn,
  uid,
  type TestApi,
  type TestServer,
} from '../support';
import type { Child, Family, NewGuardian } from '../../web/src/shared/types';

const sortById = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
/** A family with its lists in id order, to compare contents regardless of order. */
const canonical = (f: any) => {
  const out = { ...f };
  for (const k of ['guardians', 'children', 'enrollments']) if (Array.isArray(f[k])) out[k] = sortById(f[k]);
  return out;
};

let server: TestServer;
let admin: TestApi;

beforeAll(async () => {
  server = await startServer();
  admin = await server.login();
});
afterAll(async () => {
  await server?.close();
});

async function search(q: string): Promise<Family[]> {
  const out: Family[] = [];
  let cursor: string | null = null;
  do {
    const page = await admin.listFamilies({ q, limit: 200, cursor });
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

describe('creating a family', () => {
  it('answers 201 with guardians (initial_password only here), children and no enrollments', async () => {
    const tag = uid();
    const input = {
      name: `田中家 ${tag}`,
      address: '大阪府大阪市北区2-3',
      phone: '+81 (6) 1234-5678',
      guardians: [
        { name: `田中 美咲 ${tag}`, email: `misaki.${tag}@example.jp`, relation: '母' },
        { name: `田中 健 ${tag}` },
      ],
      children: [
        { name: `田中 陽向 ${tag}`, name_kana: 'たなか ひなた', birth_date: '2017-09-03' },
        { name: `田中 凛 ${tag}`, birth_date: '2021-01-20' },
      ],
    };
    const res = await admin.request('POST', '/api/v1/families', input);
    expect(res.status).toBe(201);
    const family = res.body.family;
    expect(family).toMatchObject({ name: input.name, address: input.address, phone: input.phone, enrollments: [] });
    expect(family.guardians).toHaveLength(2);
    expect(family.guardians[0]).toMatchObject({ name: input.guardians[0].name, email: input.guardians[0].email, relation: '母' });
    expect(family.guardians[1]).toMatchObject({ name: input.guardians[1].name, email: null, relation: null });
    for (const g of family.guardians) {
      expect(g.id).toEqual(expect.any(String));
      expect(g.login).toMatch(/^[a-z0-9._-]{3,64}$/);
      expect(g.initial_password).toEqual(expect.any(String));
      expect(g.initial_password.length).toBeGreaterThanOrEqual(8);
    }
    expect(family.guardians[0].login).not.toBe(family.guardians[1].login);
    const children = sortById(family.children as Child[]).map((c: Child) => [c.name, c.name_kana, c.birth_date, c.family_id]);
    expect(children).toEqual(
      expect.arrayContaining([
        [input.children[0].name, 'たなか ひなた', '2017-09-03', family.id],
        [input.children[1].name, null, '2021-01-20', family.id],
      ]),
    );
    expect(children).toHaveLength(2);

    // Read back: same family (in any order), and no initial_password anywhere.
    const read = await admin.getFamily(family.id);
    expect(JSON.stringify(read)).not.toContain('initial_password');
    for (const g of family.guardians) expect(JSON.stringify(read)).not.toContain(g.initial_password);
    const withoutPasswords = family.guardians.map(({ initial_password: _p, ...g }: NewGuardian) => g);
    expect(canonical(read)).toEqual(canonical({ ...family, guardians: withoutPasswords }));
    const listed = await search(tag);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain('initial_password');
    expect(canonical(listed[0])).toEqual(canonical(read));

    // Each guardian can sign in with its initial password and sees its family.
    for (const g of family.guardians) {
      const { api } = await signIn(server, g.login, g.initial_password);
      const me = await api.me();
      expect(me).toMatchObject({ role: 'guardian', family_id: family.id, organization_id: (await admin.me()).organization_id });
      expect(canonical(await api.getFamily(family.id))).toEqual(canonical(read));
      expect(await api.getChild(read.children[0].id)).toEqual(read.children[0]);
    }
  });

  it('guardians and children read back in a stable order, the same as in the create answer', async () => {
    const family = await admin.createFamily(
      familyInput({
        guardians: Array.from({ length: 6 }, (_, i) => ({ name: `保護者 ${i}` })),
        children: Array.from({ length: 6 }, (_, i) => ({ name: `子 ${i}`, birth_date: `201${i}-05-0${i + 1}` })),
      }),
    );
    const read = await admin.getFamily(family.id);
    expect(read.guardians.map((g) => g.name)).toEqual(family.guardians.map((g) => g.name));
    expect(read.children.map((c) => c.name)).toEqual(family.children.map((c) => c.name));
    expect((await admin.getFamily(family.id)).guardians.map((g) => g.id)).toEqual(read.guardians.map((g) => g.id));
    // The first guardian given is the first one listed (the family's main contact).
    expect(read.guardians[0].name).toBe('保護者 0');
  });

  it('enrolls at once with facility_ids: each child at after_school/nursery, the family at drop_in', async () => {
    const school = await newFacility(admin, 'after_school');
    const nursery = await newFacility(admin, 'nursery');
    const dropIn = await newFacility(admin, 'drop_in');
    const family = await admin.createFamily(
      familyInput({
        children: [
          { name: '一郎', birth_date: '2016-05-05' },
          { name: '二郎', birth_date: '2022-05-05' },
        ],
        facility_ids: [school.id, nursery.id, dropIn.id],
      }),
    );
    const [c1, c2] = family.children;
    // A child's enrollment may also name the child's family.
    for (const e of family.enrollments) if (e.child_id) expect([null, family.id]).toContain(e.family_id);
    const got = family.enrollments.map((e) => [e.facility_id, e.child_id, e.child_id ? '-' : e.family_id, e.status]);
    const want = [
      [school.id, c1.id, '-', 'active'],
      [school.id, c2.id, '-', 'active'],
      [nursery.id, c1.id, '-', 'active'],
      [nursery.id, c2.id, '-', 'active'],
      [dropIn.id, null, family.id, 'active'],
    ];
    const key = (r: unknown[]) => JSON.stringify(r);
    expect(got.map(key).sort()).toEqual(want.map(key).sort());
    expect(sortById((await admin.getFamily(family.id)).enrollments)).toEqual(sortById(family.enrollments));
    const listed = await admin.listEnrollments({ facility_id: school.id, limit: 200 });
    expect(listed.items.map((e) => e.child_id).sort()).toEqual([c1.id, c2.id].sort());
  });

  it('a family with no children is fine', async () => {
    const family = await admin.createFamily(familyInput({ children: [] }));
    expect(family.children).toEqual([]);
  });
});

describe('changing a family', () => {
  it('PATCH /families/{id} changes name, address and phone; null clears', async () => {
    const family = await admin.createFamily(familyInput());
    const { guardians: _g, ...rest } = family;
    const changed = await admin.updateFamily(family.id, { name: '新しい家族名', phone: '090-0000-1111' });
    expect(canonical(changed)).toMatchObject(canonical({ ...rest, name: '新しい家族名', phone: '090-0000-1111', address: family.address }));
    const cleared = await admin.updateFamily(family.id, { address: null, phone: null });
    expect(cleared).toMatchObject({ name: '新しい家族名', address: null, phone: null });
    expect(await admin.getFamily(family.id)).toEqual(cleared);
  });

  it('POST /families/{id}/children adds a child (201)', async () => {
    const family = await admin.createFamily(familyInput());
    const res = await admin.request('POST', `/api/v1/families/${family.id}/children`, {
      name: '末っ子',
      name_kana: 'スエッコ',
      birth_date: '2023-02-14',
    });
    expect(res.status).toBe(201);
    const child = res.body.child as Child;
    expect(child).toMatchObject({ family_id: family.id, name: '末っ子', name_kana: 'スエッコ', birth_date: '2023-02-14' });
    expect(await admin.getChild(child.id)).toEqual(child);
    const read = await admin.getFamily(family.id);
    expect(read.children.map((c) => c.id).sort()).toEqual([...family.children.map((c) => c.id), child.id].sort());
  });

  it('PATCH /children/{id} changes name, kana and birth date; age and grade follow', async () => {
    const family = await admin.createFamily(familyInput());
    const child = family.children[0];
    const today = todayIn();
    const birth = addDate(today, { years: -9, months: -1 }).slice(0, 8) + '10';
    const changed = await admin.updateChild(child.id, { name: '改名', name_kana: null, birth_date: birth });
    const after = todayIn();
    expect(changed).toMatchObject({ id: child.id, family_id: family.id, name: '改名', name_kana: null, birth_date: birth });
    expect([ageOn(birth, today), ageOn(birth, after)]).toContainEqual(changed.age);
    expect([gradeOn(birth, today), gradeOn(birth, after)]).toContain(changed.grade);
    expect(await admin.getChild(child.id)).toEqual(changed);
  });
});

describe('age and grade for today in Asia/Tokyo', () => {
  it('match an independent computation for many birth dates', async () => {
    const today = todayIn();
    const y = Number(today.slice(0, 4));
    const births = new Set<string>([today, addDate(today, { days: -1 }), addDate(today, { years: -1 })]);
    for (let k = 0; k <= 18; k++) {
      for (const md of ['01-10', '04-01', '04-02', '07-20', '12-28']) births.add(`${y - k}-${md}`);
    }
    const valid = [...births].filter((b) => b <= today).sort();
    const children = valid.map((b, i) => ({ name: `子 ${i}`, birth_date: b }));
    const made: Child[] = [];
    for (let i = 0; i < children.length; i += 20) {
      const f = await admin.createFamily(familyInput({ children: children.slice(i, i + 20) }));
      made.push(...f.children);
    }
    const after = todayIn();
    expect(made).toHaveLength(valid.length);
    for (const child of made) {
      const expected = [
        { age: ageOn(child.birth_date, today), grade: gradeOn(child.birth_date, today) },
        { age: ageOn(child.birth_date, after), grade: gradeOn(child.birth_date, after) },
      ];
      expect(expected, `child born ${child.birth_date} (today ${today})`).toContainEqual({ age: child.age, grade: child.grade });
    }
    expect(made.find((c) => c.birth_date === today)).toMatchObject({ age: { years: 0, months: 0 }, grade: '未就学' });
  });

  it('a birth date after today is refused', async () => {
    const tomorrow = addDate(todayIn(), { days: 2 });
    const e = await expectApiError(
      admin.createFamily(familyInput({ children: [{ name: '未来', birth_date: tomorrow }] })),
      400,
      'invalid_argument',
    );
    expect(Object.keys(e.fields)).toContain('children[0].birth_date');
  });
});

describe('search', () => {
  const tag = uid();
  let yamada: Family, suzuki: Family, sato: Family;

  beforeAll(async () => {
    yamada = await admin.createFamily({
      name: `綿貫 ${tag}`,
      guardians: [{ name: `綿貫 一郎` }],
      children: [{ name: `綿貫 さくら`, name_kana: 'わたぬき さくら', birth_date: '2017-04-10' }],
    });
    suzuki = await admin.createFamily({
      name: `堤 ${tag}`,
      guardians: [{ name: `堤 洋子` }],
      children: [{ name: `堤 翔太`, name_kana: 'ツツミ ショウタ', birth_date: '2016-11-11' }],
    });
    sato = await admin.createFamily({
      name: `東山 ${tag}`,
      guardians: [{ name: `東山 次郎 ${tag}x` }],
      children: [{ name: `東山 ゆうと`, name_kana: 'ひがしやま ゆうと', birth_date: '2019-01-01' }],
    });
  });

  const ids = (fs: Family[]) => fs.map((f) => f.id).sort();

  it('by family name', async () => {
    expect(ids(await search(`堤 ${tag}`))).toEqual([suzuki.id]);
    expect(ids(await search(tag))).toEqual(ids([yamada, suzuki, sato]));
  });

  it('by guardian name', async () => {
    expect(ids(await search(`${tag}x`))).toEqual([sato.id]);
    expect(ids(await search('堤 洋子'))).toEqual([suzuki.id]);
  });

  it('by child name', async () => {
    expect(ids(await search('翔太'))).toEqual([suzuki.id]);
  });

  it('by kana written in hiragana or katakana alike', async () => {
    // stored in hiragana
    expect(ids(await search('わたぬき'))).toEqual([yamada.id]);
    expect(ids(await search('ワタヌキ'))).toEqual([yamada.id]);
    expect(ids(await search('サクラ'))).toEqual([yamada.id]);
    // stored in katakana
    expect(ids(await search('ツツミ'))).toEqual([suzuki.id]);
    expect(ids(await search('つつみ しょうた'))).toEqual([suzuki.id]);
    expect(ids(await search('ゆうと'))).toEqual([sato.id]);
    expect(ids(await search('ユウト'))).toEqual([sato.id]);
  });

  it('finds nothing for an unrelated query', async () => {
    expect(await search(`該当なし${uid()}`)).toEqual([]);
  });
});

describe('pagination', () => {
  it('walks every match exactly once with limit and cursor', async () => {
    const tag = `page${uid()}`;
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await admin.createFamily(familyInput({ name: `${tag} 家 ${i}` })));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await admin.listFamilies({ q: tag, limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((f) => f.id));
      cursor = page.next_cursor;
      pages++;
      expect(pages).toBeLessThan(10);
    } while (cursor);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen.sort()).toEqual(made.map((f) => f.id).sort());

    // Without q the walk also reaches them all, with no duplicates.
    const all: string[] = [];
    cursor = null;
    do {
      const page = await admin.listFamilies({ limit: 4, cursor });
      all.push(...page.items.map((f) => f.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    for (const f of made) expect(all).toContain(f.id);
  });

  it('defaults to 50 items', async () => {
    const tag = `many${uid()}`;
    for (let i = 0; i < 52; i++) await admin.createFamily(familyInput({ name: `${tag} ${i}`, children: [] }));
    const page = await admin.listFamilies({ q: tag });
    expect(page.items).toHaveLength(50);
    expect(page.next_cursor).toEqual(expect.any(String));
    const rest = await admin.listFamilies({ q: tag, cursor: page.next_cursor });
    expect(rest.items).toHaveLength(2);
    expect(rest.next_cursor).toBeNull();
  });
});
