/// <reference lib="webworker" />
// The service worker of the parents' app (/app/sw.js, scope /app/). It runs as a
// classic script and imports nothing.
//
// - install: keeps the app shell (the page, its scripts and styles, the manifest and
//   icons; the list is written in by the build) in a cache named after the build, so the
//   app starts without a network; activate removes the caches of earlier builds.
// - fetch: pages under /app/ come from the network and, offline, from the cached shell;
//   the shell's own files come from the cache. The API is never cached (children's
//   data stays on the server).
// - push: shows the notification the server sent (its decrypted JSON: id, title, body,
//   url…) and tells open app windows, which refresh.
// - notificationclick: focuses an open app window, or opens /app/.
export {};

declare const self: ServiceWorkerGlobalScope;
declare const __TADAIMA_APP_SHELL__: { files: string[]; version: string };

const kShell = __TADAIMA_APP_SHELL__;
const kCachePrefix = 'tadaima-app-';
const kCache = kCachePrefix + kShell.version;
const kAppPage = '/app/';
const kIcon = '/app/icons/icon-192.png';

/** The JSON a push message carries (see the contract: the decrypted plaintext). */
interface PushPayload {
  id?: string;
  kind?: string;
  title?: string;
  body?: string;
  url?: string;
  child_id?: string;
  child_name?: string;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(kCache)
      .then((cache) => cache.addAll(kShell.files.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith(kCachePrefix) && n !== kCache).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    if (!url.pathname.startsWith(kAppPage)) return;
    event.respondWith(
      fetch(request).catch(async () => (await caches.match(kAppPage, { cacheName: kCache })) ?? Response.error()),
    );
    return;
  }
  if (kShell.files.includes(url.pathname)) {
    event.respondWith(
      caches.match(url.pathname, { cacheName: kCache }).then((hit) => hit ?? fetch(request)),
    );
  }
});

/** The payload of a push event; a message that is not JSON is shown as its text. */
function readPayload(data: PushMessageData | null): PushPayload {
  if (!data) return {};
  try {
    const parsed: unknown = data.json();
    return parsed && typeof parsed === 'object' ? (parsed as PushPayload) : {};
  } catch {
    return { body: data.text() };
  }
}

/** Only pages of the app may be opened from a notification. */
function appUrl(url: string | undefined): string {
  try {
    const target = new URL(url ?? kAppPage, self.location.origin);
    if (target.origin === self.location.origin && target.pathname.startsWith(kAppPage)) return target.href;
  } catch {
    // fall through
  }
  return new URL(kAppPage, self.location.origin).href;
}

self.addEventListener('push', (event) => {
  const payload = readPayload(event.data);
  const title = payload.title || 'ただいま';
  const shown = self.registration.showNotification(title, {
    body: payload.body ?? '',
    tag: payload.id,
    icon: kIcon,
    badge: kIcon,
    lang: 'ja',
    data: { url: appUrl(payload.url), id: payload.id ?? null },
  });
  const told = self.clients
    .matchAll({ type: 'window', includeUncontrolled: true })
    .then((windows) => windows.forEach((w) => w.postMessage({ type: 'push', payload })));
  event.waitUntil(Promise.all([shown, told]));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = appUrl((event.notification.data as { url?: string } | null)?.url);
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const open = windows.find((w) => new URL(w.url).pathname.startsWith(kAppPage));
      if (open) {
        await open.focus();
        if (open.url !== target) await open.navigate(target).catch(() => null);
        return;
      }
      await self.clients.openWindow(target);
    }),
  );
});
