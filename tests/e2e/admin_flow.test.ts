// The main path of an office: an org_admin signs in, creates a facility and a staff
// member, registers a family with two guardians and a child, sees the initial
// passwords exactly once, and finds the family again by a kana search.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signIn, startBrowser, startServer, type TestBrowser, type TestServer } from './harness';

describe('admin app: facilities, staff and families', () => {
  let server: TestServer;
  let b: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    b = await startBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  test('the admin of an organization with no facility yet signs in and lands on the facility list', async () => {
    const { page } = b;
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.url()).toContain('/admin/');
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await signIn(page, server.admin.login, server.admin.password);
    await page.getByRole('heading', { name: '施設一覧' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/facilities');
  });

  test('creates a facility', async () => {
    const { page } = b;
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: '施設' }).click();
    await page.getByRole('link', { name: '施設を登録' }).click();
    await page.getByLabel('施設名').fill('ひまわり児童クラブ');
    await page.getByLabel('種別').selectOption('after_school');
    await page.getByLabel('開所').fill('13:30');
    await page.getByLabel('閉所').fill('19:00');
    await page.getByRole('button', { name: '登録' }).click();
    await page.getByRole('heading', { name: '施設一覧' }).waitFor();
    const row = page.getByRole('row', { name: /ひまわり児童クラブ/ });
    await expect.poll(() => row.textContent()).toContain('13:30–19:00');
    expect(await row.textContent()).toContain('放課後児童クラブ');
  });

  test('edits the facility and the change survives a reload', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'ひまわり児童クラブ' }).click();
    await page.getByRole('heading', { name: '施設の編集' }).waitFor();
    await page.reload();
    const closes = page.getByLabel('閉所');
    await expect.poll(() => closes.inputValue()).toBe('19:00');
    await closes.fill('18:30');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: '施設一覧' }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /ひまわり/ }).textContent()).toContain('13:30–18:30');
  });

  test('creates a staff member for the facility', async () => {
    const { page } = b;
    await page.getByRole('navigation').getByRole('link', { name: '職員' }).click();
    await page.getByRole('link', { name: '職員を登録' }).click();
    await page.getByLabel('氏名').fill('佐藤 花子');
    await page.getByLabel('ログインID').fill('sato.hanako');
    await page.getByLabel('初期パスワード').fill('first-password-1');
    await page.getByLabel('権限').selectOption('facility_staff');
    await page.getByRole('group', { name: '担当施設' }).getByLabel('ひまわり児童クラブ').check();
    await page.getByRole('button', { name: '登録' }).click();
    await page.getByRole('heading', { name: '職員一覧' }).waitFor();
    const row = page.getByRole('row', { name: /佐藤 花子/ });
    await expect.poll(() => row.textContent()).toContain('sato.hanako');
    expect(await row.textContent()).toContain('施設職員');
    expect(await row.textContent()).toContain('ひまわり児童クラブ');
    expect(await row.textContent()).toContain('パスワード未変更');
  });

  test('edits the staff member', async () => {
    const { page } = b;
    await page.getByRole('link', { name: '佐藤 花子' }).click();
    await page.getByRole('heading', { name: '職員の編集' }).waitFor();
    await page.reload();
    const name = page.getByLabel('氏名');
    await expect.poll(() => name.inputValue()).toBe('佐藤 花子');
    expect(await page.getByRole('group', { name: '担当施設' }).getByLabel('ひまわり児童クラブ').isChecked()).toBe(true);
    await name.fill('佐藤 花');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: '職員一覧' }).waitFor();
    await page.getByRole('row', { name: /^佐藤 花 .*sato\.hanako/ }).waitFor();
  });

  test('registers a family with two guardians and a child and shows the passwords once', async () => {
    const { page } = b;
    await page.getByRole('navigation').getByRole('link', { name: '世帯' }).click();
    await page.getByRole('link', { name: '世帯を登録' }).click();
    await page.getByLabel('世帯名').fill('山田家');
    await page.getByLabel('電話番号').fill('03-1234-5678');
    const g1 = page.getByRole('group', { name: '保護者 1' });
    await g1.getByLabel('氏名').fill('山田 太郎');
    await g1.getByLabel('続柄').fill('父');
    await g1.getByLabel('メールアドレス').fill('taro@example.jp');
    await page.getByRole('button', { name: '保護者を追加' }).click();
    const g2 = page.getByRole('group', { name: '保護者 2' });
    await g2.getByLabel('氏名').fill('山田 良子');
    await g2.getByLabel('続柄').fill('母');
    const c1 = page.getByRole('group', { name: 'こども 1' });
    await c1.getByLabel('氏名').fill('山田 はな');
    await c1.getByLabel('ふりがな').fill('やまだ はな');
    await c1.getByLabel('生年月日').fill('2017-06-15');
    await page.getByRole('group', { name: '登録する施設' }).getByLabel('ひまわり児童クラブ').check();
    await page.getByRole('button', { name: '登録', exact: true }).click();

    const panel = page.locator('section.credentials');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('二度と表示されません');
    const passwords = await panel.locator('code.initial-password').allTextContents();
    expect(passwords).toHaveLength(2);
    for (const p of passwords) expect(p.length).toBeGreaterThanOrEqual(8);
    expect(await panel.textContent()).toContain('山田 太郎');
    expect(await panel.textContent()).toContain('山田 良子');

    await panel.getByRole('button', { name: /伝えました/ }).click();
    await page.getByRole('heading', { name: /世帯：山田家/ }).waitFor();
    expect(await page.locator('section.credentials').count()).toBe(0);
    const body = await page.locator('main').textContent();
    for (const p of passwords) expect(body).not.toContain(p);
    // The child shows age and grade, and the enrollment at the facility.
    const child = page.getByRole('region', { name: 'こども' }).getByRole('row', { name: /山田 はな/ });
    expect(await child.textContent()).toMatch(/\d+歳\d+か月/);
    expect(await child.textContent()).toMatch(/小\d|未就学/);
    await expect.poll(() => page.getByRole('region', { name: '利用登録' }).textContent()).toContain('ひまわり児童クラブ');
    // A reload does not bring the passwords back.
    await page.reload();
    await page.getByRole('heading', { name: /世帯：山田家/ }).waitFor();
    const reloaded = await page.locator('main').textContent();
    for (const p of passwords) expect(reloaded).not.toContain(p);
  });

  test('finds the family by a kana search (katakana for hiragana) and keeps it on reload', async () => {
    const { page } = b;
    await page.getByRole('navigation').getByRole('link', { name: '世帯' }).click();
    await page.getByRole('heading', { name: '世帯一覧' }).waitFor();
    await page.getByLabel('検索（氏名・ふりがな）').fill('ヤマダ');
    await page.getByRole('button', { name: '検索' }).click();
    await expect.poll(() => page.url()).toContain('q=');
    const row = page.getByRole('row', { name: /山田家/ });
    await row.waitFor();
    await page.getByLabel('検索（氏名・ふりがな）').fill('すずき');
    await page.getByRole('button', { name: '検索' }).click();
    await page.getByText('0件を表示').waitFor();
    await page.goBack();
    await row.waitFor();
    await page.reload();
    await row.waitFor();
    expect(await page.getByLabel('検索（氏名・ふりがな）').inputValue()).toBe('ヤマダ');
  });

  test('the family page: add a child, reset a guardian password, invite a guardian', async () => {
    const { page } = b;
    await page.getByRole('link', { name: '山田家' }).click();
    await page.getByRole('heading', { name: /世帯：山田家/ }).waitFor();
    await page.getByRole('button', { name: 'こどもを追加' }).click();
    const add = page.getByRole('form', { name: 'こどもを追加' });
    await add.getByLabel('氏名').fill('山田 そら');
    await add.getByLabel('生年月日').fill('2021-01-10');
    await add.getByRole('button', { name: '追加' }).click();
    const sora = page.getByRole('region', { name: 'こども' }).getByRole('row', { name: /山田 そら/ });
    await sora.waitFor();
    expect(await sora.textContent()).toContain('未就学');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'パスワード再発行: 山田 良子' }).click();
    const panel = page.locator('section.credentials');
    await panel.waitFor();
    expect(await panel.locator('code.initial-password').count()).toBe(1);
    await panel.getByRole('button', { name: /伝えました/ }).click();
    expect(await panel.count()).toBe(0);

    await page.getByRole('button', { name: '保護者を招待' }).click();
    const invite = page.getByRole('form', { name: '保護者を招待' });
    await invite.getByLabel('氏名').fill('山田 一郎');
    await invite.getByLabel('続柄').fill('祖父');
    await invite.getByRole('button', { name: '保護者を招待' }).click();
    await panel.waitFor();
    expect(await panel.textContent()).toContain('山田 一郎');
    await panel.getByRole('button', { name: /伝えました/ }).click();
    await page.getByRole('row', { name: /山田 一郎/ }).waitFor();
  });
});
