// LobbyDesk service worker. scripts/gen-sw.sh prepends LD_VERSION and LD_PRECACHE (the hashed
// files of one build) after every build; this template is the rest.
//
// - install: cache every file of this build in its own cache; the page stays on the old build.
// - the page shows "new version" and posts 'skipWaiting' when the clerk chooses to reload.
// - activate: drop the caches of older builds, take control of open pages.
// - fetch: same-origin GETs come from this build's cache; page navigations get index.html, so
//   every screen opens offline. Nothing is fetched from any other origin.
const CACHE = 'lobbydesk-' + LD_VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(LD_PRECACHE)));
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('lobbydesk-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      return (await cache.match('/index.html')) || fetch(req);
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(req, { ignoreSearch: true })) || fetch(req);
  })());
});
