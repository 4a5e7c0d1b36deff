// The statistics and monthly report tests' scenario (issue 13): a month of visits played
// on the server's test clock in time order, every stamp live at its own instant, so that
// in_at is exactly the scenario's time; the plans and closures beside them.
import { expect } from 'vitest';
import type { FacilityInput } from '../../web/src/shared/types';
import { todayIn } from './calendar';
import { childResult, clientId, expectSameInstant, familyResult, kioskApi, type Site } from './checkin';
import { tokyoAt } from './events';
import { facilityInput, familyInput, newStaff, signIn } from './fixtures';
import type { Credentials, TestApi, TestServer } from './server';

// ---- the children and the visits of a scenario ----

/** A child of a scenario: its ids, birth date and QR text. */
export interface Kid {
  id: string;
  name: string;
  name_kana: string;
  birth_date: string;
  family_id: string;
  /** The child's own code (kiosk). */
  credential: string;
  /** The family's first guardian, signed in. */
  guardian: TestApi;
}

/** A visit as the scenario made it: in_at/out_at RFC 3339 in Tokyo. */
export interface Played {
  id: string;
  facility_id: string;
  kid: Kid;
  in_at: string;
  out_at: string | null;
  auto_closed: boolean;
  /** Corrected by staff (auto_closed is then whatever it was). */
  corrected: boolean;
  /** The visit (組) it counts in: its group at a drop-in room (children who came together), else itself. */
  group: string;
  /** The group's adults (0 without a group). */
  adults: number;
}

/** How a stamp is made: the child's code on the kiosk, staff by child_id, or the family's code. */
export type How = 'qr' | 'manual' | 'family';

/** "YYYY-MM-DD HH:MM" (Tokyo) → RFC 3339. */
export const jst = (dateTime: string): string => {
  const [date, hhmm] = dateTime.split(' ');
  return tokyoAt(date, hhmm);
};

/** The Tokyo date of an instant. */
export const dayOf = (at: string | number): string => todayIn('Asia/Tokyo', new Date(typeof at === 'number' ? at : Date.parse(at)));
/** The Tokyo hour "00".."23" of an instant. */
export const hourOf = (at: string): string => String((new Date(Date.parse(at)).getUTCHours() + 9) % 24).padStart(2, '0');

/** Sessions last 30 days from sign-in (server time): a scenario signs in again after 20. */
const RESIGN_IN_MS = 20 * 24 * 3600_000;

/**
 * Months played on the test clock: each call moves the clock to its time (never back: a
 * scenario written out of order fails at once) and stamps live, so the server's jobs
 * (auto-close, not-arrived alerts) run at each step as they would during the day. The
 * sites, staff and guardians it makes (and the clients given to keep()) are signed in
 * again as the clock moves on, for sessions end 30 days after sign-in.
 */
export class Scenario {
  readonly visits: Played[] = [];
  private familyCodes = new Map<string, string>();
  private sessions: { api: TestApi; who: Credentials; at: number }[] = [];

  constructor(readonly server: TestServer) {}

  /** Keeps `api` (signed in as `who` now) signed in while the clock moves. */
  keep(api: TestApi, who: Credentials): TestApi {
    this.sessions.push({ api, who, at: this.server.clockNow().getTime() });
    return api;
  }

  /** Like newSite: a facility (00:00-23:59 unless `over` says otherwise), its staff member, a paired kiosk. */
  async site(admin: TestApi, over: Partial<FacilityInput> = {}): Promise<Site> {
    const facility = await admin.createFacility(facilityInput({ opens_at: '00:00', closes_at: '23:59', ...over }));
    const staff = await this.staff(admin, [facility.id]);
    const paired = await staff.createKiosk(facility.id, `受付タブレット ${facility.name}`);
    return { facility, staff, kiosk: kioskApi(this.server, paired.token), kioskToken: paired.token, kioskId: paired.kiosk.id };
  }

  /** A facility_staff member of `facilityIds`, signed in. */
  async staff(admin: TestApi, facilityIds: string[]): Promise<TestApi> {
    const s = await newStaff(this.server, admin, facilityIds);
    return this.keep(s.api, { login: s.login, password: s.password });
  }

  /** A family enrolled at `site` (created by its staff) with `children`, its guardian signed in; the children as Kids in that order. */
  async kids(site: Site, familyName: string, children: { name: string; name_kana: string; birth_date: string }[]): Promise<Kid[]> {
    const family = await site.staff.createFamily(familyInput({ name: familyName, children, facility_ids: [site.facility.id] }));
    const g = family.guardians[0];
    const session = await signIn(this.server, g.login, g.initial_password);
    const guardian = this.keep(session.api, { login: g.login, password: session.password });
    const out: Kid[] = [];
    for (const c of children) {
      const made = family.children.find((x) => x.name === c.name);
      if (!made) throw new Error(`${familyName}: no child ${c.name} in ${JSON.stringify(family.children)}`);
      const credential = (await site.staff.childCredential(made.id)).text;
      out.push({ id: made.id, ...c, family_id: family.id, credential, guardian });
    }
    return out;
  }

  async to(at: string): Promise<void> {
    const want = Date.parse(at);
    const now = this.server.clockNow().getTime();
    if (Number.isNaN(want)) throw new Error(`not an instant: ${at}`);
    if (want < now) throw new Error(`the scenario goes back in time: ${at} after ${this.server.clockNow().toISOString()}`);
    if (want === now) return;
    await this.server.setClock(at);
    for (const s of this.sessions) {
      if (want - s.at < RESIGN_IN_MS) continue;
      await s.api.login(s.who.login, s.who.password);
      s.at = want;
    }
  }

  private async familyCode(site: Site, kid: Kid): Promise<string> {
    let code = this.familyCodes.get(kid.family_id);
    if (!code) {
      code = (await site.staff.familyCredential(kid.family_id)).text;
      this.familyCodes.set(kid.family_id, code);
    }
    return code;
  }

  private async stamp(site: Site, kids: Kid[], direction: 'in' | 'out', how: How, adults?: number) {
    const base = { facility_id: site.facility.id, client_id: clientId(), direction, ...(adults === undefined ? {} : { adults }) } as const;
    if (how === 'family') {
      if (new Set(kids.map((k) => k.family_id)).size !== 1) throw new Error('a family stamp is for children of one family');
      const credential = await this.familyCode(site, kids[0]);
      const answer = familyResult(await site.kiosk.stamp({ ...base, credential, child_ids: kids.map((k) => k.id) }));
      return answer.results.map((r) => ({ result: r.result, visit: r.visit }));
    }
    const out = [];
    for (const kid of kids) {
      const answer = how === 'qr'
        ? await site.kiosk.stamp({ ...base, client_id: clientId(), credential: kid.credential })
        : await site.staff.stamp({ ...base, client_id: clientId(), child_id: kid.id });
      const r = childResult(answer);
      out.push({ result: r.result, visit: r.visit });
    }
    return out;
  }

  /**
   * `kids` arrive at `site` at `at` ("YYYY-MM-DD HH:MM" Tokyo), with `adults` at a drop-in
   * room (the server's default is 1); answers their visits' ids.
   */
  async arrive(site: Site, at: string, kids: Kid[], how: How = 'qr', adults?: number): Promise<string[]> {
    const when = jst(at);
    await this.to(when);
    const answers = await this.stamp(site, kids, 'in', how, adults);
    expect(answers.map((a) => a.result), `arrivals at ${at}`).toEqual(kids.map(() => 'arrived'));
    const ids: string[] = [];
    for (const kid of kids) {
      const a = answers.find((x) => x.visit.child.id === kid.id);
      expect(a, `${kid.name} arrived at ${at}`).toBeDefined();
      expectSameInstant(a!.visit.in_at, when, `${kid.name}'s in_at`);
      const dropIn = site.facility.kind === 'drop_in';
      expect(a!.visit.group_id !== null, `${kid.name}'s visit has a group exactly at a drop-in room`).toBe(dropIn);
      expect(a!.visit.adults, `${kid.name}'s group's adults`).toBe(dropIn ? (adults ?? 1) : null);
      this.visits.push({
        id: a!.visit.id, facility_id: site.facility.id, kid, in_at: when, out_at: null, auto_closed: false, corrected: false,
        group: a!.visit.group_id ?? a!.visit.id, adults: a!.visit.adults ?? 0,
      });
      ids.push(a!.visit.id);
    }
    return ids;
  }

  /** `kids` leave `site` at `at`. */
  async leave(site: Site, at: string, kids: Kid[], how: How = 'qr'): Promise<void> {
    const when = jst(at);
    await this.to(when);
    const answers = await this.stamp(site, kids, 'out', how);
    expect(answers.map((a) => a.result), `departures at ${at}`).toEqual(kids.map(() => 'departed'));
    for (const kid of kids) {
      const open = this.openVisit(site.facility.id, kid);
      const a = answers.find((x) => x.visit.child.id === kid.id)!;
      expect(a.visit.id, `${kid.name} left the visit it began`).toBe(open.id);
      expectSameInstant(a.visit.out_at, when, `${kid.name}'s out_at`);
      open.out_at = when;
    }
  }

  private openVisit(facilityId: string, kid: Kid): Played {
    const open = this.visits.filter((v) => v.facility_id === facilityId && v.kid.id === kid.id && v.out_at === null);
    if (open.length !== 1) throw new Error(`${kid.name} has ${open.length} open visits at ${facilityId}`);
    return open[0];
  }

  /** What the auto-close job must have done: `kid`'s open visit closed at `closesAt`. */
  expectAutoClosed(facilityId: string, kid: Kid, closesAt: string): Played {
    const v = this.openVisit(facilityId, kid);
    v.out_at = jst(closesAt);
    v.auto_closed = true;
    return v;
  }

  /** Staff correct visit `id` (at the clock's time now); the model follows. */
  async correct(staff: TestApi, id: string, patch: { in_at?: string; out_at?: string }, reason: string): Promise<void> {
    const body = { ...(patch.in_at ? { in_at: jst(patch.in_at) } : {}), ...(patch.out_at ? { out_at: jst(patch.out_at) } : {}), reason };
    const fixed = await staff.updateVisit(id, body);
    const v = this.visits.find((x) => x.id === id)!;
    if (body.in_at) {
      expectSameInstant(fixed.in_at, body.in_at, 'corrected in_at');
      v.in_at = body.in_at;
    }
    if (body.out_at) {
      expectSameInstant(fixed.out_at, body.out_at, 'corrected out_at');
      v.out_at = body.out_at;
    }
    v.corrected = true;
  }
}
