// Contact threads (連絡): a guardian writes to the facility about a child, its staff reply.
// A thread is the family's (every guardian reads and writes it) and the facility's (all its
// staff); each side has its own unread count and reading marks the side read; a staff post
// reaches the guardians' inbox; every post is a live `thread` event to the facility's staff;
// a client_id writes once; once the family has left the facility the thread is read-only.
// Bad input is refused naming the field and changes nothing; another facility's staff,
// another family and another organization see none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewFamily } from '../../web/src/shared/types';
import {
  clientId,
  enrolledFamily,
  expectApiError,
  expectInvalid,
  newSite,
  openEvents,
  signIn,
  startCheckinServer,
  type EventStream,
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
let sato: NewFamily;
let satoMother: TestApi;
let suzukiMother: TestApi;
let otherAdmin: TestApi; // another organization
const streams: EventStream[] = [];

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
  const s = await enrolledFamily(server, a.staff, [a.facility.id], { name: '佐藤家' });
  sato = s.family;
  satoMother = s.guardian;
  suzukiMother = (await enrolledFamily(server, b.staff, [b.facility.id], { name: '鈴木家' })).guardian;
  otherAdmin = await server.login(await server.createOrg('となり市'));
});
afterAll(async () => {
  for (const s of streams) s.close();
  await server?.close();
});

const taro = () => yamada.children[0];
const open = (body = '今日は17時半にお迎えに行きます。\nよろしくお願いします。', over: Record<string, unknown> = {}) =>
  yamadaMother.createThread({ child_id: taro().id, facility_id: a.facility.id, body, ...over });

describe('a contact thread', () => {
  it('goes from a guardian to the facility staff and back, each side counting what it has not read', async () => {
    const before = (await a.staff.threads()).unread_threads;
    const { thread, post } = await open();
    expect(thread).toMatchObject({
      facility: { id: a.facility.id, name: 'ひまわり児童クラブ' },
      family: { id: yamada.id, name: '山田家' },
      child: { id: taro().id },
      subject: '今日は17時半にお迎えに行きます。',
      posts: 1,
      unread: 0, // the writer's side has read its own post
      read_only: false,
      created_at: '2027-06-10T15:00:00+09:00',
    });
    expect(post).toMatchObject({ seq: 1, author: { kind: 'guardian', name: '山田 恵' } });
    expect(post.body).toBe('今日は17時半にお迎えに行きます。\nよろしくお願いします。');

    // The club's staff have one unread thread more; reading it marks it read for them.
    const listed = await a.staff.threads({ unread: 'true' });
    expect(listed.unread_threads).toBe(before + 1);
    const mine = listed.items.find((t) => t.id === thread.id)!;
    expect(mine).toMatchObject({ unread: 1, last_post: { author_kind: 'guardian' } });
    const read = await a.staff.thread(thread.id);
    expect(read.items.map((p) => p.body)).toEqual([post.body]);
    expect(read.thread.unread).toBe(0);
    expect((await a.staff.threads()).unread_threads).toBe(before);
    expect((await a.staff.threads({ unread: 'true' })).items.map((t) => t.id)).not.toContain(thread.id);

    // The staff reply reaches the family: both guardians see it unread, in the inbox too.
    const reply = await a.staff.postToThread(thread.id, '承知しました。お気をつけてお越しください。');
    expect(reply.post).toMatchObject({ seq: 2, author: { kind: 'staff' } });
    expect(reply.thread).toMatchObject({ posts: 2, unread: 0, last_post: { author_kind: 'staff' } });
    const family = await yamadaFather.threads();
    expect(family.items.find((t) => t.id === thread.id)).toMatchObject({ unread: 1 });
    expect(family.unread_threads).toBeGreaterThanOrEqual(1);
    const inbox = await yamadaMother.notifications();
    expect(inbox.items.find((n: any) => n.thread_id === thread.id)).toMatchObject({
      kind: 'thread',
      title: '【連絡】ひまわり児童クラブからの返信',
      body: '承知しました。お気をつけてお越しください。',
      link: `/app/threads/${thread.id}`,
    });

    // The father reads it for the family, and answers; the staff's unread count comes back.
    const seen = await yamadaFather.thread(thread.id);
    expect(seen.items.map((p) => p.author.kind)).toEqual(['guardian', 'staff']);
    expect((await yamadaMother.threads()).items.find((t) => t.id === thread.id)).toMatchObject({ unread: 0 });
    await yamadaFather.postToThread(thread.id, 'ありがとうございます。');
    expect((await a.staff.threads()).items.find((t) => t.id === thread.id)).toMatchObject({ unread: 1, posts: 3 });
    // A guardian's post tells no guardian: nothing new in the mother's inbox.
    const after = await yamadaMother.notifications();
    expect(after.items.filter((n: any) => n.thread_id === thread.id)).toHaveLength(1);
  });

  it('lists the most recently written first and pages on', async () => {
    const first = (await open('一つ目')).thread;
    const second = (await open('二つ目')).thread;
    await yamadaMother.postToThread(first.id, '追記'); // the clock stands still: the id orders ties
    const page1 = await yamadaMother.threads({ limit: 1 });
    expect(page1.items).toHaveLength(1);
    expect(page1.next_cursor).toBeTruthy();
    const page2 = await yamadaMother.threads({ limit: 1, cursor: page1.next_cursor! });
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    const all = (await yamadaMother.threads({ limit: 200 })).items.map((t) => t.id);
    expect(all).toContain(first.id);
    expect(all).toContain(second.id);
    expect(new Set(all).size).toBe(all.length);
    await expectInvalid(yamadaMother.threads({ cursor: 'nonsense' }), 'cursor');
    await expectInvalid(yamadaMother.threads({ unread: 'yes' as any }), 'unread');
  });

  it('is written once per client_id, however often it is sent', async () => {
    const id = clientId();
    const one = await open('熱があります', { client_id: id });
    const again = await yamadaMother.request('POST', '/api/v1/threads', {
      child_id: taro().id, facility_id: a.facility.id, body: '熱があります', client_id: id,
    });
    expect(again.status).toBe(200);
    expect(again.body.thread.id).toBe(one.thread.id);
    expect(again.body.post.id).toBe(one.post.id);

    const postId = clientId();
    const p1 = await a.staff.postToThread(one.thread.id, 'お大事に', postId);
    const p2 = await a.staff.request('POST', `/api/v1/threads/${one.thread.id}/messages`, { body: 'お大事に', client_id: postId });
    expect(p2.status).toBe(200);
    expect(p2.body.post.id).toBe(p1.post.id);
    expect((await a.staff.thread(one.thread.id)).items).toHaveLength(2);
  });

  it('tells the facility staff live when a guardian writes', async () => {
    const events = await openEvents(server.url, a.staff.jar);
    streams.push(events);
    expect(events.status).toBe(200);
    const { thread } = await open('連絡帳を忘れました');
    const about = (e: { event: string; data: any }) => e.event === 'thread' && e.data?.thread_id === thread.id;
    const first = await events.waitFor(about, 15_000, 'the thread event');
    // Staff of another club hear nothing of it.
    const other = await openEvents(server.url, b.staff.jar);
    streams.push(other);
    expect(other.status).toBe(200);
    await yamadaMother.postToThread(thread.id, 'もう一度');
    await events.waitFor((e) => about(e) && e !== first, 15_000, 'the second event');
    // B's stream was open before the post was announced, so it would have had it by now.
    expect(other.events.filter(about)).toHaveLength(0);
  });
});

describe('what is refused', () => {
  it('refuses bad input naming the field and writes nothing', async () => {
    const count = async () => (await yamadaMother.threads({ limit: 200 })).items.length;
    const before = await count();
    const raw = (body: unknown) => yamadaMother.request('POST', '/api/v1/threads', body);
    await expectInvalid(open('  '), 'body');
    await expectInvalid(open('a'.repeat(2001)), 'body');
    await expectInvalid(open('本文', { subject: '二行の\n件名' }), 'subject');
    await expectInvalid(open('本文', { client_id: 'not-a-uuid' }), 'client_id');
    await expectInvalid(yamadaMother.createThread({ facility_id: a.facility.id, body: 'x' } as any), 'child_id');
    expect((await raw({ child_id: taro().id, facility_id: a.facility.id, body: 'x', extra: 1 })).status).toBe(400);
    // Another family's child, and a facility where the child is not enrolled.
    const notOurs = await expectApiError(yamadaMother.createThread({ child_id: sato.children[0].id, facility_id: a.facility.id, body: 'x' }), 404);
    expect(notOurs.fields.child_id).toBeTruthy();
    const elsewhere = await expectInvalid(open('x', { facility_id: b.facility.id }), 'facility_id');
    expect(elsewhere.reason).toBe('not_enrolled');
    await expectApiError(open('x', { facility_id: 'no-such-facility' }), 404);
    // Staff do not open threads; kiosks neither read nor write them.
    await expectApiError(a.staff.createThread({ child_id: taro().id, facility_id: a.facility.id, body: 'x' }), 403);
    await expectApiError(a.kiosk.threads(), 403);
    const { thread } = await open('本文');
    await expectInvalid(a.staff.postToThread(thread.id, ''), 'body');
    expect((await a.staff.thread(thread.id)).items).toHaveLength(1);
    expect(await count()).toBe(before + 1);
  });

  it('shows nothing to another facility, another family or another organization', async () => {
    const { thread } = await open('秘密の相談');
    for (const stranger of [b.staff, satoMother, suzukiMother, otherAdmin]) {
      expect((await stranger.threads({ limit: 200 })).items.map((t) => t.id)).not.toContain(thread.id);
      await expectApiError(stranger.thread(thread.id), 404);
      await expectApiError(stranger.postToThread(thread.id, 'x'), 404);
    }
    // The organization's administrator sees every facility's threads.
    expect((await admin.threads({ limit: 200 })).items.map((t) => t.id)).toContain(thread.id);
    // Staff of B may not filter by A; the thread still has one post.
    await expectApiError(b.staff.threads({ facility_id: a.facility.id }), 404);
    await expectApiError(otherAdmin.threads({ facility_id: a.facility.id }), 404);
    expect((await a.staff.thread(thread.id)).items).toHaveLength(1);
  });

  it('keeps a thread readable but closed once the family has left the facility', async () => {
    const s = await enrolledFamily(server, a.staff, [a.facility.id], { name: '高橋家' });
    const child = s.family.children[0];
    const { thread } = await s.guardian.createThread({ child_id: child.id, facility_id: a.facility.id, body: '転居します' });
    await a.staff.postToThread(thread.id, 'お知らせありがとうございます');
    const enrollment = (await a.staff.listEnrollments({ facility_id: a.facility.id })).items.find((e) => e.child_id === child.id)!;
    await a.staff.deleteEnrollment(enrollment.id);

    const seen = await s.guardian.thread(thread.id);
    expect(seen.thread.read_only).toBe(true);
    expect(seen.items).toHaveLength(2);
    const closed = await expectApiError(s.guardian.postToThread(thread.id, 'まだ書けますか'), 409);
    expect(closed.reason).toBe('thread_closed');
    expect((await expectApiError(a.staff.postToThread(thread.id, '返信'), 409)).reason).toBe('thread_closed');
    await expectInvalid(s.guardian.createThread({ child_id: child.id, facility_id: a.facility.id, body: 'もう一度' }), 'facility_id');
    expect((await a.staff.thread(thread.id)).items).toHaveLength(2);
  });
});
