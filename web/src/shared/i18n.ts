// The one translation table of the Tadaima front ends: Japanese first, English second.
// t(key, params) returns the text in the current language, with {name} placeholders
// replaced from params. The choice is kept in localStorage ("tadaima.lang") and mirrored
// on <html lang>. useLang() re-renders a Preact component when the language changes.
import { useEffect, useState } from 'preact/hooks';

export type Lang = 'ja' | 'en';
export const kLangs: readonly Lang[] = ['ja', 'en'];
const kStorageKey = 'tadaima.lang';

const ja = {
  'app.title': 'ただいま',
  'app.admin': '管理画面',
  'lang.switch': 'English',
  'lang.switch_label': 'Switch to English',
  'common.save': '保存',
  'common.create': '登録',
  'common.cancel': 'キャンセル',
  'common.edit': '編集',
  'common.add': '追加',
  'common.remove': '削除',
  'common.back': '戻る',
  'common.loading': '読み込み中…',
  'common.saved': '保存しました。',
  'common.more': 'さらに表示',
  'common.none': 'ありません。',
  'common.optional': '任意',
  'common.print': '印刷',
  'common.close': '閉じる',
  'common.actions': '操作',
  'error.title': 'エラー',
  'error.invalid_argument': '入力内容を確認してください。',
  'error.unauthenticated': 'ログインが必要です。',
  'error.bad_credentials': 'ログインIDまたはパスワードが正しくありません。',
  'error.permission_denied': 'この操作の権限がありません。',
  'error.not_found': '見つかりません。',
  'error.conflict': 'すでに使われています。',
  'error.too_many_requests': '試行回数が多すぎます。しばらくしてからやり直してください。',
  'error.unavailable': 'サーバーが一時的に利用できません。',
  'error.internal': 'サーバーでエラーが発生しました。',
  'error.network': 'サーバーに接続できません。',
  'nav.label': 'メインメニュー',
  'nav.skip': '本文へ移動',
  'nav.facilities': '施設',
  'nav.staff': '職員',
  'nav.families': '世帯',
  'nav.sign_out': 'ログアウト',
  'nav.signed_in_as': '{name} さん',
  'sign_in.title': 'ログイン',
  'sign_in.login': 'ログインID',
  'sign_in.password': 'パスワード',
  'sign_in.submit': 'ログイン',
  'sign_in.staff_only': 'この画面は職員用です。保護者の方は保護者用アプリをご利用ください。',
  'password.title': 'パスワードの変更',
  'password.forced': '初回ログインです。新しいパスワードを設定してください。',
  'password.current': '現在のパスワード',
  'password.new': '新しいパスワード',
  'password.new_hint': '8文字以上',
  'password.confirm': '新しいパスワード（確認）',
  'password.mismatch': '確認用のパスワードが一致しません。',
  'password.submit': '変更する',
  'password.changed': 'パスワードを変更しました。',
  'facility.list_title': '施設一覧',
  'facility.new': '施設を登録',
  'facility.edit_title': '施設の編集',
  'facility.name': '施設名',
  'facility.kind': '種別',
  'facility.hours': '開所時間',
  'facility.opens_at': '開所',
  'facility.closes_at': '閉所',
  'facility.kind.after_school': '放課後児童クラブ',
  'facility.kind.drop_in': '子育て支援拠点',
  'facility.kind.nursery': '保育施設',
  'staff.list_title': '職員一覧',
  'staff.new': '職員を登録',
  'staff.edit_title': '職員の編集',
  'staff.name': '氏名',
  'staff.login': 'ログインID',
  'staff.login_hint': '半角英小文字・数字・. _ - で3〜64文字',
  'staff.password': '初期パスワード',
  'staff.password_hint': '8文字以上。初回ログイン時に変更が必要です。',
  'staff.role': '権限',
  'staff.role.org_admin': '管理者',
  'staff.role.facility_staff': '施設職員',
  'staff.facilities': '担当施設',
  'staff.must_change': 'パスワード未変更',
  'family.list_title': '世帯一覧',
  'family.new': '世帯を登録',
  'family.search': '検索（氏名・ふりがな）',
  'family.search_submit': '検索',
  'family.name': '世帯名',
  'family.address': '住所',
  'family.phone': '電話番号',
  'family.guardians': '保護者',
  'family.children': 'こども',
  'family.enrollments': '利用登録',
  'family.facilities': '登録する施設',
  'family.count': '{n}件を表示',
  'family.edit_title': '世帯情報',
  'family.detail_title': '世帯：{name}',
  'guardian.heading': '保護者 {n}',
  'guardian.name': '氏名',
  'guardian.email': 'メールアドレス',
  'guardian.relation': '続柄',
  'guardian.login': 'ログインID',
  'guardian.add': '保護者を追加',
  'guardian.remove': '保護者 {n} を削除',
  'guardian.invite': '保護者を招待',
  'guardian.reset_password': 'パスワード再発行',
  'guardian.reset_confirm': '{name} さんのパスワードを再発行しますか？現在のパスワードは使えなくなります。',
  'child.heading': 'こども {n}',
  'child.name': '氏名',
  'child.name_kana': 'ふりがな',
  'child.birth_date': '生年月日',
  'child.age': '年齢',
  'child.age_value': '{years}歳{months}か月',
  'child.grade': '学年',
  'child.add': 'こどもを追加',
  'child.remove': 'こども {n} を削除',
  'child.edit': '{name} を編集',
  'enrollment.facility': '施設',
  'enrollment.target': '対象',
  'enrollment.whole_family': '世帯全体',
  'enrollment.status': '状態',
  'enrollment.status.active': '登録済み',
  'enrollment.status.pending': '承認待ち',
  'enrollment.add': '施設に登録',
  'enrollment.approve': '承認',
  'credentials.title': 'ログイン情報（この画面でのみ表示）',
  'credentials.warning': 'この初期パスワードは二度と表示されません。印刷するか、保護者に確実に伝えてください。',
  'credentials.login': 'ログインID',
  'credentials.password': '初期パスワード',
  'credentials.done': '伝えました（閉じる）',
  'not_found.title': 'ページが見つかりません',
} as const;

export type MessageKey = keyof typeof ja;

const en: Record<MessageKey, string> = {
  'app.title': 'Tadaima',
  'app.admin': 'Administration',
  'lang.switch': '日本語',
  'lang.switch_label': '日本語に切り替える',
  'common.save': 'Save',
  'common.create': 'Create',
  'common.cancel': 'Cancel',
  'common.edit': 'Edit',
  'common.add': 'Add',
  'common.remove': 'Remove',
  'common.back': 'Back',
  'common.loading': 'Loading…',
  'common.saved': 'Saved.',
  'common.more': 'Show more',
  'common.none': 'None.',
  'common.optional': 'optional',
  'common.print': 'Print',
  'common.close': 'Close',
  'common.actions': 'Actions',
  'error.title': 'Error',
  'error.invalid_argument': 'Please check your input.',
  'error.unauthenticated': 'Please sign in.',
  'error.bad_credentials': 'Wrong login or password.',
  'error.permission_denied': 'You may not do this.',
  'error.not_found': 'Not found.',
  'error.conflict': 'Already in use.',
  'error.too_many_requests': 'Too many attempts. Please wait a while and try again.',
  'error.unavailable': 'The server is unavailable for a moment.',
  'error.internal': 'The server had an error.',
  'error.network': 'Cannot reach the server.',
  'nav.label': 'Main menu',
  'nav.skip': 'Skip to content',
  'nav.facilities': 'Facilities',
  'nav.staff': 'Staff',
  'nav.families': 'Families',
  'nav.sign_out': 'Sign out',
  'nav.signed_in_as': '{name}',
  'sign_in.title': 'Sign in',
  'sign_in.login': 'Login',
  'sign_in.password': 'Password',
  'sign_in.submit': 'Sign in',
  'sign_in.staff_only': 'This is for staff. Guardians please use the family app.',
  'password.title': 'Change password',
  'password.forced': 'This is your first sign-in. Please choose a new password.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.new_hint': 'At least 8 characters',
  'password.confirm': 'New password (again)',
  'password.mismatch': 'The two new passwords differ.',
  'password.submit': 'Change password',
  'password.changed': 'Your password was changed.',
  'facility.list_title': 'Facilities',
  'facility.new': 'New facility',
  'facility.edit_title': 'Edit facility',
  'facility.name': 'Name',
  'facility.kind': 'Kind',
  'facility.hours': 'Opening hours',
  'facility.opens_at': 'Opens at',
  'facility.closes_at': 'Closes at',
  'facility.kind.after_school': 'After-school club',
  'facility.kind.drop_in': 'Drop-in support room',
  'facility.kind.nursery': 'Nursery',
  'staff.list_title': 'Staff',
  'staff.new': 'New staff member',
  'staff.edit_title': 'Edit staff member',
  'staff.name': 'Name',
  'staff.login': 'Login',
  'staff.login_hint': '3 to 64 of a-z 0-9 . _ -',
  'staff.password': 'Initial password',
  'staff.password_hint': 'At least 8 characters; to be changed at first sign-in.',
  'staff.role': 'Role',
  'staff.role.org_admin': 'Administrator',
  'staff.role.facility_staff': 'Facility staff',
  'staff.facilities': 'Facilities',
  'staff.must_change': 'Password not changed yet',
  'family.list_title': 'Families',
  'family.new': 'New family',
  'family.search': 'Search (name or kana)',
  'family.search_submit': 'Search',
  'family.name': 'Family name',
  'family.address': 'Address',
  'family.phone': 'Phone',
  'family.guardians': 'Guardians',
  'family.children': 'Children',
  'family.enrollments': 'Enrollments',
  'family.facilities': 'Enroll at',
  'family.count': '{n} shown',
  'family.edit_title': 'Family',
  'family.detail_title': 'Family: {name}',
  'guardian.heading': 'Guardian {n}',
  'guardian.name': 'Name',
  'guardian.email': 'E-mail',
  'guardian.relation': 'Relation',
  'guardian.login': 'Login',
  'guardian.add': 'Add a guardian',
  'guardian.remove': 'Remove guardian {n}',
  'guardian.invite': 'Invite a guardian',
  'guardian.reset_password': 'Reset password',
  'guardian.reset_confirm': 'Reset the password of {name}? The current one stops working.',
  'child.heading': 'Child {n}',
  'child.name': 'Name',
  'child.name_kana': 'Name in kana',
  'child.birth_date': 'Date of birth',
  'child.age': 'Age',
  'child.age_value': '{years} y {months} m',
  'child.grade': 'Grade',
  'child.add': 'Add a child',
  'child.remove': 'Remove child {n}',
  'child.edit': 'Edit {name}',
  'enrollment.facility': 'Facility',
  'enrollment.target': 'Who',
  'enrollment.whole_family': 'Whole family',
  'enrollment.status': 'Status',
  'enrollment.status.active': 'Active',
  'enrollment.status.pending': 'Pending',
  'enrollment.add': 'Enroll',
  'enrollment.approve': 'Approve',
  'credentials.title': 'Sign-in details (shown only here)',
  'credentials.warning': 'These initial passwords will not be shown again. Print them or hand them to the guardians now.',
  'credentials.login': 'Login',
  'credentials.password': 'Initial password',
  'credentials.done': 'Handed over (close)',
  'not_found.title': 'Page not found',
};

const kTables: Record<Lang, Record<MessageKey, string>> = { ja, en };

// School grades come from the server in Japanese; English labels for them.
const kGradesEn: Record<string, string> = {
  未就学: 'Preschool', その他: 'Other',
  小1: 'Grade 1', 小2: 'Grade 2', 小3: 'Grade 3', 小4: 'Grade 4', 小5: 'Grade 5', 小6: 'Grade 6',
  中1: 'Grade 7', 中2: 'Grade 8', 中3: 'Grade 9', 高1: 'Grade 10', 高2: 'Grade 11', 高3: 'Grade 12',
};

// The server explains errors in English; their Japanese, for the messages it uses.
const kServerJa: Record<string, string> = {
  'is required': '入力してください。',
  'must not be empty': '入力してください。',
  'must be an e-mail address': 'メールアドレスの形式で入力してください。',
  'must be a time HH:MM': '時刻（時:分）で入力してください。',
  'must be after opens_at': '開所より後の時刻にしてください。',
  'must be a date YYYY-MM-DD': '日付を入力してください。',
  'must not be in the future': '今日より後の日付は指定できません。',
  'must be after 1900': '1900年より後の日付にしてください。',
  'must be written in kana': 'ひらがなかカタカナで入力してください。',
  'must contain only digits, +, -, spaces and parentheses': '数字・＋・－・空白・かっこだけで入力してください。',
  'must contain digits': '数字を入れてください。',
  'must start with a letter or digit': '英字か数字で始めてください。',
  'is already taken': 'すでに使われています。',
  'login is already taken': 'このログインIDはすでに使われています。',
  'is wrong': '正しくありません。',
  'must differ from the current password': '現在のパスワードとは違うものにしてください。',
  'must not repeat a facility': '同じ施設が重なっています。',
  'must be one line': '改行は使えません。',
  'must not contain control characters': '使えない文字が含まれています。',
  'is not one of your facilities': '担当している施設ではありません。',
  'facility_staff needs at least one facility': '施設職員には担当施設を1つ以上選んでください。',
  'at least one guardian is required': '保護者を1人以上入力してください。',
  'must be org_admin or facility_staff': '選択肢から選んでください。',
  'must be after_school, drop_in or nursery': '選択肢から選んでください。',
  'is not a facility of this organization': 'この自治体・法人の施設ではありません。',
  'already enrolled at this facility': 'この施設にはすでに登録されています。',
  'a drop-in room enrolls the family: give family_id': '子育て支援拠点には世帯全体で登録してください。',
  'is not a facility you may enroll at': 'この施設には登録できません。',
  'is not a child you may enroll': 'このこどもは登録できません。',
  'is not a family you may enroll': 'この世帯は登録できません。',
};

const kServerJaPatterns: [RegExp, string][] = [
  [/^must be at most (\d+) characters$/, '$1文字以内で入力してください。'],
  [/^must be at least (\d+) characters$/, '$1文字以上で入力してください。'],
  [/^must be (\d+) to (\d+) characters$/, '$1〜$2文字で入力してください。'],
];

/** A message written by the server, in the current language when we know it. */
export function serverText(message: string): string {
  if (current_lang !== 'ja') return message;
  const known = kServerJa[message];
  if (known) return known;
  for (const [pattern, text] of kServerJaPatterns) {
    if (pattern.test(message)) return message.replace(pattern, text);
  }
  return message;
}

function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(kStorageKey);
    return stored === 'en' || stored === 'ja' ? stored : 'ja';
  } catch {
    return 'ja';
  }
}

let current_lang: Lang = readStoredLang();
const listeners = new Set<(lang: Lang) => void>();

function applyDocumentLang(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = current_lang;
}
applyDocumentLang();

export function getLang(): Lang {
  return current_lang;
}

/** Switches the language, remembers it and re-renders every useLang() user. */
export function setLang(lang: Lang): void {
  if (lang === current_lang) return;
  current_lang = lang;
  try {
    globalThis.localStorage?.setItem(kStorageKey, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  applyDocumentLang();
  for (const listener of listeners) listener(lang);
}

/** Subscribes to language changes; returns the unsubscribe function. */
export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text of key in the current language, with {name} replaced by params.name. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = kTables[current_lang][key] ?? ja[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A school grade ("小1") in the current language. */
export function gradeLabel(grade: string): string {
  return current_lang === 'en' ? (kGradesEn[grade] ?? grade) : grade;
}

/** The current language; the calling component re-renders when it changes. */
export function useLang(): Lang {
  const [lang, setState] = useState(current_lang);
  useEffect(() => onLangChange(setState), []);
  return lang;
}
