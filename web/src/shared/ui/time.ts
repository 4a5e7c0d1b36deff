// Times and dates for display. The server writes times in RFC 3339 with the
// organization's UTC offset ("2026-11-21T15:04:05+09:00"); clockTime() shows that wall
// clock as written, so every screen shows the facility's time whatever the device's
// time zone. A time in UTC ("…Z") or another form is shown in the device's zone.

const kWallClock = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?([+-]\d{2}:\d{2})$/;

/** "15:04" of an RFC 3339 time; "" for null. */
export function clockTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = kWallClock.exec(iso);
  if (m) return `${m[2]}:${m[3]}`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2026-11-21" of an RFC 3339 time, on the same clock as clockTime(). */
export function calendarDate(iso: string): string {
  const m = kWallClock.exec(iso);
  if (m) return m[1];
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso.slice(0, 10) : localDate(d);
}

/** The UTC offset written in an RFC 3339 time ("+09:00"), or null when it has none. */
export function utcOffset(iso: string): string | null {
  return kWallClock.exec(iso)?.[4] ?? null;
}

/** "YYYY-MM-DD" of d in the device's time zone. */
export function localDate(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * An RFC 3339 time for the wall clock `hhmm` ("15:04") on `date`, at `offset`
 * ("+09:00"); the device's own offset when offset is null.
 */
export function wallClockTime(date: string, hhmm: string, offset: string | null): string {
  if (offset) return `${date}T${hhmm}:00${offset}`;
  const d = new Date(`${date}T${hhmm}:00`);
  const minutes = -d.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${date}T${hhmm}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// The organization's zone, Asia/Tokyo, has no daylight saving time.
export const kOrgOffset = '+09:00';

/**
 * The value of <input type="datetime-local"> ("2027-06-11T09:00"), a wall clock of the
 * organization, as RFC 3339 at its offset; undefined when empty.
 */
export function orgTimeOf(local: string): string | undefined {
  return local ? `${local.length === 16 ? `${local}:00` : local}${kOrgOffset}` : undefined;
}
