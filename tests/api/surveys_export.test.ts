// Surveys (アンケート), results: GET /surveys/{id}/results as JSON (counts of every option of
// the choice questions, zeros included; the values of the others; respondents and the
// families reached), as CSV in UTF-8 with a byte-order mark or in Windows-31J (read back by
// Python's csv module, cp932), and as an XLSX workbook (read back by openpyxl: the rows
// with numbers as numbers, and a sheet of the counts). Only the staff who manage the survey
// read them. (Sending: surveys.test.ts; answering: surveys_answer.test.ts.) The server's
// test clock starts at 2027-06-10 15:00 in Tokyo; the families answer five minutes apart.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffSurvey, SurveyFile, SurveyResults } from '../../web/src/shared/types';
import {
  download,
  enrolledFamily,
  expectApiError,
  expectErrorBody,
  newSite,
  startCheckinServer,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';
import { kEveryKind, surveyInput } from '../support/survey_input';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3'; // Debian's interpreter, with python3-openpyxl

let server: TestServer;
let admin: TestApi;
let a: Site; // club A: the Yamada, Sato and Tanaka families answer, the Suzuki family does not
let b: Site; // club B: another family, not asked
let yamadaMother: TestApi;
let satoMother: TestApi;
let tanakaMother: TestApi;
let suzukiMother: TestApi;
let outsider: TestApi; // the family at B
let survey: StaffSurvey;

const YAMADA_TEXT = '焼きそば、"たこ焼き", 飲み物\n二行目もあります';
const SATO_TEXT = 'よろしく①🎉';
const FORMULA = '=HYPERLINK("https://example.com/","詳細")';
const HEADER = ['世帯', '回答日時', '回答者', ...kEveryKind.map((q) => q.text)];

/** Runs `script` with Debian's Python on a temp file `name` holding `bytes`; parses its JSON output. */
async function python<T>(script: string, name: string, bytes: Buffer, ...args: string[]): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tadaima-survey-'));
  try {
    const file = join(dir, name); // openpyxl goes by the extension
    writeFileSync(file, bytes);
    const { stdout } = await run(PYTHON, ['-c', script, file, ...args], { timeout: 60_000, maxBuffer: 16 << 20 });
    return JSON.parse(stdout) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows of a CSV file, decoded strictly with `encoding` by Python's csv module. */
const csvRows = (bytes: Buffer, encoding: 'utf-8-sig' | 'cp932') =>
  python<string[][]>(
    `import csv, json, sys
with open(sys.argv[1], newline='', encoding=sys.argv[2], errors='strict') as f:
    print(json.dumps(list(csv.reader(f)), ensure_ascii=False))`,
    'results.csv',
    bytes,
    encoding,
  );

interface Cell { v: string | number | null; t: string }
/** The sheets of an XLSX workbook by openpyxl: names in order, and each sheet's cells. */
const workbook = (bytes: Buffer) =>
  python<{ names: string[]; sheets: Record<string, Cell[][]> }>(
    `import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {'names': wb.sheetnames, 'sheets': {}}
for ws in wb.worksheets:
    out['sheets'][ws.title] = [[{'v': c.value, 't': c.data_type} for c in row] for row in ws.iter_rows()]
print(json.dumps(out, ensure_ascii=False, default=str))`,
    'results.xlsx',
    bytes,
  );

const file = (who: TestApi, f: SurveyFile, id = survey.id) => download(server, who, who.surveyResultsUrl(id, f));
const byFamily = (rows: string[][]) => Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  a = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
  b = await newSite(server, admin, { name: 'さくら児童クラブ' });
  const family = (name: string, guardian: string) =>
    enrolledFamily(server, a.staff, [a.facility.id], { name, guardians: [{ name: guardian, relation: '母' }] });
  yamadaMother = (await family('山田家', '山田 恵')).guardian;
  satoMother = (await family('佐藤家', '佐藤 舞')).guardian;
  tanakaMother = (await family('田中家', '田中 優')).guardian;
  suzukiMother = (await family('鈴木家', '鈴木 綾')).guardian;
  outsider = (await enrolledFamily(server, b.staff, [b.facility.id], { name: '高橋家' })).guardian;
  survey = (await a.staff.createSurvey(surveyInput([a.facility.id]))).survey;
});
afterAll(async () => {
  await server?.close();
});

describe('results before anyone answered', () => {
  it('list every option at 0 and no values; the files have the header only', async () => {
    const { families, ...r } = await a.staff.surveyResults(survey.id);
    expect(families.map((f) => f.family.name).sort()).toEqual(['佐藤家', '山田家', '田中家', '鈴木家'].sort());
    for (const f of families) expect(f).toMatchObject({ answered_at: null, answered_by: null, reminders: 0 });
    expect(r).toEqual({
      respondents: 0,
      audience_families: 4,
      questions: [
        { id: 'q1', kind: 'single', text: '夏祭りに参加しますか？', answered: 0, counts: { 参加する: 0, 参加しない: 0 } },
        { id: 'q2', kind: 'multiple', text: 'お手伝いできる日', answered: 0, counts: { 月: 0, 水: 0, 金: 0 } },
        { id: 'q3', kind: 'text', text: 'ご意見', answered: 0, values: [] },
        { id: 'q4', kind: 'date', text: '参加できない日', answered: 0, values: [] },
        { id: 'q5', kind: 'number', text: '参加する人数', answered: 0, values: [] },
      ],
    });
    expect(await csvRows((await file(a.staff, 'csv')).bytes, 'utf-8-sig')).toEqual([HEADER]);
    expect(await csvRows((await file(a.staff, 'csv_shift_jis')).bytes, 'cp932')).toEqual([HEADER]);
    const book = await workbook((await file(a.staff, 'xlsx')).bytes);
    expect(book.sheets['回答'].map((r) => r.map((c) => c.v))).toEqual([HEADER]);
  });
});

describe('results', () => {
  let results: SurveyResults;
  beforeAll(async () => {
    await yamadaMother.answerSurvey(survey.id, { q1: '参加する', q2: ['金', '月'], q3: YAMADA_TEXT, q4: '2027-07-20', q5: 3 });
    await server.advanceClock(5 * 60_000);
    await satoMother.answerSurvey(survey.id, { q1: '参加しない', q3: SATO_TEXT, q5: 2.5 });
    await server.advanceClock(5 * 60_000);
    await tanakaMother.answerSurvey(survey.id, { q1: '参加する', q2: ['水'], q3: FORMULA, q5: 0 });
    results = await a.staff.surveyResults(survey.id);
  });

  it('as JSON: counts per option with zeros, the values of the other kinds oldest first, respondents and families', async () => {
    // Every family, the answered ones first in the order they answered.
    expect(results.families.map((f) => [f.family.name, f.answered_by?.name ?? null, f.answered_at !== null])).toEqual([
      ['山田家', '山田 恵', true],
      ['佐藤家', '佐藤 舞', true],
      ['田中家', '田中 優', true],
      ['鈴木家', null, false],
    ]);
    const { families: _, ...rest } = results;
    expect(rest).toEqual({
      respondents: 3,
      audience_families: 4,
      questions: [
        { id: 'q1', kind: 'single', text: '夏祭りに参加しますか？', answered: 3, counts: { 参加する: 2, 参加しない: 1 } },
        { id: 'q2', kind: 'multiple', text: 'お手伝いできる日', answered: 2, counts: { 月: 1, 水: 1, 金: 1 } },
        { id: 'q3', kind: 'text', text: 'ご意見', answered: 3, values: [YAMADA_TEXT, SATO_TEXT, FORMULA] },
        { id: 'q4', kind: 'date', text: '参加できない日', answered: 1, values: ['2027-07-20'] },
        { id: 'q5', kind: 'number', text: '参加する人数', answered: 3, values: [3, 2.5, 0] },
      ],
    });
    expect(await admin.surveyResults(survey.id)).toEqual(results);
    expect((await a.staff.staffSurvey(survey.id)).respondents).toBe(3);
    // `format=json` is the same answer.
    const json = await a.staff.request('GET', `/api/v1/surveys/${survey.id}/results?format=json`);
    expect(json.status).toBe(200);
    expect(json.body).toEqual(results);
  });

  it('as JSON: the counts name every option of the survey, and only those', () => {
    for (const q of results.questions.filter((x) => x.counts)) {
      expect(Object.keys(q.counts!).sort(), q.id).toEqual([...kEveryKind.find((k) => k.id === q.id)!.options!].sort());
    }
  });

  it('as CSV in UTF-8: a byte-order mark, then a row per responding family', async () => {
    for (const f of [await file(a.staff, 'csv'), await download(server, a.staff, `/api/v1/surveys/${survey.id}/results?format=csv&encoding=utf-8`)]) {
      expect(f.status).toBe(200);
      expect(f.type).toMatch(/^text\/csv; ?charset=utf-8$/i);
      expect([...f.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = await csvRows(f.bytes, 'utf-8-sig');
      expect(rows[0]).toEqual(HEADER);
      expect(rows).toHaveLength(4);
      const rowOf = byFamily(rows);
      expect(Object.keys(rowOf).sort()).toEqual(['佐藤家', '山田家', '田中家']);
      expect(rowOf['山田家']).toEqual(['山田家', expect.stringMatching(/^2027-06-10.*15:00/), '山田 恵', '参加する', '月、金', YAMADA_TEXT, '2027-07-20', '3']);
      expect(rowOf['佐藤家']).toEqual(['佐藤家', expect.stringMatching(/^2027-06-10.*15:05/), '佐藤 舞', '参加しない', '', SATO_TEXT, '', '2.5']);
      // A text a spreadsheet would run as a formula does not start with "=".
      const cell = rowOf['田中家'][5];
      expect(cell.startsWith('=')).toBe(false);
      expect(cell).toContain(FORMULA);
      expect(rowOf['田中家'].slice(3, 5).concat(rowOf['田中家'][7])).toEqual(['参加する', '水', '0']);
    }
  });

  it('as CSV in Shift_JIS (Windows-31J): cp932 reads it; what it cannot hold becomes "?"', async () => {
    const f = await file(a.staff, 'csv_shift_jis');
    expect(f.status).toBe(200);
    expect(f.type).toMatch(/^text\/csv; ?charset=(shift_jis|windows-31j)$/i);
    expect([...f.bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const rows = await csvRows(f.bytes, 'cp932');
    const utf8 = await csvRows((await file(a.staff, 'csv')).bytes, 'utf-8-sig');
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(utf8.length);
    const rowOf = byFamily(rows);
    const want = byFamily(utf8);
    expect(rowOf['山田家']).toEqual(want['山田家']);
    expect(rowOf['田中家']).toEqual(want['田中家']);
    expect(rowOf['佐藤家']).toEqual([...want['佐藤家'].slice(0, 5), 'よろしく①?', ...want['佐藤家'].slice(6)]);
  });

  it('as XLSX: the rows on 回答 with numbers as numbers, the counts on 集計', async () => {
    const f = await file(a.staff, 'xlsx');
    expect(f.status).toBe(200);
    expect(f.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(f.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const book = await workbook(f.bytes);
    expect(book.names).toEqual(expect.arrayContaining(['回答', '集計']));
    const sheet = book.sheets['回答'];
    const values = sheet.map((r) => r.map((c) => (c.v === null ? '' : c.v)));
    expect(values[0]).toEqual(HEADER);
    expect(values).toHaveLength(4);
    const rowOf = Object.fromEntries(sheet.slice(1).map((r) => [r[0].v as string, r]));
    const v = (name: string) => rowOf[name].map((c) => (c.v === null ? '' : c.v));
    expect(v('山田家')).toEqual(['山田家', expect.stringMatching(/^2027-06-10.*15:00/), '山田 恵', '参加する', '月、金', YAMADA_TEXT, '2027-07-20', 3]);
    expect(v('佐藤家')).toEqual(['佐藤家', expect.stringMatching(/^2027-06-10.*15:05/), '佐藤 舞', '参加しない', '', SATO_TEXT, '', 2.5]);
    expect(v('田中家')[7]).toBe(0);
    for (const name of ['山田家', '佐藤家', '田中家']) expect(rowOf[name][7].t, `${name}: a number cell`).toBe('n');
    expect(rowOf['山田家'][5].t).toBe('s');
    // The formula-like text is text, not a formula.
    expect(rowOf['田中家'][5].t).not.toBe('f');
    expect(String(rowOf['田中家'][5].v)).toContain(FORMULA);

    const counts = book.sheets['集計'];
    for (const q of results.questions.filter((x) => x.counts)) {
      for (const [option, n] of Object.entries(q.counts!)) {
        const row = counts.find((r) => r.some((c) => c.v === q.text) && r.some((c) => c.v === option));
        expect(row, `${q.text} / ${option} on 集計`).toBeDefined();
        expect(row!.some((c) => c.t === 'n' && c.v === n), `${q.text} / ${option}: ${n}`).toBe(true);
      }
    }
  });
});

describe('who reads the results', () => {
  it('guardians 403 (404 outside the survey); another facility\'s staff 404; bad format or encoding 400', async () => {
    await expectApiError(yamadaMother.surveyResults(survey.id), 403);
    for (const f of ['csv', 'csv_shift_jis', 'xlsx'] as const) expect((await file(yamadaMother, f)).status, f).toBe(403);
    for (const g of [suzukiMother, outsider]) {
      const e = await g.request('GET', `/api/v1/surveys/${survey.id}/results`);
      expect([403, 404]).toContain(e.status);
    }
    await expectApiError(b.staff.surveyResults(survey.id), 404);
    expect((await file(b.staff, 'xlsx')).status).toBe(404);
    expect((await download(server, null, `/api/v1/surveys/${survey.id}/results?format=csv`)).status).toBe(401);

    const bad: [string, string][] = [
      ['format=pdf', 'format'],
      ['format=CSV', 'format'],
      ['format=csv&encoding=latin1', 'encoding'],
      ['format=csv&encoding=euc-jp', 'encoding'],
      ['format=xlsx&encoding=shift_jis', 'encoding'],
    ];
    for (const [q, field] of bad) {
      const res = await a.staff.request('GET', `/api/v1/surveys/${survey.id}/results?${q}`);
      expectErrorBody(res, 400, 'invalid_argument');
      expect(Object.keys(res.body.error.fields), q).toEqual([field]);
    }
  });
});
