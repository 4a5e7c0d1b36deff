// QR credentials: the current one per child and family, reissue (older versions refused),
// malformed and foreign codes refused with nothing recorded, the QR images (decoded with
// zbarimg) and the printable cards (read with pdftotext).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allVisits,
  clientId,
  decodeQr,
  download,
  enrolledFamily,
  expectApiError,
  expectRefusedCode,
  newSite,
  NOT_A_CODE,
  NOT_ENROLLED,
  pdfInfo,
  pdfText,
  REPLACED,
  squash,
  startCheckinServer,
  uid,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';
import type { Credential } from '../../web/src/shared/types';

/** QR alphanumeric mode: 0-9, A-Z, space and $%*+-./: */
const QR_ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;

let server: TestServer;
let admin: TestApi;
let site: Site;

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  site = await newSite(server, admin, { duplicate_window_seconds: 0 });
});
afterAll(async () => {
  await server?.close();
});

/** `n` random characters of the RFC 4648 base32 alphabet. */
const base32 = (n: number) => [...randomBytes(n)].map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32]).join('');

function expectWellFormed(c: Credential, kind: 'child' | 'family', subject: string) {
  expect(c).toMatchObject({ kind, subject_id: subject });
  expect(c.version).toEqual(expect.any(Number));
  expect(c.text.startsWith('TDM1:'), c.text).toBe(true);
  expect(c.text.length, c.text).toBeLessThanOrEqual(90);
  expect(c.text, 'QR alphanumeric characters only').toMatch(QR_ALPHANUMERIC);
}

describe('the current credential', () => {
  it('a child has version 1 until reissued, the same text on every read', async () => {
    const { child, guardian } = await enrolledFamily(server, site.staff, [site.facility.id]);
    const res = await site.staff.request('GET', `/api/v1/children/${child.id}/credential`);
    expect(res.status).toBe(200);
    const c: Credential = res.body.credential;
    expectWellFormed(c, 'child', child.id);
    expect(c.version).toBe(1);
    expect(await site.staff.childCredential(child.id)).toEqual(c);
    expect(await guardian.childCredential(child.id)).toEqual(c);
    expect(await admin.childCredential(child.id)).toEqual(c);
  });

  it('a family has its own credential, different from its children’s', async () => {
    const { family, child, guardian } = await enrolledFamily(server, site.staff, [site.facility.id]);
    const f = await site.staff.familyCredential(family.id);
    expectWellFormed(f, 'family', family.id);
    expect(f.version).toBe(1);
    expect(await guardian.familyCredential(family.id)).toEqual(f);
    expect(f.text).not.toBe((await site.staff.childCredential(child.id)).text);
  });

  it('two children get different texts', async () => {
    const { family } = await enrolledFamily(server, site.staff, [site.facility.id], {
      children: [
        { name: `兄 ${uid()}`, birth_date: '2016-05-01' },
        { name: `弟 ${uid()}`, birth_date: '2018-05-01' },
      ],
    });
    const [a, b] = await Promise.all(family.children.map((c) => site.staff.childCredential(c.id)));
    expect(a.text).not.toBe(b.text);
  });

  it('unknown ids answer 404', async () => {
    await expectApiError(site.staff.childCredential('no-such-child'), 404, 'not_found');
    await expectApiError(site.staff.familyCredential('no-such-family'), 404, 'not_found');
  });
});

describe('reissue', () => {
  it('bumps the version; the old text is refused and records nothing; the new one works', async () => {
    const { child } = await enrolledFamily(server, site.staff, [site.facility.id]);
    const v1 = await site.staff.childCredential(child.id);
    const res = await site.staff.request('POST', `/api/v1/children/${child.id}/credential`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const v2: Credential = res.body.credential;
    expectWellFormed(v2, 'child', child.id);
    expect(v2.version).toBe(2);
    expect(v2.text).not.toBe(v1.text);
    expect(await site.staff.childCredential(child.id)).toEqual(v2);

    await expectRefusedCode(site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: v1.text }), REPLACED);
    await expectRefusedCode(site.kiosk.previewStamp({ facility_id: site.facility.id, credential: v1.text }), REPLACED);
    await expectRefusedCode(site.staff.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: v1.text }), REPLACED);
    expect(await allVisits(site.staff, { child_id: child.id })).toEqual([]);

    const ok = await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: v2.text });
    expect(ok).toMatchObject({ result: 'arrived', visit: { child: { id: child.id } } });
    expect(await allVisits(site.staff, { child_id: child.id })).toHaveLength(1);
  });

  it('a guardian may reissue its own child’s and family’s cards; each reissue refuses all older ones', async () => {
    const { family, child, guardian } = await enrolledFamily(server, site.staff, [site.facility.id]);
    const v1 = await guardian.childCredential(child.id);
    const v2 = await guardian.reissueChildCredential(child.id);
    const v3 = await site.staff.reissueChildCredential(child.id);
    expect([v1.version, v2.version, v3.version]).toEqual([1, 2, 3]);
    for (const old of [v1, v2]) {
      await expectRefusedCode(site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: old.text }), REPLACED);
    }
    const f1 = await guardian.familyCredential(family.id);
    const f2 = await guardian.reissueFamilyCredential(family.id);
    expect(f2).toMatchObject({ version: 2, kind: 'family', subject_id: family.id });
    await expectRefusedCode(site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: f1.text }), REPLACED);
    // Reissuing the family's card leaves the child's current card alone, and the reverse.
    expect((await guardian.childCredential(child.id)).text).toBe(v3.text);
    expect(await allVisits(site.staff, { child_id: child.id })).toEqual([]);
    const ok = await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: v3.text });
    expect(ok).toMatchObject({ result: 'arrived' });
  });
});

describe('codes that are refused, recording nothing', () => {
  let child: { id: string };
  let current: Credential;
  let foreign: Credential;

  beforeAll(async () => {
    ({ child } = await enrolledFamily(server, site.staff, [site.facility.id]));
    current = await site.staff.childCredential(child.id);
    // Another organization's card, for a child enrolled at a facility there.
    const adminB = await server.login(await server.createOrg('隣の市'));
    const siteB = await newSite(server, adminB);
    const b = await enrolledFamily(server, siteB.staff, [siteB.facility.id]);
    foreign = await adminB.childCredential(b.child.id);
  });

  const flip = (text: string, at: number) => {
    const c = text[at];
    return text.slice(0, at) + (c === 'A' ? 'B' : 'A') + text.slice(at + 1);
  };

  it.each([
    ['a tampered code (one character changed in the middle)', () => flip(current.text, Math.floor(current.text.length / 2))],
    ['a tampered code (last character changed)', () => flip(current.text, current.text.length - 1)],
    ['a truncated code', () => current.text.slice(0, -4)],
    ['a code with a character appended', () => `${current.text}A`],
    ['another organization’s code', () => foreign.text],
    ['a random string', () => randomBytes(12).toString('hex')],
    ['a random TDM1 lookalike of the same length', () => `TDM1:${base32(current.text.length - 5)}`],
    ['a different scheme', () => `TDM2:${current.text.slice(5)}`],
    ['a URL', () => 'https://example.com/?q=TDM1:AAAA'],
    ['an empty string', () => ''],
    ['a very long string', () => 'TDM1:' + 'A'.repeat(5000)],
  ])('%s', async (_what, make) => {
    const text = make();
    await expectRefusedCode(site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: text }), NOT_A_CODE);
    await expectRefusedCode(site.kiosk.previewStamp({ facility_id: site.facility.id, credential: text }), NOT_A_CODE);
    await expectRefusedCode(site.staff.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: text }), NOT_A_CODE);
    expect(await allVisits(site.staff, { facility_id: site.facility.id, child_id: child.id })).toEqual([]);
  });

  it('a child not enrolled at the facility', async () => {
    const { child: elsewhere } = await enrolledFamily(server, admin, []);
    const c = await admin.childCredential(elsewhere.id);
    await expectRefusedCode(site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: c.text }), NOT_ENROLLED);
    await expectRefusedCode(site.kiosk.previewStamp({ facility_id: site.facility.id, credential: c.text }), NOT_ENROLLED);
    expect(await allVisits(admin, { child_id: elsewhere.id })).toEqual([]);
  });

  it('the credential must be a string', async () => {
    for (const credential of [42, ['TDM1:AAAA'], { text: current.text }]) {
      const res = await site.kiosk.request('POST', '/api/v1/stamps', { facility_id: site.facility.id, client_id: clientId(), credential });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {})).toContain('credential');
    }
    expect(await allVisits(site.staff, { facility_id: site.facility.id, child_id: child.id })).toEqual([]);
  });

  it('and the real code still works afterwards', async () => {
    const ok = await site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: current.text });
    expect(ok).toMatchObject({ result: 'arrived', visit: { child: { id: child.id } } });
  });
});

describe('QR images', () => {
  it('qr.png decodes (zbarimg) to the current credential, and follows a reissue', async () => {
    const { child, guardian } = await enrolledFamily(server, site.staff, [site.facility.id]);
    const c1 = await site.staff.childCredential(child.id);
    const png = await download(server, site.staff, `/api/v1/children/${child.id}/qr.png`);
    expect(png.status).toBe(200);
    expect(png.type).toMatch(/^image\/png/);
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(await decodeQr(png.bytes)).toBe(c1.text);

    const byGuardian = await download(server, guardian, `/api/v1/children/${child.id}/qr.png`);
    expect(byGuardian.status).toBe(200);
    expect(await decodeQr(byGuardian.bytes)).toBe(c1.text);

    const c2 = await guardian.reissueChildCredential(child.id);
    const again = await download(server, site.staff, `/api/v1/children/${child.id}/qr.png`);
    expect(await decodeQr(again.bytes)).toBe(c2.text);
  });

  it('a family qr.png decodes to the family credential', async () => {
    const { family } = await enrolledFamily(server, site.staff, [site.facility.id]);
    const f = await site.staff.familyCredential(family.id);
    const png = await download(server, site.staff, `/api/v1/families/${family.id}/qr.png`);
    expect(png.status).toBe(200);
    expect(png.type).toMatch(/^image\/png/);
    expect(await decodeQr(png.bytes)).toBe(f.text);
  });

  it('qr.svg is an SVG image', async () => {
    const { family, child } = await enrolledFamily(server, site.staff, [site.facility.id]);
    for (const path of [`/api/v1/children/${child.id}/qr.svg`, `/api/v1/families/${family.id}/qr.svg`]) {
      const svg = await download(server, site.staff, path);
      expect(svg.status, path).toBe(200);
      expect(svg.type).toMatch(/^image\/svg\+xml/);
      expect(svg.text).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
      expect(svg.text).toContain('http://www.w3.org/2000/svg');
      expect(svg.text.trimEnd()).toMatch(/<\/svg>$/);
    }
  });

  it('need a signed-in caller', async () => {
    const { child } = await enrolledFamily(server, site.staff, [site.facility.id]);
    for (const path of [`/api/v1/children/${child.id}/qr.png`, `/api/v1/children/${child.id}/qr.svg`, `/api/v1/children/${child.id}/card.pdf`]) {
      expect((await download(server, null, path)).status, path).toBe(401);
    }
  });
});

describe('printable cards', () => {
  it("card.pdf shows the child's name, kana and facility name, and a QR", async () => {
    const tag = uid();
    const { child, guardian } = await enrolledFamily(server, site.staff, [site.facility.id], {
      children: [{ name: `佐藤 さくら ${tag}`, name_kana: 'さとう さくら', birth_date: '2017-08-08' }],
    });
    const pdf = await download(server, site.staff, `/api/v1/children/${child.id}/card.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toMatch(/^application\/pdf/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = squash(await pdfText(pdf.bytes));
    expect(text).toContain(squash(child.name));
    expect(text).toContain(squash('さとう さくら'));
    expect(text).toContain(squash(site.facility.name));
    expect((await download(server, guardian, `/api/v1/children/${child.id}/card.pdf`)).status).toBe(200);
  });

  it('cards.pdf of an after-school club: A4 sheets with a card per enrolled child', async () => {
    const club = await newSite(server, admin, { kind: 'after_school' });
    const a = await enrolledFamily(server, club.staff, [club.facility.id]);
    const b = await enrolledFamily(server, club.staff, [club.facility.id], {
      children: [
        { name: `鈴木 一郎 ${uid()}`, birth_date: '2016-04-10' },
        { name: `鈴木 二郎 ${uid()}`, birth_date: '2018-04-10' },
      ],
    });
    const outsider = await enrolledFamily(server, admin, []);
    const pdf = await download(server, club.staff, `/api/v1/facilities/${club.facility.id}/cards.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toMatch(/^application\/pdf/);
    const info = await pdfInfo(pdf.bytes);
    expect(info['Page size'], JSON.stringify(info)).toMatch(/^595(\.\d+)? x 841(\.\d+)? pts/);
    const text = squash(await pdfText(pdf.bytes));
    for (const c of [a.child, ...b.family.children]) expect(text).toContain(squash(c.name));
    expect(text).toContain(squash(club.facility.name));
    expect(text).not.toContain(squash(outsider.child.name));
  });

  it('cards.pdf of a drop-in room: a card per enrolled family with its children', async () => {
    const room = await newSite(server, admin, { kind: 'drop_in' });
    const tag = uid();
    const fam = await enrolledFamily(server, room.staff, [room.facility.id], {
      name: `高橋家 ${tag}`,
      children: [
        { name: `高橋 葵 ${tag}`, birth_date: '2022-01-10' },
        { name: `高橋 蓮 ${tag}`, birth_date: '2024-03-03' },
      ],
    });
    const pdf = await download(server, room.staff, `/api/v1/facilities/${room.facility.id}/cards.pdf`);
    expect(pdf.status).toBe(200);
    const text = squash(await pdfText(pdf.bytes));
    expect(text).toContain(squash(fam.family.name));
    for (const c of fam.family.children) expect(text).toContain(squash(c.name));
    expect(text).toContain(squash(room.facility.name));
  });

  it('cards.pdf is for staff of the facility only', async () => {
    const other = await newSite(server, admin);
    const { guardian } = await enrolledFamily(server, site.staff, [site.facility.id]);
    expect((await download(server, other.staff, `/api/v1/facilities/${site.facility.id}/cards.pdf`)).status).toBe(404);
    expect((await download(server, guardian, `/api/v1/facilities/${site.facility.id}/cards.pdf`)).status).toBe(403);
    expect((await download(server, site.kioskToken, `/api/v1/facilities/${site.facility.id}/cards.pdf`)).status).toBe(403);
    expect((await download(server, admin, `/api/v1/facilities/${site.facility.id}/cards.pdf`)).status).toBe(200);
  });
});
