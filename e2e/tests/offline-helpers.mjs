// Helpers for the offline tests (offline.spec.mjs): a small static server of our own, so a test can
// change the files it serves as a new deployment would; a way to make "build B" out of a copy of
// dist/ without a second Rust build; and readers for what the service worker precaches.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '..', '..');
/** The build under test: the same directory playwright.config.mjs serves. */
export const DIST = process.env.DIST_DIR || path.join(REPO, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
};

/** A copy of the build in a fresh temporary directory, which a test may change. */
export function copyBuild(from = DIST) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-e2e-'));
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}

/** Deletes a copy made by copyBuild. */
export function removeBuild(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Serves `dir` on 127.0.0.1 (a secure context, so service workers run) on a free port, under
 * `prefix`. Every request is logged as { path, status }. No caching headers: only the worker caches.
 */
export async function serveDir(dir, prefix = '/') {
  const log = [];
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // `prefix` is the path the build is hosted under ("/", or "/tools/support-navigator/"):
    // nothing outside it exists.
    const inside = urlPath.startsWith(prefix) ? `/${urlPath.slice(prefix.length)}` : null;
    const rel = inside?.endsWith('/') ? `${inside}index.html` : inside;
    const file = rel === null ? null : path.join(dir, path.normalize(rel));
    let status = 404;
    if (file?.startsWith(dir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      status = 200;
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(fs.readFileSync(file));
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
    log.push({ path: urlPath, status });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  const close = () => new Promise((resolve) => {
    server.close(resolve);
    server.closeAllConnections(); // the browser keeps connections alive; don't wait for them
  });
  return { url, log, close };
}

/** What dist/sw.js precaches: { buildId, files: { path: sha256 } }, read back from sw.js itself. */
export function readPrecache(dir) {
  const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const buildId = JSON.parse(sw.match(/^const BUILD_ID = (".*");$/m)[1]);
  const list = JSON.parse(sw.match(/^const PRECACHE = (\[[\s\S]*?\n\]);$/m)[1].replace(/,\n\]$/, '\n]'));
  return { buildId, files: Object.fromEntries(list) };
}

/** The name the worker gives its cache (static/sw.template.js: CACHE_NAME). */
export const cacheName = (scope, buildId) => `support-navigator ${scope} ${buildId}`;

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');
const sri384 = (data) => `sha384-${crypto.createHash('sha384').update(data).digest('base64')}`;

/**
 * Turns the build in `dir` into a next build "B", as a new deployment would: the stylesheet gets new
 * content (a marker custom property `--offline-test-build: "B"`) and therefore a new hashed name,
 * index.html points at it (with the matching integrity hash), the old stylesheet is gone, and
 * scripts/precache.py writes a new sw.js. Returns { oldCss, newCss }.
 */
export function makeNextBuild(dir) {
  const oldCss = fs.readdirSync(dir).find((f) => /^main-[0-9a-f]{8,16}\.css$/.test(f));
  if (!oldCss) throw new Error(`no main-<hash>.css in ${dir}`);
  const oldBody = fs.readFileSync(path.join(dir, oldCss));
  const newBody = Buffer.concat([oldBody, Buffer.from('\n:root{--offline-test-build:"B"}\n')]);
  const newCss = `main-${sha256(newBody).slice(0, 16)}.css`;
  fs.writeFileSync(path.join(dir, newCss), newBody);
  fs.rmSync(path.join(dir, oldCss));

  const indexPath = path.join(dir, 'index.html');
  const index = fs.readFileSync(indexPath, 'utf8');
  const updated = index.replace(oldCss, newCss).replace(sri384(oldBody), sri384(newBody));
  if (updated.includes(oldCss) || !updated.includes(sri384(newBody))) {
    throw new Error('index.html does not reference the stylesheet as expected');
  }
  fs.writeFileSync(indexPath, updated);

  execFileSync('python3', [path.join(REPO, 'scripts', 'precache.py'), dir], { stdio: 'pipe' });
  return { oldCss, newCss };
}

/** Waits until a service worker controls the page (after the first visit: its clients.claim). */
export async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
}

/** The cache names on the page's origin, or null while the page is between two documents. */
export async function cacheNames(page) {
  try {
    return (await page.evaluate(() => caches.keys())).sort();
  } catch {
    return null;
  }
}

/** The URLs held in one cache, sorted. */
export async function cachedUrls(page, name) {
  return (await page.evaluate(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url), name)).sort();
}

/** Every console error and uncaught exception of a page the fixture does not watch (a second page). */
export function watchProblems(page) {
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

/**
 * Records the page's main-frame documents from now on: for each, the navigation request and every
 * other http request the document made, so a test can say which build each document came from.
 */
export function recordDocuments(page) {
  const documents = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http')) return;
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      documents.push({ navigation: request, requests: [] });
    } else if (documents.length > 0) {
      documents.at(-1).requests.push(request);
    }
  });
  return documents;
}
