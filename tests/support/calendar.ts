// Independent computations of what the server should answer for dates: today in a
// time zone, age in completed years and months, and the Japanese school grade
// (school year from April 1; children born April 2 .. April 1 form one grade).

import type { Age, Grade } from '../../web/src/shared/types';

/** "YYYY-MM-DD" of the instant `at` in `timeZone`. */
export function todayIn(timeZone = 'Asia/Tokyo', at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function parts(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** "YYYY-MM-DD" shifted by whole years/months/days (days may be negative). */
export function addDate(date: string, { years = 0, months = 0, days = 0 }): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y + years, m - 1 + months, d + days));
  return t.toISOString().slice(0, 10);
}

/** Age in completed years and months on `today` (the birthday itself counts). */
export function ageOn(birth: string, today: string): Age {
  const [by, bm, bd] = parts(birth);
  const [ty, tm, td] = parts(today);
  const total = (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0);
  return { years: Math.floor(total / 12), months: total % 12 };
}

export function gradeOn(birth: string, today: string): Grade {
  const [by, bm, bd] = parts(birth);
  const [ty, tm] = parts(today);
  const cohort = bm > 4 || (bm === 4 && bd >= 2) ? by : by - 1;
  const schoolYear = tm >= 4 ? ty : ty - 1;
  const n = schoolYear - cohort - 6;
  if (n <= 0) return '未就学';
  if (n <= 6) return `小${n}` as Grade;
  if (n <= 9) return `中${n - 6}` as Grade;
  if (n <= 12) return `高${n - 9}` as Grade;
  return 'その他';
}
