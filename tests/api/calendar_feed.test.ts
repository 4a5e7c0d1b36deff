// The calendar's files: one entry as an iCalendar file, the family's secret feed (the same
// link for every guardian of the family, a new one stops the old), both read with Debian's
// python3-icalendar; the course's attendance list (出席簿) as a PDF read with pdftotext;
// and isolation: another organization gets 404 on every calendar route for our entries and
// applications. The test clock stands at 2027-06-10 15:00 Tokyo and does not move.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application, CalendarEvent, EventInput } from '../../web/src/shared/types';
import {
  PINNED_DAY, addDate, allDay, closureInput, courseInput, download, enrolledFamily, expectApiError, newSite, pdfText,
  signIn, squash, startCheckinServer, tokyoAt, type Site, type TestApi, type TestServer,
} from '../support';

interface VEvent { uid: string; summary: string; status: string; dtstart: string; is_date: boolean }

const PARSE = `
import sys, json, datetime, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
out = []
for c in cal.walk('VEVENT'):
    d = c.decoded('DTSTART')
    out.append({'uid': str(c['UID']), 'summary': str(c['SUMMARY']), 'status': str(c.get('STATUS', '')),
                'dtstart': c['DTSTART'].to_ical().decode(), 'is_date': not isinstance(d, datetime.datetime)})
print(json.dumps(out))
`;

/** The VEVENTs of an iCalendar text, as Debian's python3-icalendar reads them. */
function parseIcs(text: string): Promise<VEvent[]> {
  return new Promise((resolve, reject) => {
    const p = spawn('/usr/bin/python3', ['-c', PARSE]);
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`icalendar refused the file (${code}): ${err}\n${text}`))));
    p.stdin.end(text);
  });
}

let server: TestServer;
let admin: TestApi;
let a: Site; // ひまわり: the Yamada family (two guardians), the Sato family
let b: Site; // さくら: the Suzuki family
let mother: TestApi;
let father: TestApi;
let sato: TestApi;
let suzuki: TestApi;
let yamadaChildren: { id: string; name: string }[];
let satoChild: { id: string; name: string };
let otherAdmin: TestApi; // another organization
let otherGuardian: TestApi;
const e: Record<string, CalendarEvent> = {};
const apps: Record<string, Application> = {};

const day = (n: number) => addDate(PINNED_DAY, { days: n });
const at = (facility_id: string | undefined, title: string, over: Partial<EventInput> = {}): EventInput =>
  ({ ...(facility_id ? { facility_id } : {}), kind: 'event', title, starts_at: tokyoAt(day(12), '13:00'), ends_at: tokyoAt(day(12), '15:00'), ...over });
/** "20270615T010000Z": a UTC DATE-TIME of an RFC 3339 time. */
const utc = (t: string) => new Date(t).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
const bySummary = (events: VEvent[], title: string) => events.filter((v) => v.summary.includes(title));
const feedOf = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  a = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
  b = await newSite(server, admin, { name: 'さくら児童クラブ' });
  const y = await enrolledFamily(server, a.staff, [a.facility.id], {
    name: '山田家',
    guardians: [{ name: '山田 恵', relation: '母' }, { name: '山田 健', relation: '父' }],
    children: [{ name: '山田 ひかり', birth_date: '2018-05-01' }, { name: '山田 光太', birth_date: '2019-09-01' }],
  });
  mother = y.guardian;
  father = (await signIn(server, y.family.guardians[1].login, y.family.guardians[1].initial_password)).api;
  yamadaChildren = y.family.children;
  const s = await enrolledFamily(server, a.staff, [a.facility.id], { name: '佐藤家', children: [{ name: '佐藤 舞', birth_date: '2018-08-08' }] });
  sato = s.guardian;
  satoChild = s.child;
  suzuki = (await enrolledFamily(server, b.staff, [b.facility.id], { name: '鈴木家' })).guardian;
  otherAdmin = await server.login(await server.createOrg('となり市'));
  const otherSite = await newSite(server, otherAdmin);
  otherGuardian = (await enrolledFamily(server, otherSite.staff, [otherSite.facility.id])).guardian;

  e.closure = await a.staff.createEvent(closureInput(a.facility.id, day(3), '臨時休館'));
  e.event = await a.staff.createEvent(at(a.facility.id, '夏祭り'));
  e.cancelled = await a.staff.createEvent(at(a.facility.id, '中止の遠足'));
  await a.staff.cancelEvent(e.cancelled.id);
  e.confirmed = await a.staff.createEvent(courseInput(a.facility.id, day(5), { title: '工作講座', capacity: 3 }));
  e.waitlisted = await a.staff.createEvent(courseInput(a.facility.id, day(6), { title: '料理講座', capacity: 1 }));
  e.all = await admin.createEvent(at(undefined, '市民運動会', allDay(day(20))));
  e.atB = await b.staff.createEvent(at(b.facility.id, 'さくらの行事'));
  e.foreign = await otherAdmin.createEvent(at(undefined, 'となり市の行事'));
  apps.yamada = await mother.applyForCourse(e.confirmed.id, yamadaChildren.map((c) => c.id));
  apps.sato = await sato.applyForCourse(e.waitlisted.id, [satoChild.id]);
  apps.yamadaWaiting = await mother.applyForCourse(e.waitlisted.id, [yamadaChildren[0].id]);
  expect([apps.yamada.status, apps.sato.status, apps.yamadaWaiting.status]).toEqual(['confirmed', 'confirmed', 'waitlisted']);
});
afterAll(async () => {
  await server?.close();
});

describe('one entry as an iCalendar file', () => {
  it('an all-day closure starts on a date; a course at a UTC time, marked for the family; a cancelled entry CANCELLED', async () => {
    const file = async (who: TestApi, ev: CalendarEvent) => {
      const res = await download(server, who, who.eventIcsUrl(ev.id));
      expect(res.status, res.text).toBe(200);
      expect(res.type).toMatch(/^text\/calendar/);
      const events = await parseIcs(res.text);
      expect(events, res.text).toHaveLength(1);
      expect(events[0].uid).toMatch(/\S/);
      return events[0];
    };
    expect(await file(mother, e.closure)).toMatchObject({ dtstart: '20270613', is_date: true, status: 'CONFIRMED' });
    expect((await file(mother, e.closure)).summary).toContain('臨時休館');
    const course = await file(mother, e.confirmed);
    expect(course).toMatchObject({ dtstart: utc(tokyoAt(day(5), '10:00')), is_date: false });
    expect(course.summary).toContain('【申込済み】');
    expect(course.summary).toContain('工作講座');
    expect((await file(mother, e.waitlisted)).summary).toContain('【キャンセル待ち】');
    expect((await file(sato, e.waitlisted)).summary).toContain('【申込済み】');
    const plain = (await file(a.staff, e.confirmed)).summary;
    expect(plain).toContain('工作講座');
    expect(plain).not.toMatch(/申込済み|キャンセル待ち/);
    expect((await file(suzuki, e.all)).is_date).toBe(true);
    expect((await file(a.staff, e.cancelled)).status).toBe('CANCELLED');
    expect((await file(a.staff, e.event)).uid).toBe((await file(mother, e.event)).uid);
    for (const [who, ev] of [[suzuki, e.event], [b.staff, e.event], [mother, e.atB], [admin, e.foreign]] as const)
      expect((await download(server, who, who.eventIcsUrl(ev.id))).status).toBe(404);
    expect((await download(server, null, `/api/v1/events/${e.event.id}/event.ics`)).status).toBe(401);
  });
});

describe('the family feed', () => {
  let url: string;

  it('one link for every guardian of the family; staff 403; it holds the family\'s facilities\' entries and the organization\'s', async () => {
    url = await mother.myCalendarFeed();
    expect(url).toMatch(/^https?:\/\/.+\/api\/v1\/calendar\/[^/]+\.ics$/);
    expect(await mother.myCalendarFeed()).toBe(url);
    expect(await father.myCalendarFeed()).toBe(url);
    expect(await sato.myCalendarFeed()).not.toBe(url);
    for (const who of [a.staff, admin]) {
      await expectApiError(who.myCalendarFeed(), 403);
      await expectApiError(who.replaceCalendarFeed(), 403);
    }
    await expectApiError(server.api().myCalendarFeed(), 401);

    const res = await feedOf(url); // no session: the link is the key
    expect(res.status, res.text).toBe(200);
    expect(res.type).toMatch(/^text\/calendar/);
    const events = await parseIcs(res.text);
    const one = (title: string) => {
      const found = bySummary(events, title);
      expect(found, `${title} in ${JSON.stringify(events)}`).toHaveLength(1);
      return found[0];
    };
    expect(one('臨時休館')).toMatchObject({ dtstart: '20270613', is_date: true });
    expect(one('夏祭り')).toMatchObject({ dtstart: utc(tokyoAt(day(12), '13:00')), is_date: false, status: 'CONFIRMED' });
    expect(one('中止の遠足').status).toBe('CANCELLED');
    expect(one('工作講座').summary).toContain('【申込済み】');
    expect(one('料理講座').summary).toContain('【キャンセル待ち】');
    expect(one('市民運動会')).toMatchObject({ dtstart: day(20).replace(/-/g, ''), is_date: true });
    expect(bySummary(events, 'さくらの行事')).toEqual([]);
    expect(bySummary(events, 'となり市の行事')).toEqual([]);
    expect(new Set(events.map((v) => v.uid)).size).toBe(events.length);
    // The same entry has the same UID in its own file.
    const own = await parseIcs((await download(server, mother, mother.eventIcsUrl(e.event.id))).text);
    expect(one('夏祭り').uid).toBe(own[0].uid);
    // Another family's feed marks its own applications.
    const theirs = await parseIcs((await feedOf(await sato.myCalendarFeed())).text);
    expect(bySummary(theirs, '料理講座')[0].summary).toContain('【申込済み】');
    expect(bySummary(theirs, '工作講座')[0].summary).not.toMatch(/申込済み|キャンセル待ち/);
    const b = await parseIcs((await feedOf(await suzuki.myCalendarFeed())).text);
    expect(b.map((v) => v.summary).filter((s) => /さくらの行事|市民運動会|夏祭り/.test(s)).sort()).toEqual(['さくらの行事', '市民運動会'].sort());
  });

  it('two guardians asking for the first time at once get the same working link (5 families)', async () => {
    for (let round = 0; round < 5; round++) {
      const f = await enrolledFamily(server, a.staff, [a.facility.id], { guardians: [{ name: `母 ${round}`, relation: '母' }, { name: `父 ${round}`, relation: '父' }] });
      const second = (await signIn(server, f.family.guardians[1].login, f.family.guardians[1].initial_password)).api;
      const urls = await Promise.all([f.guardian.myCalendarFeed(), second.myCalendarFeed(), f.guardian.myCalendarFeed()]);
      const answers = await Promise.all(urls.map(async (u) => (await feedOf(u)).status));
      expect(answers, `every link given works: ${JSON.stringify(urls)}`).toEqual([200, 200, 200]);
      expect(new Set(urls).size, JSON.stringify(urls)).toBe(1);
    }
  });

  it('POST makes a new link and the old one answers 404; an unknown link 404', async () => {
    const fresh = await father.replaceCalendarFeed();
    expect(fresh).not.toBe(url);
    expect((await feedOf(url)).status).toBe(404);
    expect((await feedOf(fresh)).status).toBe(200);
    expect(await mother.myCalendarFeed()).toBe(fresh);
    const base = `${server.url}/api/v1/calendar`;
    for (const path of ['no-such-token.ics', 'no-such-token', `${new URL(fresh).pathname.split('/').pop()!.replace('.ics', '')}`]) {
      const res = await feedOf(`${base}/${path}`);
      expect(res.status, path).toBe(404);
    }
  });
});

describe('the attendance list', () => {
  it('is a PDF with the course title and the confirmed children; staff of the facility only', async () => {
    const res = await download(server, a.staff, a.staff.attendancePdfUrl(e.confirmed.id));
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(res.type).toMatch(/^application\/pdf/);
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = squash(await pdfText(res.bytes));
    for (const s of ['工作講座', ...yamadaChildren.map((c) => c.name)]) expect(text, s).toContain(squash(s));
    const list = squash(await pdfText((await download(server, admin, admin.attendancePdfUrl(e.waitlisted.id))).bytes));
    expect(list).toContain(squash(satoChild.name));
    for (const [who, id] of [[mother, e.confirmed.id], [suzuki, e.confirmed.id], [b.staff, e.confirmed.id], [otherAdmin, e.confirmed.id]] as const) {
      const r = await download(server, who, who.attendancePdfUrl(id));
      expect([403, 404], `${r.status}`).toContain(r.status);
    }
    expect((await download(server, b.staff, b.staff.attendancePdfUrl(e.confirmed.id))).status).toBe(404);
  });
});

describe('isolation', () => {
  it('another organization gets 404 on every calendar route for our entries and applications, changing nothing', async () => {
    const ours = [e.closure, e.event, e.confirmed, e.all];
    for (const ev of ours) {
      await expectApiError(otherAdmin.event(ev.id), 404);
      await expectApiError(otherAdmin.updateEvent(ev.id, { title: '乗っ取り' }), 404);
      await expectApiError(otherAdmin.cancelEvent(ev.id), 404);
      expect((await download(server, otherAdmin, otherAdmin.eventIcsUrl(ev.id))).status).toBe(404);
      expect((await download(server, otherAdmin, otherAdmin.attendancePdfUrl(ev.id))).status).toBe(404);
      await expectApiError(otherAdmin.courseApplications(ev.id), 404);
      await expectApiError(otherGuardian.event(ev.id), 404);
    }
    await expectApiError(otherAdmin.applyForCourse(e.confirmed.id, [yamadaChildren[0].id]), 404);
    await expectApiError(otherGuardian.applyForCourse(e.waitlisted.id, [yamadaChildren[1].id]), 404);
    for (const app of Object.values(apps)) {
      await expectApiError(otherAdmin.cancelApplication(app.id), 404);
      await expectApiError(otherGuardian.cancelApplication(app.id), 404);
    }
    const seen = (await otherAdmin.events({ from: day(-30), to: day(300) })).map((x) => x.id);
    expect(seen).toEqual([e.foreign.id]);
    expect((await otherGuardian.events({ from: day(-30), to: day(300) })).map((x) => x.id)).toEqual([e.foreign.id]);
    // A guardian of another family of ours gets 404 withdrawing the Yamada family's application.
    await expectApiError(sato.cancelApplication(apps.yamada.id), 404);
    await expectApiError(suzuki.cancelApplication(apps.yamada.id), 404);

    for (const ev of ours) expect(await admin.event(ev.id)).toMatchObject({ status: 'scheduled', title: ev.title });
    const l = await a.staff.courseApplications(e.waitlisted.id);
    expect([l.confirmed.map((x) => x.id), l.waitlisted.map((x) => x.id)]).toEqual([[apps.sato.id], [apps.yamadaWaiting.id]]);
    expect((await a.staff.courseApplications(e.confirmed.id)).confirmed.map((x) => x.id)).toEqual([apps.yamada.id]);
  });
});
