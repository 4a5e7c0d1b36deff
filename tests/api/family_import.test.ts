// Importing families and children from a CSV file (docs/import.md): the dry run's report
// per row, Shift_JIS and UTF-8, the import in one transaction with its progress, known
// families skipped, and the same through `tadaima import` on the command line.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BINARY,
  createCookieFetch,
  download,
  enrolledFamily,
  newSite,
  pdfText,
  signIn,
  squash,
  until,
  startCheckinServer,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';

let server: TestServer;
let admin: TestApi;
let orgId: string;
let room: Site;
let club: Site;

const HEADER = '世帯番号,世帯名,住所,電話番号,保護者氏名,保護者ふりがな,続柄,メールアドレス,児童氏名,児童ふりがな,生年月日,施設名';
const csv = (lines: string[]) => `\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`;
const sjis = (text: string) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: text.replace(/^\uFEFF/, '') });

async function send(who: TestApi, body: Buffer | string, dryRun: boolean) {
  const res = await createCookieFetch(who.jar, () => server.url)(`/api/v1/imports/families${dryRun ? '?dry_run=true' : ''}`, {
    method: 'POST', headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': who.jar.get('tadaima_csrf') ?? '' },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, body: await res.json() as any };
}
/** Every family whose names hold `q` (all pages). */
async function families(q: string): Promise<any[]> {
  const out: any[] = [];
  let cursor = '';
  do {
    const page = (await admin.request('GET', `/api/v1/families?q=${encodeURIComponent(q)}${cursor ? `&cursor=${cursor}` : ''}`)).body;
    out.push(...page.items);
    cursor = page.next_cursor ?? '';
  } while (cursor);
  return out;
}

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  orgId = (await admin.organization()).id;
  room = await newSite(server, admin, { kind: 'drop_in', name: 'ひまわりルーム' });
  club = await newSite(server, admin, { name: 'さくら児童クラブ' });
}, 120_000);
afterAll(async () => server?.close());

describe('the dry run', () => {
  it('says per row what would be created, which cells are wrong, and changes nothing', async () => {
    const known = await enrolledFamily(server, club.staff, [club.facility.id], {
      name: '既存家', children: [{ name: '既存 はな', name_kana: 'きそん はな', birth_date: '2019-05-05' }],
    });
    const file = csv([
      '1,取込 一家,千代田区1-1,03-1111-2222,取込 花子,とりこみ はなこ,母,hanako@example.jp,取込 太郎,とりこみ たろう,2019/4/2,さくら児童クラブ',
      '1,取込 一家,,,取込 花子,,,,取込 次郎,とりこみ じろう,2021-08-15,さくら児童クラブ',
      '1,取込 一家,,,取込 一郎,とりこみ いちろう,父,,取込 太郎,とりこみ たろう,2019/4/2,',
      '2,誤り家,,,誤り 母,,,not-an-email,誤り 子,,2019-02-30,ないルーム',
      '3,誤り二家,,,,,,,,,2020-01-01,',
      `4,既存家,,,既存 母,,,,既存 はな,きそん はな,2019-05-05,`,
    ]);
    const before = (await families('取込')).length;
    const res = await send(admin, file, true);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const r = res.body.report;
    expect(r).toMatchObject({ encoding: 'utf-8', rows: 6, families: 1, children: 2, duplicate_families: 1, errors: 2, ok: false, file_problems: [] });
    const row = (n: number) => r.items.find((i: any) => i.row === n);
    expect([2, 3, 4].map((n) => row(n).action)).toEqual(['create', 'create', 'create']);
    const wrong = (n: number) => row(n).problems.map((p: any) => `${p.column}:${p.reason}`).sort();
    expect(wrong(5)).toEqual(['birth_date:not_date', 'email:not_email', 'facility:no_such_facility']);
    expect(wrong(6)).toEqual(['child_name:required', 'guardian_name:guardian_required']);
    expect([5, 6].map((n) => row(n).action)).toEqual(['error', 'error']);
    expect(row(7).action).toBe('duplicate');
    expect(row(7).duplicates).toContainEqual({ family_id: known.family.id, row: null, family_name: '既存家', why: 'same_child' });
    expect((await families('取込')).length).toBe(before);
    // Importing it is refused while it has errors, and creates nothing.
    const refused = await send(admin, file, false);
    expect([refused.status, refused.body.error.reason]).toEqual([400, 'import_has_errors']);
    expect((await families('取込')).length).toBe(before);
  });

  it('reads Shift_JIS as spreadsheets save it, and names header problems', async () => {
    const text = csv(['9,シフト家,,,シフト 母,,,,シフト 子,しふと こ,2020/1/10,ひまわりルーム']);
    const res = await send(admin, sjis(text), true);
    expect(res.body.report).toMatchObject({ encoding: 'shift_jis', families: 1, children: 1, ok: true });
    expect(res.body.report.items[0]).toMatchObject({ family_name: 'シフト家', child_name: 'シフト 子', action: 'create' });
    const header = await send(admin, '世帯名,児童氏名,生年月日,備考\r\nA家,A子,2020-01-01,メモ\r\n', true);
    expect(header.body.report.file_problems.map((p: any) => `${p.row}:${p.column}:${p.reason}`)).toEqual(['1:備考:unknown_column', '1:guardian_name:missing_column']);
    expect(header.body.report.ok).toBe(false);
  });

  it('refuses what is not a CSV file, an empty one, and anyone but an administrator', async () => {
    expect((await send(admin, Buffer.from([0xff, 0xfe, 0x00, 0x81]), true)).body.error.reason).toBe('not_csv_text');
    expect((await send(admin, `${HEADER}\r\n1,"未完,2020-01-01\r\n`, true)).body.error.reason).toBe('bad_csv');
    expect((await send(admin, `${HEADER}\r\n`, true)).body.error.reason).toBe('empty_import');
    const staff = await send(room.staff, csv(['1,A家,,,A母,,,,A子,,2020-01-01,']), true);
    expect([staff.status, staff.body.error.reason]).toEqual([403, 'org_admin_only']);
    const other = await server.login(await server.createOrg('隣町こども課'));
    // Another organization's administrator: the rows name facilities of their own organization only.
    const theirs = await send(other, csv(['1,A家,,,A母,,,,A子,,2020-01-01,ひまわりルーム']), true);
    expect(theirs.body.report.items[0].problems.map((p: any) => p.reason)).toEqual(['no_such_facility']);
  });
});

describe('the import', () => {
  it('creates every family in one transaction with its progress, enrolled where the file says; the letter gives the passwords', async () => {
    const lines: string[] = [];
    for (let i = 1; i <= 120; i++) {
      lines.push(`${100 + i},一括${i}家,,090-0000-${String(i).padStart(4, '0')},一括${i} 母,,母,,一括${i} 子,いっかつ こ,2020/4/${(i % 28) + 1},ひまわりルーム`);
      if (i % 40 === 0) lines.push(`${100 + i},一括${i}家,,,一括${i} 母,,,,一括${i} 弟,いっかつ おとうと,2022-01-0${(i % 9) + 1},ひまわりルーム`);
    }
    const started = await send(admin, csv(lines), false);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body.import).toMatchObject({ status: 'running', total: 120 });
    const id = started.body.import.id;
    const job = await until(async () => {
      const j = (await admin.request('GET', `/api/v1/imports/${id}`)).body.import;
      return j.status === 'running' ? null : j;
    }, 60_000, 'the import to finish');
    expect(job).toMatchObject({ status: 'done', total: 120, done: 120, error: null });
    const made = await families('一括');
    expect(made).toHaveLength(120);
    const forty = (await admin.getFamily(made.find((f: any) => f.name === '一括40家').id));
    expect(forty.children.map((c: any) => c.name).sort()).toEqual(['一括40 子', '一括40 弟']);
    expect(forty.enrollments.map((e: any) => e.facility_id)).toEqual([room.facility.id]);
    expect(forty.guardians[0]).toMatchObject({ name: '一括40 母', relation: '母' });
    // No password until the letter: signing in with an empty one fails.
    expect((await server.api().request('POST', '/api/v1/auth/login', { login: forty.guardians[0].login, password: '' })).status).toBeGreaterThanOrEqual(400);
    // The room's staff see the families at once, and print the letter that gives the password.
    const letter = await download(server, room.staff, `/api/v1/families/${forty.id}/invitation.pdf`);
    expect(letter.status).toBe(200);
    const login = forty.guardians[0].login;
    const text = squash(await pdfText(letter.bytes));
    expect(text).toContain(login);
    // pdftotext runs the cells together: the one 10-character code left without the login is the password
    const password = text.replaceAll(login, ' ').match(/[a-z0-9]{10}/)?.[0];
    expect(password, text).toBeTruthy();
    await signIn(server, login, password!);
    // Sent again: every family is known now, nothing is created twice.
    const again = await send(admin, csv(lines), true);
    expect(again.body.report).toMatchObject({ families: 0, duplicate_families: 120, ok: true });
    const other = await server.login(await server.createOrg('別の町'));
    expect((await other.request('GET', `/api/v1/imports/${id}`)).status).toBe(404);
    expect((await room.staff.request('GET', `/api/v1/imports/${id}`)).status).toBe(404);
  });

  it('tadaima import: the dry run on the terminal, exit 1 for a file with errors, then the import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tadaima-import-'));
    const bad = join(dir, 'bad.csv');
    const good = join(dir, 'good.csv');
    writeFileSync(bad, sjis(csv(['1,端末家,,,端末 母,,,,端末 子,,2020-13-01,'])));
    writeFileSync(good, sjis(csv(['1,端末家,,,端末 母,,,,端末 子,,2020-12-01,さくら児童クラブ'])));
    const run = (args: string[]) => promisify(execFile)(BINARY, ['import', '--db', server.dbUrl, '--org', orgId, ...args]).then(
      (r) => ({ code: 0, out: r.stdout }), (e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }));
    const refused = await run(['--file', bad]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('row 2 birth_date');
    expect(refused.out).toContain('encoding shift_jis');
    const dry = await run(['--file', good, '--dry-run']);
    expect([dry.code, dry.out]).toEqual([0, expect.stringContaining('1 families with 1 children to create')]);
    expect(await families('端末')).toHaveLength(0);
    const done = await run(['--file', good]);
    expect([done.code, done.out]).toEqual([0, expect.stringContaining('imported 1 families')]);
    const [made] = await families('端末');
    expect((await admin.getFamily(made.id)).children.map((c: any) => c.name)).toEqual(['端末 子']);
  });
});
