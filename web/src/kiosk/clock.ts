// The kiosk's idea of "now", in the server's time: a tablet's own clock may be
// minutes off, and the server refuses scans stamped in its future. The offset is
// learnt from GET /kiosk/me (server_time) and kept in localStorage, so scans
// queued after a reload while offline are still stamped right.
const kOffsetKey = 'tadaima.kiosk.clock_offset_ms';

let offsetMs = Number(localStorage.getItem(kOffsetKey) ?? 0) || 0;

/** Learns the offset from the server's time as it answered just now. */
export function syncWithServer(serverTime: string): void {
  const server = Date.parse(serverTime);
  if (Number.isNaN(server)) return;
  offsetMs = server - Date.now();
  localStorage.setItem(kOffsetKey, String(offsetMs));
}

/** Now in the server's time, milliseconds since the epoch. */
export function serverNowMs(): number {
  return Date.now() + offsetMs;
}

/** Now in the server's time, RFC 3339 in UTC without fractions of a second. */
export function serverNowRfc3339(): string {
  return new Date(serverNowMs()).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Today ("2027-06-10") on the device's calendar, at the server's time. */
export function serverToday(): string {
  const now = new Date(serverNowMs());
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Forgets the offset (the device is unpaired). */
export function forgetClock(): void {
  offsetMs = 0;
  localStorage.removeItem(kOffsetKey);
}
