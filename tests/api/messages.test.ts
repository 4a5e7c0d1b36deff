// Messages (お知らせ): staff send to an audience now or at a time; the families it reached
// read it (any guardian marks the family), staff see the receipts and remind the unread;
// a scheduled message waits for the clock and can be cancelled until it goes; a client_id
// sends once; emergency notices show until staff end them; attachments reach only the
// families a message with them reached. Bad input is refused naming the field and changes
// nothing; another organization, another facility's staff and a family outside the
// audience see none of it. The server's test clock stands at 2027-06-10 15:00 in Tokyo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageInput, NewFamily } from '../../web/src/shared/types';
import {
  clientId,
  createCookieFetch,
  download,
  enrolledFamily,
  expectApiError,
  expectInvalid,
  newSite,
  signIn,
  startCheckinServer,
  type Site,
  type TestApi,
  type TestServer,
} from '../support';

let server: TestServer;
let admin: TestApi;
let a: Site; // club A: the Yamada family (two guardians) and the Sato family
let b: Site; // club B: the Suzuki family
let yamada: NewFamily;
let yamadaMother: TestApi;
let yamadaFather: TestApi;
let satoMother: TestApi;
let suzukiMother: TestApi;
let otherAdmin: TestApi; // another organization
let otherSite: Site;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(24)]);

const toA = (over: Partial<MessageInput> = {}): MessageInput => ({
  title: '12月のおたより',
  body: '今月の予定をお知らせします。\n詳しくは https://example.jp/dayori をご覧ください。',
  audience: { facility_ids: [a.facility.id] },
  channels: ['push', 'email', 'inapp'],
  ...over,
});

const idsOf = (items: { id: string }[]) => items.map((m) => m.id);

beforeAll(async () => {
  server = await startCheckinServer();
  admin = await server.login();
  a = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
  b = await newSite(server, admin, { name: 'さくら児童クラブ' });
  const y = await enrolledFamily(server, a.staff, [a.facility.id], {
    name: '山田家',
    guardians: [{ name: '山田 恵', relation: '母' }, { name: '山田 健', relation: '父' }],
  });
  yamada = y.family;
  yamadaMother = y.guardian;
  const father = yamada.guardians[1];
  yamadaFather = (await signIn(server, father.login, father.initial_password)).api;
  satoMother = (await enrolledFamily(server, a.staff, [a.facility.id], { name: '佐藤家' })).guardian;
  suzukiMother = (await enrolledFamily(server, b.staff, [b.facility.id], { name: '鈴木家' })).guardian;
  otherAdmin = await server.login(await server.createOrg('となり市'));
  otherSite = await newSite(server, otherAdmin, { name: 'となり児童クラブ' });
  await enrolledFamily(server, otherSite.staff, [otherSite.facility.id]);
});
afterAll(async () => {
  await server?.close();
});

describe('sending a message', () => {
  it('reaches the families of the audience, who read it; staff see who read it', async () => {
    const sent = await a.staff.sendMessage(toA());
    expect(sent.recipients).toEqual({ families: 2, guardians: 3 });
    const m = sent.message;
    expect(m).toMatchObject({ status: 'sent', priority: 'normal', families: 2, guardians: 3, read_families: 0 });
    expect(m.channels).toEqual(['push', 'email', 'inapp']);
    expect(m.facility_ids).toEqual([a.facility.id]);
    expect(m.sent_at).toBe('2027-06-10T15:00:00+09:00');

    // The families at A have it, unread; the family at B does not.
    const mine = await yamadaMother.myMessages();
    expect(idsOf(mine.items)).toContain(m.id);
    const item = mine.items.find((x) => x.id === m.id)!;
    expect(item).toMatchObject({ title: '12月のおたより', read_at: null, priority: 'normal' });
    expect(item).not.toHaveProperty('audience');
    expect(item).not.toHaveProperty('read_families');
    expect(idsOf((await satoMother.myMessages()).items)).toContain(m.id);
    expect(idsOf((await suzukiMother.myMessages()).items)).not.toContain(m.id);
    await expectApiError(suzukiMother.myMessage(m.id), 404);
    await expectApiError(suzukiMother.readMessage(m.id), 404);

    // The guardian's in-app inbox tells them too.
    const inbox = await yamadaMother.notifications();
    expect(inbox.items.find((n: any) => n.message_id === m.id)).toMatchObject({ kind: 'message', title: '12月のおたより' });

    // One guardian reads it: the whole family has read it; again is harmless.
    await yamadaMother.readMessage(m.id);
    await yamadaMother.readMessage(m.id);
    const seenByFather = await yamadaFather.myMessage(m.id);
    expect(seenByFather.read_at).toBe('2027-06-10T15:00:00+09:00');
    expect(seenByFather).not.toHaveProperty('audience');

    const receipts = await a.staff.messageReceipts(m.id);
    expect(receipts).toMatchObject({ families: 2, read_families: 1 });
    const byName = Object.fromEntries(receipts.items.map((r) => [r.family.name, r]));
    expect(byName['山田家']).toMatchObject({ delivered: true, read_by: { name: '山田 恵' }, reminders: 0 });
    expect(byName['佐藤家']).toMatchObject({ delivered: true, read_at: null, read_by: null, reminders: 0 });
    expect((await a.staff.staffMessage(m.id)).read_families).toBe(1);
    const listed = (await a.staff.messages()).items.find((x) => x.id === m.id)!;
    expect(listed).toMatchObject({ families: 2, read_families: 1 });
  });

  it('reminds only the families that have not read it, once per press, recorded', async () => {
    const { message: m } = await a.staff.sendMessage(toA({ title: '遠足の持ち物' }));
    await satoMother.readMessage(m.id);
    expect(await a.staff.remindMessage(m.id)).toBe(1);
    expect(await a.staff.remindMessage(m.id)).toBe(1);
    const receipts = await a.staff.messageReceipts(m.id);
    const byName = Object.fromEntries(receipts.items.map((r) => [r.family.name, r]));
    expect(byName['山田家'].reminders).toBe(2);
    expect(byName['佐藤家'].reminders).toBe(0);
    // The reminder reached the unread family's inbox, marked as one.
    const reminded = (await yamadaMother.notifications()).items.filter((n: any) => n.message_id === m.id);
    expect(reminded.map((n: any) => n.title).sort()).toEqual(['【再送】遠足の持ち物', '【再送】遠足の持ち物', '遠足の持ち物']);
    expect((await satoMother.notifications()).items.filter((n: any) => n.message_id === m.id)).toHaveLength(1);
    // Everyone read: a press reaches nobody.
    await yamadaFather.readMessage(m.id);
    expect(await a.staff.remindMessage(m.id)).toBe(0);
  });

  it('sends once for one client_id: the retry answers the first message', async () => {
    const id = clientId();
    const first = await a.staff.request('POST', '/api/v1/messages', toA({ title: '二度押し', client_id: id }));
    expect(first.status).toBe(201);
    const again = await a.staff.request('POST', '/api/v1/messages', toA({ title: '二度押し', client_id: id }));
    expect(again.status).toBe(200);
    expect(again.body.message.id).toBe(first.body.message.id);
    const mine = (await yamadaMother.myMessages({ limit: 200 })).items.filter((x) => x.title === '二度押し');
    expect(mine).toHaveLength(1);
    await expectInvalid(a.staff.sendMessage(toA({ client_id: 'not-a-uuid' })), 'client_id');
  });

  it('with no recipients today is refused', async () => {
    const e = await expectInvalid(a.staff.sendMessage(toA({ audience: { facility_ids: [a.facility.id], grades: ['高3'] } })), 'audience');
    expect(e.fieldReasons.audience).toBe('no_recipients');
  });
});

describe('a scheduled message', () => {
  it('waits for its time, then reaches the families; cancelled, it never goes', async () => {
    const at = '2027-06-10T18:00:00+09:00';
    const sent = await a.staff.sendMessage(toA({ title: '夕方のお知らせ', send_at: at }));
    expect(sent.message).toMatchObject({ status: 'scheduled', sent_at: null, send_at: at });
    expect(sent.recipients).toEqual({ families: 2, guardians: 3 });
    const cancelled = await a.staff.sendMessage(toA({ title: '取り消すお知らせ', send_at: at }));
    await a.staff.cancelMessage(cancelled.message.id);
    await a.staff.cancelMessage(cancelled.message.id); // again: still cancelled
    expect((await a.staff.staffMessage(cancelled.message.id)).status).toBe('cancelled');
    expect(idsOf((await a.staff.messages({ status: 'scheduled' })).items)).toEqual([sent.message.id]);
    expect(idsOf((await yamadaMother.myMessages()).items)).not.toContain(sent.message.id);
    await expectApiError(a.staff.remindMessage(sent.message.id), 409, 'conflict');

    await server.setClock('2027-06-10T18:00:01+09:00');
    const now = await a.staff.staffMessage(sent.message.id);
    expect(now).toMatchObject({ status: 'sent', sent_at: '2027-06-10T18:00:01+09:00', families: 2 });
    expect(idsOf((await yamadaMother.myMessages()).items)).toContain(sent.message.id);
    expect(idsOf((await yamadaMother.myMessages()).items)).not.toContain(cancelled.message.id);
    expect((await a.staff.staffMessage(cancelled.message.id)).status).toBe('cancelled');
    // A sent message cannot be cancelled.
    const e = await expectApiError(a.staff.cancelMessage(sent.message.id), 409, 'conflict');
    expect(e.reason).toBe('already_sent');
  });
});

describe('an emergency notice', () => {
  it('shows to the families, the facility kiosk and staff until staff end it', async () => {
    const { message: m } = await a.staff.sendMessage(toA({ title: '台風のため本日は閉所します', priority: 'emergency', channels: ['inapp'] }));
    expect(m.priority).toBe('emergency');
    expect(m.channels, 'every channel').toEqual(['push', 'email', 'inapp']);
    expect(idsOf(await yamadaMother.emergencies())).toEqual([m.id]);
    expect(idsOf(await a.kiosk.emergencies())).toEqual([m.id]);
    expect(idsOf(await a.staff.emergencies())).toEqual([m.id]);
    expect(idsOf(await admin.emergencies())).toEqual([m.id]);
    expect(await suzukiMother.emergencies()).toEqual([]);
    expect(await b.kiosk.emergencies()).toEqual([]);
    expect(await b.staff.emergencies()).toEqual([]);
    expect(await otherAdmin.emergencies()).toEqual([]);
    await expectApiError(b.staff.endMessage(m.id), 404);

    const ended = await a.staff.endMessage(m.id);
    expect(ended.ended_at).toBe('2027-06-10T18:00:01+09:00');
    expect(ended.ended_by).toMatchObject({ name: expect.any(String) });
    expect(await yamadaMother.emergencies()).toEqual([]);
    expect(await a.kiosk.emergencies()).toEqual([]);
    expect((await expectApiError(a.staff.endMessage(m.id), 409)).reason).toBe('already_ended');
    // It stays in the families' messages.
    expect((await yamadaMother.myMessage(m.id)).ended_at).toBe('2027-06-10T18:00:01+09:00');
  });

  it('is sent at once: no send_at; a normal message cannot be ended', async () => {
    const e = await expectInvalid(a.staff.sendMessage(toA({ priority: 'emergency', send_at: '2027-06-11T09:00:00+09:00' })), 'send_at');
    expect(e.fieldReasons.send_at).toBe('emergency_at_once');
    const { message: m } = await a.staff.sendMessage(toA({ title: '普通のお知らせ' }));
    expect((await expectApiError(a.staff.endMessage(m.id), 409)).reason).toBe('not_emergency');
  });
});

describe('bad input', () => {
  it('is refused naming the field and sends nothing', async () => {
    const before = (await admin.messages({ limit: 200 })).items.length;
    const cases: [string, Partial<MessageInput> | Record<string, unknown>, string][] = [
      ['title', { title: '' }, 'empty'],
      ['title', { title: '二行の\n題名' }, 'multiline'],
      ['title', { title: 'あ'.repeat(101) }, 'too_long'],
      ['body', { body: '   ' }, 'empty'],
      ['body', { body: 'あ'.repeat(10_001) }, 'too_long'],
      ['priority', { priority: 'urgent' }, 'not_a_choice'],
      ['channels[1]', { channels: ['push', 'fax'] }, 'not_a_choice'],
      ['channels', { channels: [] }, 'empty'],
      ['send_at', { send_at: '2027-06-10T09:00:00+09:00' }, 'not_future'],
      ['send_at', { send_at: 'tomorrow' }, 'not_instant'],
      ['send_at', { send_at: '2029-06-10T09:00:00+09:00' }, 'beyond_a_year'],
      ['audience.grades[0]', { audience: { grades: ['年長'] } }, 'not_grade'],
    ];
    for (const [field, over, reason] of cases) {
      const e = await expectInvalid(a.staff.sendMessage({ ...toA(), ...over } as MessageInput), field);
      expect(e.fieldReasons[field], field).toBe(reason);
    }
    const unknown = await a.staff.request('POST', '/api/v1/messages', { ...toA(), sms: true });
    expect(unknown.status).toBe(400);
    const missing = await a.staff.request('POST', '/api/v1/messages', { title: 't', body: 'b' });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(['audience', 'channels']);
    expect((await admin.messages({ limit: 200 })).items.length).toBe(before);
  });

  it('an audience beyond the sender: another organization\'s facility 404, another facility of staff 403', async () => {
    const foreign = await expectApiError(a.staff.sendMessage(toA({ audience: { facility_ids: [otherSite.facility.id] } })), 404);
    expect(foreign.fieldReasons['audience.facility_ids[0]']).toBe('no_such_facility');
    const beyond = await expectApiError(a.staff.sendMessage(toA({ audience: { facility_ids: [b.facility.id] } })), 403);
    expect(beyond.reason).toBe('not_your_facility');
    const family = await expectApiError(a.staff.sendMessage(toA({ audience: { family_ids: [(await otherAdmin.listFamilies()).items[0].id] } })), 404);
    expect(family.fieldReasons['audience.family_ids[0]']).toBe('no_such_family');
    await expectApiError(yamadaMother.sendMessage(toA()), 403);
    await expectApiError(a.kiosk.sendMessage(toA()), 403);
  });
});

describe('who sees a message', () => {
  it('another organization, another facility\'s staff and families outside the audience get 404', async () => {
    const { message: m } = await a.staff.sendMessage(toA({ title: 'A だけのお知らせ' }));
    for (const who of [otherAdmin, b.staff]) {
      await expectApiError(who.staffMessage(m.id), 404);
      await expectApiError(who.messageReceipts(m.id), 404);
      await expectApiError(who.remindMessage(m.id), 404);
      await expectApiError(who.cancelMessage(m.id), 404);
      expect(idsOf((await who.messages({ limit: 200 })).items)).not.toContain(m.id);
    }
    await expectApiError(suzukiMother.myMessage(m.id), 404);
    await expectApiError(yamadaMother.messageReceipts(m.id), 403);
    await expectApiError(yamadaMother.messages(), 403);
    // The organization administrator sees every facility's messages; staff filter by facility.
    expect(idsOf((await admin.messages({ facility_id: a.facility.id, limit: 200 })).items)).toContain(m.id);
    expect(idsOf((await admin.messages({ facility_id: b.facility.id, limit: 200 })).items)).not.toContain(m.id);
  });

  it('a message to two facilities is managed by the administrator, not by one facility\'s staff', async () => {
    const { message: m } = await admin.sendMessage(toA({ title: '全クラブへ', audience: { facility_ids: [a.facility.id, b.facility.id] } }));
    expect(m.families).toBe(3);
    await expectApiError(a.staff.staffMessage(m.id), 404);
    expect(idsOf((await suzukiMother.myMessages()).items)).toContain(m.id);
    // An empty audience is every family the sender may reach.
    const all = await admin.sendMessage(toA({ title: '全家庭へ', audience: {} }));
    expect(all.recipients.families).toBe(3);
    expect((await otherAdmin.listFamilies()).items.length).toBe(1);
  });

  it('pages newest first', async () => {
    const page1 = await admin.messages({ limit: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.next_cursor).toBe(page1.items[1].id);
    const page2 = await admin.messages({ limit: 2, cursor: page1.next_cursor });
    expect(page2.items[0].id < page1.items[1].id).toBe(true);
    const mine1 = await yamadaMother.myMessages({ limit: 1 });
    const mine2 = await yamadaMother.myMessages({ limit: 1, cursor: mine1.next_cursor });
    expect(mine2.items[0].id < mine1.items[0].id).toBe(true);
  });
});

describe('attachments', () => {
  it('reach the families the message reached, with their type and name; nobody else', async () => {
    const pdf = await a.staff.uploadAttachment(PDF, 'ルームだより12月号.pdf', 'application/pdf');
    expect(pdf).toMatchObject({ name: 'ルームだより12月号.pdf', content_type: 'application/pdf', size: PDF.length });
    const png = await a.staff.uploadAttachment(PNG, 'map.png', 'image/png');
    const { message: m } = await a.staff.sendMessage(toA({ title: 'おたより', attachment_ids: [pdf.id, png.id] }));
    expect(m.attachments.map((x) => x.id)).toEqual([pdf.id, png.id]);
    const seen = await yamadaMother.myMessage(m.id);
    expect(seen.attachments.map((x) => x.name)).toEqual(['ルームだより12月号.pdf', 'map.png']);

    const res = await createCookieFetch(yamadaMother.jar, () => server.url)(yamadaMother.attachmentUrl(pdf.id));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''" + encodeURIComponent('ルームだより12月号.pdf'));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);

    const get = async (who: TestApi | null, id: string) => (await download(server, who, `/api/v1/attachments/${id}`)).status;
    expect(await get(a.staff, png.id)).toBe(200);
    expect(await get(admin, png.id)).toBe(200);
    expect(await get(suzukiMother, pdf.id)).toBe(404);
    expect(await get(b.staff, pdf.id)).toBe(404);
    expect(await get(otherAdmin, pdf.id)).toBe(404);
    expect(await get(null, pdf.id)).toBe(401);

    // Uploaded but in no message yet: only its uploader and the administrator.
    const draft = await a.staff.uploadAttachment(PDF, '下書き.pdf', 'application/pdf');
    expect(await get(yamadaMother, draft.id)).toBe(404);
    expect(await get(b.staff, draft.id)).toBe(404);
    expect(await get(a.staff, draft.id)).toBe(200);
    // Another staff member's upload, or another organization's, cannot be attached.
    const theirs = await b.staff.uploadAttachment(PDF, 'b.pdf', 'application/pdf');
    const e = await expectApiError(a.staff.sendMessage(toA({ attachment_ids: [theirs.id] })), 404);
    expect(e.fieldReasons['attachment_ids[0]']).toBe('no_such_attachment');
    const foreign = await otherAdmin.uploadAttachment(PDF, 'x.pdf', 'application/pdf');
    await expectApiError(admin.sendMessage(toA({ attachment_ids: [pdf.id, foreign.id] })), 404);
  });

  it('refuse a wrong type, a file that is not its type, one too large and a path for a name', async () => {
    const bad = async (bytes: Buffer, name: string, type: string, field: string, reason: string) => {
      const e = await expectInvalid(a.staff.uploadAttachment(bytes, name, type), field);
      expect(e.fieldReasons[field]).toBe(reason);
    };
    await bad(Buffer.from('<html></html>'), 'page.html', 'text/html', 'content_type', 'file_type');
    await bad(Buffer.from('<svg/>'), 'x.svg', 'image/svg+xml', 'content_type', 'file_type');
    await bad(Buffer.from('<html></html>'), 'fake.pdf', 'application/pdf', 'body', 'file_not_its_type');
    await bad(PDF, '../etc/passwd', 'application/pdf', 'name', 'path_in_name');
    await bad(PDF, '', 'application/pdf', 'name', 'empty');
    const large = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length)]);
    await bad(large, 'big.pdf', 'application/pdf', 'body', 'file_too_large');
    await expectApiError(yamadaMother.uploadAttachment(PDF, 'x.pdf', 'application/pdf'), 403);
  });
});
