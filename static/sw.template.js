// Support Navigator's service worker: makes the app work with no network after the first visit.
//
// Source: static/sw.template.js. scripts/precache.py (a Trunk post_build hook) writes it to
// dist/sw.js with BUILD_ID and PRECACHE filled in: the list of every file of the build (path and
// SHA-256) and an id derived from those hashes. Trunk puts content hashes in the asset file names,
// so every build has its own list, its own id and therefore its own cache. Edit the template only.
//
// The rules that keep two builds from ever being mixed:
//   * one cache per build, named after the build id;
//   * install downloads the complete list into the new cache, bypassing the HTTP cache, and checks
//     every file against its hash: a half-deployed server fails the install and the old build stays;
//   * activate deletes every other cache of ours (same scope), so old files are gone;
//   * fetches are answered from the current build's cache only, and navigations to the app get the
//     index.html of that same cache.
// The page (src/ui/offline.rs) reloads itself when a new worker takes over, so an open page never
// runs old code against new files.

'use strict';

const BUILD_ID = '__BUILD_ID__';
/** [path relative to this file, lowercase hex SHA-256 of its bytes] for every file of the build. */
const PRECACHE = __PRECACHE__;

// Several copies of the app may live on one origin under different paths; the scope keeps their
// caches apart, so one copy's update never deletes another's files.
const CACHE_PREFIX = `support-navigator ${self.registration.scope} `;
const CACHE_NAME = CACHE_PREFIX + BUILD_ID;
const INDEX_URL = new URL('index.html', self.location).href;
const SCOPE_URL = new URL('./', self.location).href;

function toHex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Downloads one file of the build, checks it is exactly the file listed and stores it. */
async function precacheOne(cache, path, sha256) {
  const url = new URL(path, self.location).href;
  // 'reload': never take a file from the HTTP cache, which may still hold the previous build.
  const response = await fetch(new Request(url, { cache: 'reload', credentials: 'same-origin' }));
  if (!response.ok) {
    throw new Error(`precache: ${path} answered ${response.status}`);
  }
  const body = await response.arrayBuffer();
  const actual = toHex(await crypto.subtle.digest('SHA-256', body));
  if (actual !== sha256) {
    // Said in the console: otherwise a proxy that rewrites one byte (an injected script, changed
    // line endings) makes every install fail without a trace. The app keeps running from the
    // network (or on the build installed before).
    console.error(`Support Navigator: ${url} is not the file of build ${BUILD_ID}: SHA-256 ${actual}, expected ${sha256}. `
      + 'Offline use is not installed; the app runs from the network. (A proxy changing the file? A server mid-update?)');
    throw new Error(`precache: ${path} is not the file of build ${BUILD_ID}`);
  }
  // A fresh Response: drops the "redirected" flag some servers cause (index.html → ./), which a
  // navigation would refuse, and keeps the status and headers (Content-Type for the wasm).
  await cache.put(url, new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE_NAME);
    try {
      await Promise.all(PRECACHE.map(([path, sha256]) => precacheOne(cache, path, sha256)));
    } catch (error) {
      // Leave nothing half-filled behind; the browser tries again on a later visit.
      await caches.delete(CACHE_NAME);
      throw error;
    }
    // The new build is complete: take over now instead of waiting for every tab to close (a kiosk
    // never closes its tab). The page reloads itself on the switch, see src/ui/offline.rs.
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
      .map((name) => caches.delete(name)));
    // Control the pages that were opened before this worker existed (the first visit), so they
    // keep working if the network goes away.
    await self.clients.claim();
  })());
});

/** True for a navigation to the app itself: the scope's root or index.html, any query. */
function isAppPage(url) {
  const bare = url.origin + url.pathname;
  return bare === SCOPE_URL || bare === INDEX_URL;
}

async function fromCurrentBuild(event) {
  const { request } = event;
  const url = new URL(request.url);
  const key = request.mode === 'navigate' && isAppPage(url) ? INDEX_URL : request;
  // caches.match with cacheName looks in this build's cache only and, unlike caches.open, never
  // re-creates a cache that a newer build's activate has just deleted.
  const cached = await caches.match(key, { cacheName: CACHE_NAME, ignoreVary: true });
  if (cached) return cached;
  // Not part of the build, or the cache is gone: the network, as if there were no worker.
  event.waitUntil(refillIfGone());
  return fetch(request);
}

/**
 * Puts the build back into a cache the browser (or a person) deleted while this worker stayed
 * registered; without this, offline use would never come back. Not when a newer build's cache
 * exists: its activate deleted ours on purpose, and this worker is about to be replaced.
 */
async function refillIfGone() {
  if (await caches.has(CACHE_NAME)) return;
  const names = await caches.keys();
  if (names.some((name) => name.startsWith(CACHE_PREFIX))) return;
  const cache = await caches.open(CACHE_NAME);
  try {
    await Promise.all(PRECACHE.map(([path, sha256]) => precacheOne(cache, path, sha256)));
  } catch (error) {
    // As in install: nothing half-filled; the next request tries again.
    await caches.delete(CACHE_NAME);
  }
}

// Servers refuse overlong addresses (nginx at 8 KB, Python's at 64 KB) with 414; the worker,
// answering navigations from the cache, must too, or a crafted link of a few hundred KB reaches
// the app and freezes the tab while it is read. A link the app makes stays under 2 KB.
const MAX_NAVIGATION_URL = 16 * 1024;

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  if (new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate' && request.url.length > MAX_NAVIGATION_URL) {
    event.respondWith(new Response('URI Too Long', { status: 414, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }));
    return;
  }
  event.respondWith(fromCurrentBuild(event));
});
