// Offline use (service worker, static/sw.template.js + scripts/precache.py + src/ui/offline.rs):
// after one online visit the app works with no network at all, and a new build replaces the old
// one whole: no document ever mixes files of two builds, and the old cache is deleted.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import {
  START_TITLE, JOURNEY_TITLES, SC001, h1, currentQuestion, answerAll, seeResult, expectResultShows, slotLabel,
  journeyUrl, resultHeading,
} from './wizard-helpers.mjs';
import { catalogue } from './catalogue.mjs';
import {
  DIST, copyBuild, removeBuild, serveDir, readPrecache, cacheName, makeNextBuild, waitForController, cacheNames,
  cachedUrls, watchProblems, recordDocuments,
} from './offline-helpers.mjs';

test.use({ locale: 'en-GB', timezoneId: SC001.timezoneId });

// The path the build is hosted under in this project ("/", or a sub-path): the copies of the
// build the tests below serve themselves are hosted under it too.
const hostedPath = (baseURL) => new URL('./', baseURL).pathname;

test('after one online visit, journey 1 runs to its result with the network off, in every language', async ({ page, context, baseURL }) => {
  test.slow();
  const build = readPrecache(DIST);
  const scope = new URL('./', baseURL).href;

  // The first visit, online: the worker installs, precaches the whole build and takes control.
  await page.goto('./');
  await expect(h1(page)).toHaveText(START_TITLE);
  await waitForController(page);
  expect(await cacheNames(page)).toEqual([cacheName(scope, build.buildId)]);
  expect(await cachedUrls(page, cacheName(scope, build.buildId)), 'every file of the build is cached')
    .toEqual(Object.keys(build.files).map((f) => new URL(f, scope).href).sort());

  // The web app manifest is found and parses cleanly (Chromium's own reading of it).
  const manifest = await (await context.newCDPSession(page)).send('Page.getAppManifest', {});
  expect(manifest.url).toBe(new URL('manifest.webmanifest', scope).href);
  expect(manifest.errors, 'manifest errors').toEqual([]);

  // No network from here on. A new page has nothing in memory: everything must come from the worker.
  await context.setOffline(true);
  const offline = await context.newPage();
  const problems = watchProblems(offline);
  const responses = [];
  offline.on('response', (r) => { if (r.url().startsWith('http')) responses.push(r); });
  await offline.clock.setFixedTime(new Date(SC001.now));

  const navigation = await offline.goto('./');
  expect(navigation.fromServiceWorker(), 'the page itself comes from the service worker').toBe(true);
  expect(await offline.evaluate(() => navigator.onLine)).toBe(false);
  await expect(h1(offline)).toHaveText(START_TITLE);

  await offline.getByRole('link', { name: JOURNEY_TITLES[SC001.journey], exact: true }).click();
  await answerAll(offline, SC001.answers);
  await seeResult(offline);
  await expectResultShows(offline, {
    'Where to go': slotLabel('route', 'ppac'),
    'Recommended severity': slotLabel('severity', 'b'),
    'Language right now': slotLabel('language_now', 'english'),
  });

  // Every interface language works offline too, policy texts (content packs, if any) included.
  for (const [lang, endonym] of [['nl', 'Nederlands'], ['nb', 'Norsk bokmål'], ['id', 'Bahasa Indonesia']]) {
    const texts = catalogue(lang);
    await offline.getByRole('link', { name: endonym, exact: true }).click();
    await expect(h1(offline)).toHaveText(resultHeading(texts));
    // The decision names the portal, in this language.
    await expect(offline.locator('h1 .decision__text')).toContainText(texts.routes.ppac.action);
  }

  // The wasm, its glue and the stylesheet were all answered by the worker.
  const served = responses.map((r) => ({ path: new URL(r.url()).pathname, fromServiceWorker: r.fromServiceWorker() }));
  for (const ext of ['.wasm', '.js', '.css']) {
    expect(served.some((s) => s.path.endsWith(ext)), `the offline page loaded a ${ext} file`).toBe(true);
  }
  expect(served.filter((s) => !s.fromServiceWorker), 'nothing came from the network').toEqual([]);
  expect(problems, 'no console errors or uncaught exceptions on the offline page').toEqual([]);
  await offline.close();
});

test('a new build replaces the old one whole: no document mixes builds, the old cache is deleted', async ({ page, baseURL }) => {
  test.slow();
  const dir = copyBuild();
  const server = await serveDir(dir, hostedPath(baseURL));
  // A request's file, as the build's precache list names it.
  const fileOf = (url) => new URL(url).pathname.slice(new URL(server.url).pathname.length);
  try {
    // Build A: the first visit installs it.
    const buildA = readPrecache(dir);
    await page.goto(server.url);
    await expect(h1(page)).toHaveText(START_TITLE);
    await waitForController(page);
    expect(await cacheNames(page)).toEqual([cacheName(server.url, buildA.buildId)]);

    // Build B is deployed in place: a changed stylesheet under a new hashed name, a new sw.js.
    const { oldCss, newCss } = makeNextBuild(dir);
    const buildB = readPrecache(dir);
    expect(buildB.buildId).not.toBe(buildA.buildId);
    expect(Object.keys(buildB.files)).toContain(newCss);
    expect(Object.keys(buildB.files)).not.toContain(oldCss);
    const logFrom = server.log.length;

    // Loading the page again lets the browser find the new worker. It precaches B, takes over,
    // and the page reloads itself onto B (src/ui/offline.rs); no further reload by the test.
    const documents = recordDocuments(page);
    await page.reload();
    await expect.poll(() => cacheNames(page), { timeout: 20_000, message: 'only the cache of build B is left' })
      .toEqual([cacheName(server.url, buildB.buildId)]);
    await expect.poll(
      () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--offline-test-build').trim())
        .catch(() => null),
      { timeout: 20_000, message: "the page runs on B's stylesheet" },
    ).toBe('"B"');
    await expect(h1(page)).toHaveText(START_TITLE);
    expect(await cachedUrls(page, cacheName(server.url, buildB.buildId)), 'the new cache holds exactly build B')
      .toEqual(Object.keys(buildB.files).map((f) => new URL(f, server.url).href).sort());

    // Every document asked only for files of one build. A and B share the wasm, its glue and the
    // seeds; the stylesheet tells them apart, so a document of A with B's stylesheet (or the other
    // way round) fits neither list and fails here.
    const builds = { A: buildA, B: buildB };
    const seen = [];
    for (const [i, doc] of documents.entries()) {
      const last = i === documents.length - 1;
      const files = doc.requests.map((r) => fileOf(r.url()));
      const fits = Object.keys(builds).filter((b) => files.every((f) => f in builds[b].files));
      expect(fits, `document ${i} asked only for files of one build: ${files.join(', ')}`).not.toEqual([]);
      if (fits.length === 1) seen.push(fits[0]);
      for (const request of doc.requests) {
        const response = await request.response();
        // A document the page navigated away from may have requests cut short; the last one may not.
        if (response || last) expect(response?.status(), `${request.url()} was delivered`).toBe(200);
      }
    }
    const lastDoc = documents.at(-1);
    expect((await lastDoc.navigation.response())?.fromServiceWorker(), 'the page came from the new cache').toBe(true);
    expect(lastDoc.requests.map((r) => fileOf(r.url()))).toContain(newCss);
    // The test's reload is still answered from A's cache (cache-first); then the new worker takes
    // over and the page reloads itself onto B, once.
    expect(seen, 'documents by build: A (the reload), then B (the page reloading itself)').toEqual(['A', 'B']);

    // The server was never asked for a file it did not have (such as A's stylesheet).
    expect(server.log.slice(logFrom).filter((r) => r.status !== 200)).toEqual([]);

    // And the updated app works.
    await page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }).click();
    expect(await currentQuestion(page)).toBe('product');
  } finally {
    await server.close();
    removeBuild(dir);
  }
});

test('the service worker answers an overlong navigation with 414, as servers do, and ordinary ones as before', async ({ context }) => {
  // A page of its own: the browser logs the refused load (and the error page's favicon) as
  // console errors, which is what should happen here.
  const page = await context.newPage();
  await page.goto('./');
  await expect(h1(page)).toHaveText(START_TITLE);
  await waitForController(page);
  // A crafted link of 300 KB: without the cap the worker served the app, which then froze the
  // tab reading it.
  const long = await page.goto(`./?j=open-request&product=${'a'.repeat(300 * 1024)}`);
  expect(long.fromServiceWorker()).toBe(true);
  expect(long.status()).toBe(414);
  const ordinary = await page.goto('./?j=open-request');
  expect(ordinary.fromServiceWorker()).toBe(true);
  expect(ordinary.status()).toBe(200);
  expect(await currentQuestion(page)).toBe('product');
  await page.close();
});

test('retiring a deployment: sw-retire.js served as sw.js empties our caches and the page runs from the server', async ({ page, baseURL }) => {
  test.slow();
  const dir = copyBuild();
  const server = await serveDir(dir, hostedPath(baseURL));
  try {
    await page.goto(server.url);
    await expect(h1(page)).toHaveText(START_TITLE);
    await waitForController(page);
    expect(await cacheNames(page)).toHaveLength(1);

    // The operator retires the deployment: the retiring worker is served as sw.js.
    fs.copyFileSync(path.join(dir, 'sw-retire.js'), path.join(dir, 'sw.js'));
    // The returning visitor's next load finds it; the page reloads itself as it takes over.
    await page.reload();
    await expect.poll(() => cacheNames(page), { message: 'no cache of ours is left' }).toEqual([]);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller === null).catch(() => null),
      { message: 'the page is no longer served by a worker' }).toBe(true);
    await expect(h1(page)).toHaveText(START_TITLE);
    // From now on the server decides: here it still serves the app, from the network.
    const again = await page.reload();
    expect(again.fromServiceWorker()).toBe(false);
    await expect(h1(page)).toHaveText(START_TITLE);
  } finally {
    await server.close();
    removeBuild(dir);
  }
});

test('a proxy that changes one byte of index.html: the worker says so in the console, with the file and hashes, and the app runs from the network', async ({ context, baseURL }) => {
  const dir = copyBuild();
  const indexPath = path.join(dir, 'index.html');
  fs.writeFileSync(indexPath, fs.readFileSync(indexPath, 'utf8').replace('</body>', '</body> '));
  const server = await serveDir(dir, hostedPath(baseURL));
  // A page of its own: the worker's console error is expected here (Chromium shows it in the
  // page's console too).
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  context.on('serviceworker', (worker) => worker.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  }));
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  try {
    await page.goto(server.url);
    await expect(h1(page)).toHaveText(START_TITLE);
    const expected = readPrecache(dir).files['index.html'];
    await expect.poll(() => errors.find((t) => t.includes('index.html')), { message: 'the worker names the file' })
      .toContain(`expected ${expected}`);
    // Nothing half-installed is left; the app keeps working from the network.
    await expect.poll(() => cacheNames(page)).toEqual([]);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    await page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }).click();
    expect(await currentQuestion(page)).toBe('product');
    expect(errors.filter((t) => !t.includes('is not the file of build')), 'no other error').toEqual([]);
  } finally {
    await page.close();
    await server.close();
    removeBuild(dir);
  }
});

test('a cache deleted while the worker stays registered is filled again, and offline use comes back', async ({ page, context, baseURL }) => {
  test.slow();
  const build = readPrecache(DIST);
  const scope = new URL('./', baseURL).href;
  const name = cacheName(scope, build.buildId);
  await page.goto('./');
  await expect(h1(page)).toHaveText(START_TITLE);
  await waitForController(page);
  expect(await cacheNames(page)).toEqual([name]);

  // The browser evicts the cache (or a person clears it); the registration stays.
  await page.evaluate((n) => caches.delete(n), name);
  expect(await cacheNames(page)).toEqual([]);
  await page.reload();
  await expect(h1(page)).toHaveText(START_TITLE);
  await expect.poll(() => cacheNames(page), { message: 'the build is cached again' }).toEqual([name]);
  await expect.poll(async () => (await cachedUrls(page, name)).length, { message: 'every file of it' })
    .toBe(Object.keys(build.files).length);

  await context.setOffline(true);
  const offline = await page.reload();
  expect(offline.fromServiceWorker()).toBe(true);
  await expect(h1(page)).toHaveText(START_TITLE);
  await page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }).click();
  expect(await currentQuestion(page)).toBe('product');
});

test('an answer typed but not submitted survives the reload that switches builds', async ({ page }) => {
  const question = journeyUrl('on-premises', 'activation_date', {
    product: 'onprem_other', onprem_offer: 'maicpp', have_ids: 'yes', account: 'entra', lifecycle: 'mainstream',
    activation: 'activated',
  });
  await page.goto(question);
  expect(await currentQuestion(page)).toBe('activation_date');
  const field = page.getByLabel(catalogue('en').q.activation_date.title, { exact: true });
  await field.fill('2024-01-10');
  await expect(page).toHaveURL(/[?&]activation_date=2024-01-10(&|$)/);
  // As src/ui/offline.rs reloads the page when a new build's worker takes over.
  await page.reload();
  await expect(field).toHaveValue('2024-01-10');
  expect(await currentQuestion(page)).toBe('activation_date');
});
