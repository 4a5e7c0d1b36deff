// Readers of the monthly report's files for the tests: openpyxl for XLSX, Python's csv
// module for CSV (UTF-8 with BOM, cp932), pdftotext for PDF; and the check of a report
// table (an XLSX sheet, a CSV block) against the JSON figures.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { FacilityKind } from '../../web/src/shared/types';
import { BANDS, dayLabel, OTHER, REPORT_GRADES, type ChildLine, type Counts, type DayCounts } from './stats_counts';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3'; // Debian's interpreter, with python3-openpyxl

// ---- reading the files ----

/** Runs `script` with Debian's Python on a temp file `name` holding `bytes`; parses its JSON output. */
async function python<T>(script: string, name: string, bytes: Buffer, ...args: string[]): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tadaima-report-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const { stdout } = await run(PYTHON, ['-c', script, file, ...args], { timeout: 60_000, maxBuffer: 16 << 20 });
    return JSON.parse(stdout) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A cell: its value and openpyxl's data_type ('n' number, 's' string…; CSV cells are 's'). */
export interface Cell {
  v: string | number | boolean | null;
  t: string;
}

/** The sheets of an XLSX workbook by openpyxl: names in order, and each sheet's cells. */
export const readWorkbook = (bytes: Buffer) =>
  python<{ names: string[]; sheets: Record<string, Cell[][]> }>(
    `import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {'names': wb.sheetnames, 'sheets': {}}
for ws in wb.worksheets:
    out['sheets'][ws.title] = [[{'v': c.value, 't': c.data_type} for c in row] for row in ws.iter_rows()]
print(json.dumps(out, ensure_ascii=False, default=str))`,
    'report.xlsx',
    bytes,
  );

/** The rows of a CSV file, decoded strictly with `encoding` by Python's csv module. */
export const readCsv = (bytes: Buffer, encoding: 'utf-8-sig' | 'cp932') =>
  python<string[][]>(
    `import csv, json, sys
with open(sys.argv[1], newline='', encoding=sys.argv[2], errors='strict') as f:
    print(json.dumps(list(csv.reader(f)), ensure_ascii=False))`,
    'report.csv',
    bytes,
    encoding,
  );

/** CSV rows as cells (text; an empty field is null). */
export const csvCells = (rows: string[][]): Cell[][] => rows.map((r) => r.map((v) => ({ v: v === '' ? null : v, t: 's' })));

/** pdftotext -layout: the text of each page (UTF-8). */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tadaima-report-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { timeout: 30_000, maxBuffer: 16 << 20 });
    const pages = stdout.split('\f');
    if (pages.length > 1 && pages.at(-1)!.trim() === '') pages.pop();
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- the report's table (an XLSX sheet, a CSV block) against the JSON ----

/** The columns of a drop-in room or nursery, and of an after-school club (備考 comes last). */
export const DROP_IN_COLUMNS = ['日付', '組数', '0歳', '1歳', '2歳', '3歳以上未就学', '小学生', '中学生', 'その他', '子ども計', '大人', '初回', '相談', '講座'];
export const AFTER_SCHOOL_COLUMNS = ['日付', '小1', '小2', '小3', '小4', '小5', '小6', 'その他', '計', '延長(分)'];
export const NOTE = '備考';
export const CLOSED = '休館';

/** The figures of one column label of the report (その他: the band or the grade by the kind of table). */
function figureOf(label: string, otherIs: 'band' | 'grade' | null): ((c: Counts) => number) | null {
  switch (label) {
    case '組数': return (c) => c.visits;
    case '子ども計': case '計': return (c) => c.children;
    case '大人': return (c) => c.adults;
    case '初回': return (c) => c.first_time_families;
    case '相談': return (c) => c.consultations;
    case '講座': return (c) => c.course_participants;
    case '延長(分)': return (c) => c.extension_minutes;
    case OTHER:
      if (otherIs === 'band') return (c) => c.bands[OTHER] ?? 0;
      if (otherIs === 'grade') return (c) => c.grades[OTHER] ?? 0;
      return null;
  }
  if ((BANDS as readonly string[]).includes(label)) return (c) => c.bands[label] ?? 0;
  if ((REPORT_GRADES as readonly string[]).includes(label)) return (c) => c.grades[label] ?? 0;
  return null;
}

export interface TableWant {
  /** For messages: the sheet or block. */
  where: string;
  kind: FacilityKind | 'total';
  /** Texts the title row(s) above the header must hold (facility name, 2027年6月…). */
  titles: string[];
  /** Texts the title row(s) must not hold. */
  notInTitles?: string[];
  days: DayCounts[];
  totals: Counts;
  /** The open days: a 開館日数 row after 合計, when the table has one, must say so. */
  open_days: number;
  children: ChildLine[];
}

/** The label of the optional row after 合計 that gives the open days. */
export const OPEN_DAYS = '開館日数';

const blank = (c: Cell | undefined) => c === undefined || c.v === null || c.v === '';
const blankRow = (r: Cell[] | undefined) => !r || r.every(blank);
const text = (c: Cell | undefined) => (c === undefined || c.v === null ? '' : String(c.v));

/**
 * Checks a table of the report cell by cell: title row(s), the header row (first cell
 * 日付; columns found by label), a row per day (the day as "6/1（火）", every figure, 休館 in
 * 備考 on a closed day), the 合計 row, and for an after-school club a blank row, a header
 * row 児童 and a row per child (name, grade, days, extension minutes); nothing else.
 * `numbers`: 'cells' wants number cells (XLSX), 'text' decimal text (CSV).
 */
export function checkTable(rows: Cell[][], want: TableWant, numbers: 'cells' | 'text'): void {
  const w = want.where;
  const h = rows.findIndex((r) => text(r[0]) === '日付');
  expect(h, `${w}: a header row whose first cell is 日付`).toBeGreaterThanOrEqual(1);
  const titleText = rows.slice(0, h).flat().map(text).join(' ');
  for (const t of want.titles) expect(titleText, `${w}: the title holds ${t}`).toContain(t);
  for (const t of want.notInTitles ?? []) expect(titleText, `${w}: the title does not hold ${t}`).not.toContain(t);

  const header = rows[h].map(text);
  while (header.length > 0 && header.at(-1) === '') header.pop();
  if (want.kind !== 'total') {
    const columns = want.kind === 'after_school' ? AFTER_SCHOOL_COLUMNS : DROP_IN_COLUMNS;
    expect([...header].sort(), `${w}: the header labels`).toEqual([...columns, NOTE].sort());
  } else {
    expect(header.filter((l) => l !== '日付' && l !== NOTE && figureOf(l, 'band') === null), `${w}: labels of the 合計 table`).toEqual([]);
    expect(header.length, `${w}: the 合計 table has figures`).toBeGreaterThan(1);
  }
  const twice = header.filter((l, i) => header.indexOf(l) !== i && !(want.kind === 'total' && l === OTHER));
  expect(twice, `${w}: no label twice`).toEqual([]);
  const otherFor = (i: number): 'band' | 'grade' | null => {
    if (want.kind === 'after_school') return 'grade';
    if (want.kind !== 'total') return 'band';
    const prev = header[i - 1];
    return prev === '中学生' ? 'band' : prev === '小6' ? 'grade' : null;
  };
  const figures = header.map((label, i) => ({ label, i, of: figureOf(label, otherFor(i)) })).filter((c) => c.of !== null);
  expect(figures.length, `${w}: every figure column is known (${header.join(',')})`).toBe(header.filter((l) => l !== '日付' && l !== NOTE).length);
  const noteAt = header.indexOf(NOTE);

  const number = (c: Cell | undefined, what: string): number => {
    if (numbers === 'cells') {
      expect({ v: c?.v, t: c?.t, number: typeof c?.v === 'number' }, `${w} ${what}: a number cell`).toMatchObject({ t: 'n', number: true });
      return c!.v as number;
    }
    expect(text(c), `${w} ${what}: a number`).toMatch(/^\d+$/);
    return Number(text(c));
  };
  const checkRow = (row: Cell[], label: string, c: Counts, what: string) => {
    expect(text(row[0]), `${w} ${what}: the first cell`).toBe(label);
    const got = Object.fromEntries(figures.map((f) => [f.label + (f.label === OTHER ? `(${otherFor(f.i)})` : ''), number(row[f.i], `${what} ${f.label}`)]));
    const expected = Object.fromEntries(figures.map((f) => [f.label + (f.label === OTHER ? `(${otherFor(f.i)})` : ''), f.of!(c)]));
    expect(got, `${w} ${what}`).toEqual(expected);
    for (let i = 1; i < Math.max(row.length, header.length); i++) {
      if (i === noteAt || figures.some((f) => f.i === i)) continue;
      expect(blank(row[i]), `${w} ${what}: column ${i + 1} is empty`).toBe(true);
    }
  };

  want.days.forEach((d, n) => {
    const row = rows[h + 1 + n] ?? [];
    checkRow(row, dayLabel(d.date), d, d.date);
    if (want.kind !== 'total') {
      expect(text(row[noteAt]), `${w} ${d.date}: 備考`).toBe(d.open ? '' : CLOSED);
    } else {
      expect(['', CLOSED], `${w} ${d.date}: 備考`).toContain(text(row[noteAt]));
    }
  });
  const totalAt = h + 1 + want.days.length;
  checkRow(rows[totalAt] ?? [], '合計', want.totals, '合計');

  let rest = totalAt + 1;
  // Not in the contract's layout, but the JSON's open_days: a row 開館日数 may follow 合計.
  if (text(rows[rest]?.[0]) === OPEN_DAYS) {
    const row = rows[rest];
    expect(number(row[1], OPEN_DAYS), `${w}: ${OPEN_DAYS}`).toBe(want.open_days);
    for (let i = 2; i < row.length; i++) expect(blank(row[i]), `${w} ${OPEN_DAYS}: column ${i + 1} is empty`).toBe(true);
    rest++;
  }
  if (want.kind === 'after_school') {
    expect(blankRow(rows[rest]), `${w}: a blank row after 合計`).toBe(true);
    while (rest < rows.length && blankRow(rows[rest])) rest++;
    expect(text(rows[rest]?.[0]), `${w}: the children's header row`).toBe('児童');
    rest++;
    const lines = rows.slice(rest, rest + want.children.length).map((r, i) => {
      const what = `child ${i + 1}`;
      for (let j = 4; j < r.length; j++) expect(blank(r[j]), `${w} ${what}: column ${j + 1} is empty`).toBe(true);
      return { name: text(r[0]), grade: text(r[1]), days: number(r[2], `${what} days`), extension_minutes: number(r[3], `${what} 延長`) };
    });
    expect(lines, `${w}: the children`).toEqual(want.children.map((c) => ({ name: c.name, grade: c.grade, days: c.days, extension_minutes: c.extension_minutes })));
    rest += want.children.length;
  }
  const after = rows.slice(rest).filter((r) => !blankRow(r)).map((r) => r.map(text));
  expect(after, `${w}: nothing after the table`).toEqual([]);
}

/** The blocks of a report CSV: each from its title row (the row above a 日付 header) to the next. */
export function csvBlocks(rows: Cell[][]): Cell[][][] {
  const heads = rows.map((r, i) => (text(r[0]) === '日付' ? i : -1)).filter((i) => i >= 0);
  return heads.map((h, n) => rows.slice(Math.max(0, h - 1), n + 1 < heads.length ? heads[n + 1] - 1 : rows.length));
}

/** The title row(s) of a block or sheet as one text. */
export const titleOf = (rows: Cell[][]): string => rows.slice(0, Math.max(0, rows.findIndex((r) => text(r[0]) === '日付'))).flat().map(text).join(' ');

/** The figures of `header`'s columns (labels as in the report; その他 by the label before it). */
export function figuresUnder(header: string[], c: Counts): number[] {
  return header.flatMap((label, i) => {
    if (label === '日付' || label === NOTE || label === '') return [];
    const prev = header[i - 1];
    const of = figureOf(label, prev === '中学生' ? 'band' : prev === '小6' ? 'grade' : null);
    if (!of) throw new Error(`no figure for column ${label} of ${header.join(',')}`);
    return [of(c)];
  });
}

/**
 * The sections of a report PDF's pages: each starts at a page holding the month's title
 * text (`title`) and takes the pages after it that do not (a table run onto a next page).
 */
export function pdfSections(pages: string[], title: string): { pages: string[]; text: string }[] {
  const out: { pages: string[]; text: string }[] = [];
  for (const p of pages) {
    if (p.replace(/\s+/g, '').includes(title) || out.length === 0) out.push({ pages: [p], text: p });
    else {
      out[out.length - 1].pages.push(p);
      out[out.length - 1].text += `\n${p}`;
    }
  }
  return out;
}

/** The figures of each line of a PDF's text that starts with 合計. */
export function totalsLines(text: string): number[][] {
  return text.split('\n').filter((l) => l.replace(/\s+/g, '').startsWith('合計')).map((l) => (l.replace(/^\s*合\s*計/, '').match(/\d+/g) ?? []).map(Number));
}

/** The figures of a 合計 row in the contract's column order (PDF). */
export function totalsInColumnOrder(kind: FacilityKind, c: Counts): number[] {
  const columns = kind === 'after_school' ? AFTER_SCHOOL_COLUMNS : DROP_IN_COLUMNS;
  return columns.slice(1).map((l) => figureOf(l, kind === 'after_school' ? 'grade' : 'band')!(c));
}
