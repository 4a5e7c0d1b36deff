// The QR codes kept on this phone so that /app/qr still shows them without a network (a
// doorway with bad signal). The server stays the source of truth: online, every code shown
// is fetched fresh and replaces the saved one (a reissued card's new code replaces the
// old); offline, the last answer is shown with the time it was saved.
//
// Kept in localStorage under the user's id ("tadaima-app-qr:<user id>"), with the id of
// the last user who saw them ("tadaima-app-qr-user"), so one family's codes are never
// shown to another user of the same phone. Signing out, or a session the server no longer
// knows, forgets them (forgetSavedQr).
import type { MyChild } from '../shared/types';

const kPrefix = 'tadaima-app-qr:';
const kLastUser = 'tadaima-app-qr-user';

/** A code as the server answered it: the SVG text and when it was saved (ISO time). */
export interface SavedCode {
  svg: string;
  saved_at: string;
}

/** What the QR page needs about a child to show its codes offline. */
export interface SavedChild {
  id: string;
  name: string;
  family_id: string;
  has_drop_in: boolean;
  /**
   * Every facility of the child is a drop-in room, which stamps the family: the family's
   * code comes first. Absent in what older versions saved (as false).
   */
  drop_in_only?: boolean;
}

interface Saved {
  children: SavedChild[];
  codes: Record<string, SavedCode>;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(user_id: string): Saved {
  try {
    const parsed = JSON.parse(storage()?.getItem(kPrefix + user_id) ?? 'null') as Saved | null;
    if (parsed && Array.isArray(parsed.children) && parsed.codes && typeof parsed.codes === 'object') return parsed;
  } catch {
    // a damaged entry is as none
  }
  return { children: [], codes: {} };
}

function write(user_id: string, saved: Saved): void {
  const s = storage();
  if (!s) return;
  try {
    s.setItem(kPrefix + user_id, JSON.stringify(saved));
    s.setItem(kLastUser, user_id);
  } catch {
    // storage full or refused: the page still shows the fresh code
  }
}

/** The key of a code: whose it is ("child:<id>" or "family:<id>"). */
export const codeKey = (kind: 'child' | 'family', id: string) => `${kind}:${id}`;

/** What the QR page keeps about `items`. */
export function savedChildren(items: MyChild[]): SavedChild[] {
  return items.map((c) => ({
    id: c.child.id,
    name: c.child.name,
    family_id: c.child.family_id,
    has_drop_in: c.facilities.some((f) => f.kind === 'drop_in'),
    drop_in_only: c.facilities.length > 0 && c.facilities.every((f) => f.kind === 'drop_in'),
  }));
}

/** Replaces the saved children of `user_id`, dropping the codes of children no longer listed. */
export function saveChildren(user_id: string, children: SavedChild[]): void {
  const saved = read(user_id);
  const keep = new Set(children.flatMap((c) => [codeKey('child', c.id), codeKey('family', c.family_id)]));
  const codes = Object.fromEntries(Object.entries(saved.codes).filter(([k]) => keep.has(k)));
  write(user_id, { children, codes });
}

/** Replaces the saved code `key` of `user_id`. */
export function saveCode(user_id: string, key: string, code: SavedCode): void {
  const saved = read(user_id);
  saved.codes[key] = code;
  write(user_id, saved);
}

export function savedCode(user_id: string, key: string): SavedCode | null {
  return read(user_id).codes[key] ?? null;
}

export function savedChildrenOf(user_id: string): SavedChild[] {
  return read(user_id).children;
}

/** The user whose codes were saved last on this phone, if any are kept. */
export function lastSavedUser(): string | null {
  const id = storage()?.getItem(kLastUser) ?? null;
  return id && storage()?.getItem(kPrefix + id) ? id : null;
}

/** Forgets the saved codes of every user of this phone except `keep` (none by default). */
export function forgetSavedQr(keep: string | null = null): void {
  const s = storage();
  if (!s) return;
  const names: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const name = s.key(i);
    if (name?.startsWith(kPrefix) && name !== kPrefix + keep) names.push(name);
  }
  names.forEach((name) => s.removeItem(name));
  if (s.getItem(kLastUser) !== keep) s.removeItem(kLastUser);
}

/**
 * The code at `url` (the server's SVG), fetched fresh and saved under `key`; when the
 * server cannot be reached, the saved one with `saved: true`; null when there is none.
 * A server answer that is not 2xx is thrown (an ApiError-like status in `status`).
 */
export async function loadCode(user_id: string, key: string, url: string): Promise<(SavedCode & { saved: boolean }) | null> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    const code = savedCode(user_id, key);
    return code && { ...code, saved: true };
  }
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
  const code = { svg: await res.text(), saved_at: new Date().toISOString() };
  saveCode(user_id, key, code);
  return { ...code, saved: false };
}

/** The SVG text as an address an <img> can show. */
export const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
