// Age and grade on pinned days (a test clock standing at chosen instants), around the
// April 1/2 cut-off of the Japanese school year, and "today" taken in the organization's
// time zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn, expectInvalid, familyInput, gradeOn, startServer, type TestApi, type TestServer } from '../support';
import type { Child } from '../../web/src/shared/types';

// 2027-03-31 15:00:30 UTC is 2027-04-01 00:00:30 in Tokyo: the UTC date is still March 31.
const PINNED = '2027-03-31T15:00:30Z';
const TODAY = '2027-04-01';

const TABLE: [birth: string, years: number, months: number, grade: string][] = [
  ['2027-04-01', 0, 0, '未就学'],
  ['2026-04-02', 0, 11, '未就学'],
  ['2021-04-02', 5, 11, '未就学'],
  ['2021-04-01', 6, 0, '小1'],
  ['2020-04-02', 6, 11, '小1'],
  ['2020-04-01', 7, 0, '小2'],
  ['2015-04-02', 11, 11, '小6'],
  ['2015-04-01', 12, 0, '中1'],
  ['2014-04-02', 12, 11, '中1'],
  ['2014-04-01', 13, 0, '中2'],
  ['2012-04-01', 15, 0, '高1'],
  ['2009-04-02', 17, 11, '高3'],
  ['2009-04-01', 18, 0, 'その他'],
  ['2003-07-07', 23, 8, 'その他'],
];

describe(`pinned clock ${PINNED} (Tokyo ${TODAY})`, () => {
  let server: TestServer;
  let admin: TestApi;
  beforeAll(async () => {
    server = await startServer({ testClock: PINNED });
    admin = await server.login();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('the table agrees with the independent computation', () => {
    for (const [birth, years, months, grade] of TABLE) {
      expect({ birth, age: ageOn(birth, TODAY), grade: gradeOn(birth, TODAY) }).toEqual({ birth, age: { years, months }, grade });
    }
  });

  it('computes age and grade with the April 2 cut-off', async () => {
    const family = await admin.createFamily(
      familyInput({ children: TABLE.map(([birth], i) => ({ name: `子 ${i}`, birth_date: birth })) }),
    );
    // The order of children is the server's choice: compare by birth date.
    const rows = (cs: Child[]) =>
      cs.map((c) => [c.birth_date, c.age.years, c.age.months, c.grade]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const want = [...TABLE].sort((a, b) => a[0].localeCompare(b[0]));
    expect(rows(family.children)).toEqual(want);
    const read = await admin.getFamily(family.id);
    expect(rows(read.children)).toEqual(want);
    for (const c of read.children) expect(await admin.getChild(c.id)).toEqual(c);
  });

  it("accepts a birth on the organization's today, refuses the day after", async () => {
    const ok = await admin.createFamily(familyInput({ children: [{ name: '今日生まれ', birth_date: TODAY }] }));
    expect(ok.children[0]).toMatchObject({ birth_date: TODAY, age: { years: 0, months: 0 }, grade: '未就学' });
    const family = await admin.createFamily(familyInput());
    await expectInvalid(admin.addChild(family.id, { name: '明日', birth_date: '2027-04-02' }), 'birth_date');
    expect((await admin.getFamily(family.id)).children).toEqual(family.children);
  });
});

describe('the clock moves across midnight in Tokyo', () => {
  let server: TestServer;
  afterAll(async () => {
    await server?.close();
  });

  it('grades step up when March 31 becomes April 1', async () => {
    server = await startServer({ testClock: '2027-03-31T23:59:59+09:00' });
    const admin = await server.login();
    const family = await admin.createFamily(
      familyInput({
        children: [
          { name: '四月一日', birth_date: '2020-04-01' },
          { name: '四月二日', birth_date: '2020-04-02' },
        ],
      }),
    );
    await expectInvalid(admin.addChild(family.id, { name: '明日', birth_date: '2027-04-01' }), 'birth_date');
    const byName = (cs: Child[]) => [...cs].sort((a, b) => (a.name < b.name ? -1 : 1));
    const before = byName(family.children).map((c) => [c.name, c.age.years, c.age.months, c.grade]);
    expect(before).toEqual([
      ['四月一日', 6, 11, '小1'],
      ['四月二日', 6, 11, '未就学'],
    ]);

    await server.advanceClock(1000); // 2027-04-01 00:00:00 in Tokyo
    const after = await admin.getFamily(family.id);
    expect(byName(after.children).map((c) => [c.name, c.age.years, c.age.months, c.grade])).toEqual([
      ['四月一日', 7, 0, '小2'],
      ['四月二日', 6, 11, '小1'],
    ]);
    const born = await admin.addChild(family.id, { name: '今日', birth_date: '2027-04-01' });
    expect(born.grade).toBe('未就学');
  });
});
