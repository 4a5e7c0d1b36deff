// A fetch for Node that keeps cookies like a browser does for one site: it stores
// Set-Cookie answers and sends them back on later requests. Domain and path are ignored
// (every test talks to one server); Max-Age<=0 or a past Expires deletes a cookie.

export interface CookieJar {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
  clear(): void;
  /** All cookies as name → value. */
  all(): Record<string, string>;
  /** Raw Set-Cookie lines received so far, newest last (for attribute checks). */
  received: string[];
}

export function createCookieJar(): CookieJar {
  const cookies = new Map<string, string>();
  return {
    get: (name) => cookies.get(name) ?? null,
    set: (name, value) => void cookies.set(name, value),
    delete: (name) => void cookies.delete(name),
    clear: () => cookies.clear(),
    all: () => Object.fromEntries(cookies),
    received: [],
  };
}

/** Applies one Set-Cookie header line to the jar. */
export function applySetCookie(jar: CookieJar, line: string): void {
  jar.received.push(line);
  const [pair, ...attrs] = line.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return;
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  let expired = false;
  for (const attr of attrs) {
    const [k, v = ''] = attr.split('=');
    const key = k.trim().toLowerCase();
    if (key === 'max-age' && Number(v.trim()) <= 0) expired = true;
    if (key === 'expires') {
      const t = Date.parse(v.trim());
      if (!Number.isNaN(t) && t <= Date.now()) expired = true;
    }
  }
  if (expired || value === '') jar.delete(name);
  else jar.set(name, value);
}

/**
 * Returns a fetch that sends the jar's cookies and stores the answer's. `base()` is
 * prefixed to relative URLs (so a client keeps working when the server restarts on
 * another port).
 */
export function createCookieFetch(jar: CookieJar, base: () => string = () => ''): typeof fetch {
  const cookieFetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    let url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('/')) url = base() + url;
    const headers = new Headers(init.headers);
    const all = jar.all();
    const cookie = Object.entries(all)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: init.redirect ?? 'manual' });
    for (const line of res.headers.getSetCookie()) applySetCookie(jar, line);
    return res;
  };
  return cookieFetch as typeof fetch;
}
