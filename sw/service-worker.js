// Bản tin's service worker. scripts/finalize-dist.mjs writes it to dist/sw.js after every build,
// prefixed with the build's VERSION and the PRECACHE list of its files, so every build gets a
// cache of its own and old ones are deleted when a new build takes over.
//
// - App shell (index.html and the hashed JS, WebAssembly, CSS, icons, manifest): precached on
//   install, served cache-first; navigations inside the scope get the cached shell
//   (index.html, or app.html beside pre-rendered pages), so the app opens with no network.
// - Images (article pictures, thumbnails): cache-first into a bounded cache (by count and
//   bytes, oldest out first). Only complete, readable answers are kept: never errors and never
//   opaque answers (cross-origin images are cached when their server allows CORS).
// - Feed and configuration: not handled here. The app keeps the last good copy itself (Cache
//   API, see src/persist.rs) and shows it at once while it asks the network for a fresh one,
//   so it works the same with or without this worker.
// - Updates: a new build's worker installs and waits; the app offers "Có phiên bản mới" and
//   posts SKIP_WAITING when the reader accepts, then reloads on controllerchange.

/* global VERSION, PRECACHE */
const SHELL = `ban-tin-shell-${VERSION}`;
const SHELL_PREFIX = 'ban-tin-shell-';
const IMAGES = 'ban-tin-images';
const MAX_IMAGES = 150;
const MAX_IMAGE_BYTES = 25 * 1000 * 1000;
const SIZE_HEADER = 'x-ban-tin-size';

const scope = new URL(self.registration.scope);
const shellUrl = (path) => new URL(path, scope).href;
// The app shell every navigation gets: app.html once pages are pre-rendered (index.html is then
// the home page), else index.html.
const INDEX = shellUrl(PRECACHE.includes('app.html') ? 'app.html' : 'index.html');

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    // `reload` skips the HTTP cache so the shell is exactly what the server has now.
    await cache.addAll(PRECACHE.map((path) => new Request(shellUrl(path), { cache: 'reload' })));
    // The very first install has nothing to replace: take over at once.
    if (!self.registration.active) await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(SHELL_PREFIX) && name !== SHELL) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'VERSION') event.source?.postMessage({ type: 'VERSION', version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const inScope = url.origin === scope.origin && url.pathname.startsWith(scope.pathname);

  if (request.mode === 'navigate' && inScope) {
    event.respondWith(navigation(request));
    return;
  }
  if (inScope && PRECACHE.some((path) => shellUrl(path) === url.href)) {
    event.respondWith(shellAsset(request));
    return;
  }
  if (request.destination === 'image' && (url.protocol === 'https:' || url.protocol === 'http:')) {
    event.respondWith(image(request));
  }
});

async function navigation(request) {
  const cached = await caches.match(INDEX, { cacheName: SHELL });
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch (error) {
    return offlinePage();
  }
}

async function shellAsset(request) {
  const cached = await caches.match(request, { cacheName: SHELL, ignoreSearch: true });
  return cached || fetch(request);
}

async function image(request) {
  const cache = await caches.open(IMAGES);
  const cached = await cache.match(request.url);
  if (cached) return cached;
  const sameOrigin = new URL(request.url).origin === self.location.origin;
  let response;
  try {
    // Ask for a readable answer (CORS) so that its status and size can be checked.
    response = await fetch(request.url, {
      mode: sameOrigin ? 'same-origin' : 'cors',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch (error) {
    if (sameOrigin) throw error;
    // No CORS: show the picture, but do not keep an answer that cannot be checked.
    return fetch(request);
  }
  if (response.ok && (response.type === 'basic' || response.type === 'cors')) {
    const body = await response.clone().arrayBuffer();
    const headers = new Headers(response.headers);
    headers.set(SIZE_HEADER, String(body.byteLength));
    if (body.byteLength <= MAX_IMAGE_BYTES / 4) {
      await cache.put(request.url, new Response(body, { status: response.status, statusText: response.statusText, headers }));
      await trimImages(cache);
    }
  }
  return response;
}

/** Drops the oldest images (the cache lists entries in insertion order) until within bounds. */
async function trimImages(cache) {
  const keys = await cache.keys();
  const sizes = await Promise.all(keys.map(async (key) => {
    const r = await cache.match(key);
    return Number(r?.headers.get(SIZE_HEADER)) || 0;
  }));
  let count = keys.length;
  let bytes = sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; i < keys.length && (count > MAX_IMAGES || bytes > MAX_IMAGE_BYTES); i++) {
    await cache.delete(keys[i]);
    count -= 1;
    bytes -= sizes[i];
  }
}

function offlinePage() {
  const html = '<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
    + '<title>Bản tin</title><h1>Không có mạng</h1><p>Bản tin chưa được lưu trên máy này. Hãy kết nối mạng rồi tải lại trang.</p>';
  return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
