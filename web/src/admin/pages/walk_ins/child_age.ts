// The one field of a child on a paper form (利用者票), read as the API's WalkInChild: a
// birth date ("2024-05-01", "2024/5/1", "2024年5月1日", "R6.5.1", "令和6年5月1日"), an age
// ("1歳3か月", "1歳3", "3歳", "1y3m", "15m", "15か月", "1.3" = 1 year 3 months, a bare "3"
// = 3 years) or a school grade ("小2", "小学2年", "中1", "中学1年生", "小二"). Full-width
// digits and letters, and what a Japanese IME types for "." "/" "-" in kana mode ("。" "・"
// "ー"), read as their ASCII. Pure: no clock, no i18n; whether a birth date lies in the
// future is the server's to say (it knows the visit's day).

/** A school grade as the API names it. */
export type SchoolGrade = '小1' | '小2' | '小3' | '小4' | '小5' | '小6' | '中1' | '中2' | '中3';

export type ChildAge =
  | { kind: 'birth_date'; birth_date: string }
  | { kind: 'age_months'; age_months: number }
  | { kind: 'grade'; grade: SchoolGrade };

/** Why a text is not a child's age. */
export type ChildAgeProblem =
  | 'unknown' // none of the forms above
  | 'no_such_date' // a birth date the calendar does not have (2024-02-30)
  | 'months_over' // "1歳12か月", "1.12": months are 0..11 after years
  | 'too_old' // over 215 months (17歳11か月), the API's limit
  | 'no_such_grade'; // 小7, 中4

export type ChildAgeReading =
  | { kind: 'empty' }
  | ChildAge
  | { kind: 'problem'; problem: ChildAgeProblem };

/** The API's upper bound of age_months. */
export const kMaxAgeMonths = 215;

const kKanjiDigits: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6' };

/** The text with full-width forms, IME punctuation and month spellings made plain; no spaces. */
function normalized(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/。/g, '.')
    .replace(/・/g, '/')
    .replace(/[‐‑‒–—―−ー]/g, '-')
    .replace(/[かカヵヶケ箇]?月/g, '月')
    .replace(/才/g, '歳');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD" when year-month-day is a day of the calendar, else null. */
function calendarDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The year before the first of each era a child alive today may be born in (令和1 = 2019). */
const kEras: Record<string, number> = { r: 2018, 令和: 2018, h: 1988, 平成: 1988 };

function birthDate(year: number, month: number, day: number): ChildAgeReading {
  const date = calendarDay(year, month, day);
  return date ? { kind: 'birth_date', birth_date: date } : { kind: 'problem', problem: 'no_such_date' };
}

function ageOf(years: number, months: number): ChildAgeReading {
  if (months > 11) return { kind: 'problem', problem: 'months_over' };
  return monthsOf(years * 12 + months);
}

function monthsOf(total: number): ChildAgeReading {
  if (total > kMaxAgeMonths) return { kind: 'problem', problem: 'too_old' };
  return { kind: 'age_months', age_months: total };
}

const kYears = '(?:歳|y|yr|yrs|years?)';
const kMonths = '(?:月|m|mo|mos|months?)';
const kPatterns: readonly [RegExp, (m: RegExpExecArray) => ChildAgeReading][] = [
  // birth dates
  [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, (m) => birthDate(+m[1], +m[2], +m[3])],
  [/^(\d{4})年(\d{1,2})月(\d{1,2})日?$/, (m) => birthDate(+m[1], +m[2], +m[3])],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => birthDate(+m[1], +m[2], +m[3])],
  [/^(r|令和|h|平成)(\d{1,2}|元)(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?$/,
    (m) => birthDate(kEras[m[1]] + (m[2] === '元' ? 1 : +m[2]), +m[3], +m[4])],
  // school grades
  [/^(小|中)(?:学校?)?([1-9一二三四五六])(?:年生?)?$/, (m) => {
    const n = Number(kKanjiDigits[m[2]] ?? m[2]);
    const ok = m[1] === '小' ? n >= 1 && n <= 6 : n >= 1 && n <= 3;
    return ok ? { kind: 'grade', grade: `${m[1]}${n}` as SchoolGrade } : { kind: 'problem', problem: 'no_such_grade' };
  }],
  // ages
  [new RegExp(`^(\\d{1,3})${kYears}(?:(\\d{1,3})${kMonths}?)?$`), (m) => ageOf(+m[1], m[2] ? +m[2] : 0)],
  [new RegExp(`^(\\d{1,3})${kMonths}$`), (m) => monthsOf(+m[1])],
  [/^(\d{1,3})\.(\d{1,3})$/, (m) => ageOf(+m[1], +m[2])],
  [/^(\d{1,3})$/, (m) => ageOf(+m[1], 0)],
];

/** What `text` says of a child: empty, a birth date, an age in months, a grade, or a problem. */
export function readChildAge(text: string): ChildAgeReading {
  const s = normalized(text);
  if (s === '') return { kind: 'empty' };
  for (const [pattern, reading] of kPatterns) {
    const m = pattern.exec(s);
    if (m) return reading(m);
  }
  return { kind: 'problem', problem: 'unknown' };
}

/** Completed years and the months after them. REQUIRES: age_months >= 0. */
export function yearsAndMonths(age_months: number): { years: number; months: number } {
  return { years: Math.floor(age_months / 12), months: age_months % 12 };
}

/** "小2" → {school: 'elementary', year: 2}; "中1" → {school: 'junior_high', year: 1}. */
export function gradeParts(grade: string): { school: 'elementary' | 'junior_high'; year: number } {
  return { school: grade.startsWith('中') ? 'junior_high' : 'elementary', year: Number(grade.slice(1)) };
}
