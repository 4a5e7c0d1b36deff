// Contact threads (連絡) in both front ends, on a pinned server clock (Thursday 2027-06-10,
// 15:00 in Tokyo): a parent writes to the facility from the app on a phone; the staff
// member's navigation counts it (live), the inbox shows it unread, opening it reads it
// and the count goes back; the staff reply reaches the app (live: the tab counts it, the
// list marks it); a double click on 送信 writes one post; once the child's enrollment has
// ended both sides show the thread read-only with no reply form (an attempt on a page
// still showing the form is refused and explained); English labels on both; axe-core on
// the app's list and conversation and the admin's inbox and conversation.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { NewFamily } from '../../web/src/shared/types';
import { startCheckinServer, newSite, type Site } from '../support/checkin';
import { familyInput, newStaff, signIn } from '../support/fixtures';
import type { TestApi } from '../support/server';
import { kLive, rowOf } from './admin_support';
import { signInApp, startPhone, type Phone } from './app_support';
import { expectAccessible } from './axe';
import { signInAt, startBrowser, type TestBrowser, type TestServer } from './harness';

const kBody = '今日は17時半にお迎えに行きます';
const kReply = '承知しました。お気をつけてお越しください。';
const kThanks = 'ありがとうございます。よろしくお願いします。';
const kAt = '6/10 15:00'; // the pinned clock, as the posts show it
/** The thread's link while one post is unread (the hidden text is a block: a space may come first). */
const unreadLink = new RegExp(`^${kBody}\\s*（未読 1件）$`);

describe('contact threads: the parents app and the admin', () => {
  let server: TestServer;
  let site: Site;
  let family: NewFamily;
  let guardian: TestApi;
  let staff: TestApi;
  let phone: Phone;
  let b: TestBrowser;
  let thread_id = '';

  beforeAll(async () => {
    server = await startCheckinServer();
    const admin = await server.login();
    site = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
    const who = await newStaff(server, admin, [site.facility.id]);
    staff = who.api;
    family = await site.staff.createFamily(familyInput({
      facility_ids: [site.facility.id],
      name: '山田家',
      guardians: [{ name: '山田 恵', relation: '母', email: 'megumi@example.jp' }],
      children: [{ name: '山田 たろう', name_kana: 'やまだ たろう', birth_date: '2018-05-05' }],
    }));
    const g = family.guardians[0];
    const session = await signIn(server, g.login, g.initial_password); // changes the initial password
    guardian = session.api;

    phone = await startPhone();
    await signInApp(phone.page, server, g.login, session.password);
    await phone.page.getByRole('heading', { name: 'こども', level: 1 }).waitFor();

    b = await startBrowser();
    await signInAt(b.page, server, '/admin/threads', { login: who.login, password: who.password });
    await b.page.getByRole('heading', { name: '保護者連絡', level: 1 }).waitFor();
  });
  afterAll(async () => {
    await phone?.close();
    await b?.close();
    await server?.close();
  });

  const tab = (name: string | RegExp) => phone.page.getByRole('navigation').getByRole('link', { name });
  const adminNav = () => b.page.getByRole('navigation').getByRole('link', { name: /^保護者連絡/ });
  const posts = (page: TestBrowser['page']) => page.getByRole('list', { name: /やりとり|Conversation/ }).getByRole('listitem');

  test('a parent writes a new thread about the child from 連絡 in the app', async () => {
    const { page } = phone;
    await b.page.getByText('連絡はありません。', { exact: true }).waitFor();
    expect(await adminNav().textContent()).toBe('保護者連絡');

    await tab('連絡').click();
    await page.getByRole('heading', { name: '連絡', exact: true, level: 1 }).waitFor();
    await page.getByText('まだ連絡はありません。').waitFor();
    await page.getByRole('link', { name: '新しい連絡' }).click();
    await page.getByRole('heading', { name: '新しい連絡', level: 1 }).waitFor();
    // One child at one facility: both are named, nothing to choose.
    await page.getByText('こども：山田 たろう').waitFor();
    await page.getByText('連絡先：ひまわり児童クラブ').waitFor();
    await expectAccessible(page);

    // An empty message is refused next to its field, and nothing is written.
    await page.getByRole('button', { name: '送信' }).click();
    await page.getByRole('alert').filter({ hasText: '本文を入力してください。' }).waitFor();
    expect(await page.getByLabel('本文').getAttribute('aria-invalid')).toBe('true');
    expect((await guardian.threads()).items).toHaveLength(0);

    await page.getByLabel('本文').fill(kBody);
    await page.getByRole('button', { name: '送信' }).click();
    // The thread's page: the subject is the start of the message.
    await page.getByRole('heading', { name: kBody, level: 1 }).waitFor();
    await expect.poll(() => posts(page).count()).toBe(1);
    const mine = posts(page).first();
    expect(await mine.textContent()).toContain(kBody);
    expect(await mine.textContent()).toContain('山田 恵（保護者）');
    expect(await mine.textContent()).toContain(kAt);

    const listed = await guardian.threads();
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ subject: kBody, posts: 1, child: { name: '山田 たろう' }, read_only: false });
    thread_id = listed.items[0].id;
    expect(page.url()).toBe(`${server.url}/app/threads/${thread_id}`);

    await page.getByRole('link', { name: '一覧へ戻る' }).click();
    await page.getByRole('heading', { name: '連絡', exact: true, level: 1 }).waitFor();
    await page.getByRole('link', { name: kBody }).waitFor();
  });

  test('staff see it counted in the navigation and unread in the inbox; opening it reads it', async () => {
    const { page } = b;
    // Live: the page was open before the thread was written.
    await page.getByRole('navigation').getByRole('link', { name: /^保護者連絡\s*1\s*件（未読）$/ }).waitFor(kLive);
    const row = rowOf(page, kBody);
    await row.waitFor(kLive);
    expect(await row.getAttribute('class')).toContain('thread-row--unread');
    const text = await row.textContent();
    for (const part of ['未読 1', '山田 たろう', '山田家', `保護者：${kBody}`, kAt]) expect(text).toContain(part);
    await page.getByRole('status').filter({ hasText: '未読の連絡 1件' }).waitFor();
    // 未読のみ keeps it; the link says it is unread.
    await page.getByRole('checkbox', { name: '未読のみ' }).check();
    await expect.poll(() => page.url()).toContain('unread=true');
    const link = page.getByRole('link', { name: unreadLink });
    await link.waitFor();
    await expectAccessible(page);

    await link.click();
    await page.getByRole('heading', { name: kBody, level: 1 }).waitFor();
    await expect.poll(() => posts(page).count()).toBe(1);
    expect(await posts(page).first().textContent()).toContain(kBody);
    expect(await page.locator('.thread-facts').textContent()).toContain('山田家');
    // Read for the staff: the count leaves the navigation.
    await expect.poll(() => adminNav().textContent()).toBe('保護者連絡');
    expect((await staff.threads()).unread_threads).toBe(0);
    await expectAccessible(page);
  });

  test('the staff reply reaches the app, counted on its tab and marked in its list', async () => {
    const { page } = b;
    const form = page.getByRole('form', { name: '返信する' });
    await form.getByLabel('返信').fill(kReply);
    await form.getByRole('button', { name: '送信' }).click();
    await form.getByRole('status').filter({ hasText: '送信しました。' }).waitFor();
    await expect.poll(() => posts(page).count()).toBe(2);
    expect(await posts(page).nth(1).textContent()).toContain(kReply);
    expect(await form.getByLabel('返信').inputValue()).toBe('');

    const p = phone.page;
    await tab('連絡（未読 1件）').waitFor(kLive);
    const item = p.getByRole('listitem').filter({ hasText: kBody });
    await item.getByText('未読 1', { exact: true }).waitFor(kLive);
    expect(await item.textContent()).toContain(`職員：${kReply}`);
    await p.getByRole('link', { name: unreadLink }).waitFor();
    await expectAccessible(p);

    await p.getByRole('link', { name: unreadLink }).click();
    await p.getByRole('heading', { name: kBody, level: 1 }).waitFor();
    await expect.poll(() => posts(p).count()).toBe(2);
    const reply = posts(p).nth(1);
    expect(await reply.textContent()).toContain(kReply);
    expect(await reply.textContent()).toContain('（職員）');
    expect(await reply.getAttribute('class')).toContain('thread-post--staff');
    expect(await posts(p).first().getAttribute('class')).toContain('thread-post--own');
    await tab(/^連絡$/).waitFor();
    await expectAccessible(p);
  });

  test('a double click on 送信 writes one post, which the staff see live', async () => {
    const p = phone.page;
    const form = p.getByRole('form', { name: '返信する' });
    await form.getByLabel('返信').fill(kThanks);
    await form.getByRole('button', { name: '送信' }).dblclick();
    await form.getByRole('status').filter({ hasText: '送信しました。' }).waitFor();
    await expect.poll(() => posts(p).count()).toBe(3);
    const seen = await guardian.thread(thread_id);
    expect(seen.items.map((x) => x.body)).toEqual([kBody, kReply, kThanks]);
    // The staff page follows the thread: the post arrives without a reload.
    await posts(b.page).nth(2).filter({ hasText: kThanks }).waitFor(kLive);
    expect(await posts(b.page).count()).toBe(3);
    expect((await staff.thread(thread_id)).items).toHaveLength(3);
  });

  test('once the enrollment has ended, both sides show the thread read-only with no reply form', async () => {
    const child = family.children[0];
    const enrollment = (await site.staff.listEnrollments({ facility_id: site.facility.id })).items.find((e) => e.child_id === child.id)!;
    await site.staff.deleteEnrollment(enrollment.id);

    // The staff page still shows the form: an attempt is refused, and the page explains why.
    const { page } = b;
    const form = page.getByRole('form', { name: '返信する' });
    await form.getByLabel('返信').fill('明日もお待ちしています。');
    await form.getByRole('button', { name: '送信' }).click();
    await page.getByRole('heading', { name: 'この連絡には返信できません' }).waitFor();
    await page.getByText('この家族はこの施設の利用を終えたため').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: '送信' }).count()).toBe(0);
    expect((await staff.thread(thread_id)).items).toHaveLength(3);
    await expectAccessible(page);

    await page.getByRole('link', { name: '一覧へ戻る' }).click();
    await page.getByRole('heading', { name: '保護者連絡', level: 1 }).waitFor();
    await rowOf(page, kBody).getByText('返信できません', { exact: true }).waitFor();

    const p = phone.page;
    await p.reload();
    await p.getByRole('heading', { name: kBody, level: 1 }).waitFor();
    await p.getByRole('heading', { name: 'この連絡には返信できません' }).waitFor();
    await p.getByText('この施設の利用が終わったため').waitFor();
    expect(await posts(p).count()).toBe(3);
    expect(await p.getByRole('textbox').count()).toBe(0);
    expect(await p.getByRole('button', { name: '送信' }).count()).toBe(0);
    await expectAccessible(p);
  });

  test('English labels on both sides', async () => {
    const p = phone.page;
    await p.getByRole('button', { name: 'Switch to English' }).click();
    await p.getByRole('heading', { name: 'This thread cannot be answered' }).waitFor();
    await p.getByText('You no longer use this facility').waitFor();
    expect(await posts(p).first().textContent()).toContain('山田 恵 (Parent)');
    await tab('Contact').click();
    await p.getByRole('heading', { name: 'Contact', level: 1 }).waitFor();
    await p.getByRole('link', { name: 'New message' }).waitFor();
    expect(await p.getByRole('listitem').filter({ hasText: kBody }).textContent()).toContain('Closed');

    const { page } = b;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Parent messages', level: 1 }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Parent messages' }).waitFor();
    await page.getByRole('checkbox', { name: 'Unread only' }).waitFor();
    await page.getByRole('columnheader', { name: 'Subject' }).waitFor();
    expect(await rowOf(page, kBody).textContent()).toContain(`Parent: ${kThanks}`);
  });
});
