// Support Navigator's retiring service worker: ends a deployment on every browser that cached it.
//
// A server that simply stops serving the app leaves returning visitors on the cached build, with
// its old rules, for good: a failed update check (sw.js answering 404) keeps the installed worker.
// To retire a deployment, serve this file AS sw.js (README.md, "Retiring a deployment") for as
// long as visitors may return. Browsers compare sw.js byte for byte on every load of the app, so
// each returning visitor installs this worker, which deletes our caches, unregisters itself and
// reloads the app's open pages, which then come from the server as it is now (or its 404).

'use strict';

const CACHE_PREFIX = `support-navigator ${self.registration.scope} `;

self.addEventListener('install', () => {
  // No waiting for the old build's tabs to close: a kiosk never closes its tab.
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX)).map((name) => caches.delete(name)));
    await self.registration.unregister();
    // Each open page of the app loads again, from the network, without any worker.
    const pages = await self.clients.matchAll({ type: 'window' });
    await Promise.all(pages.map((page) => page.navigate(page.url).catch(() => undefined)));
  })());
});
