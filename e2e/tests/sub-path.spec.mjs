// Hosting under a path, as a documentation site hosts its tools
// (https://docs.example.com/tools/support-navigator/). Runs only in the "sub-path" project
// (playwright.config.mjs), whose baseURL is dist/ served under /tools/support-navigator/; the
// start page and offline tests run there too. Checked here: the built index.html names no file
// by an absolute path; the app, its service worker and every request it makes stay under the
// path; the embed loader served from the path frames the app from the path.
import fs from 'node:fs';
import path from 'node:path';
import { startHost } from './embed-host.mjs';
import { test, expect } from './fixtures.mjs';
import { EN, START_TITLE, JOURNEY_TITLES, h1 } from './wizard-helpers.mjs';
import { DIST, waitForController } from './offline-helpers.mjs';

test.use({ locale: 'en-GB' });

test('the built index.html names every file by a relative address', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const attributes = [...html.matchAll(/\b(?:src|href)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
  const imports = [...html.matchAll(/(?:from|module_or_path:)\s*'([^']*)'/g)].map((m) => m[1]);
  expect(imports.length, 'the loader imports the glue and names the wasm').toBeGreaterThanOrEqual(2);
  const addresses = [...attributes, ...imports].filter((a) => !a.startsWith('data:') && !a.startsWith('#'));
  expect(addresses.length).toBeGreaterThan(3);
  expect(addresses.filter((a) => a.startsWith('/') || /^[a-z]+:/i.test(a)), 'absolute addresses').toEqual([]);
});

test('under a path, the app runs, its worker\'s scope is the path and no request leaves it', async ({ page, baseURL }) => {
  expect(new URL(baseURL).pathname, 'this project hosts the app under a path').not.toBe('/');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('./');
  await expect(h1(page)).toHaveText(START_TITLE);
  await waitForController(page);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(baseURL);

  await page.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }).click();
  await expect(h1(page)).toHaveText(EN.q.product.title);
  expect(new URL(page.url()).pathname).toBe(new URL(baseURL).pathname);
  const outside = requests.filter((u) => u.startsWith('http') && !u.startsWith(baseURL));
  expect(outside, 'requests outside the path').toEqual([]);
});

test('the embed loader served from the path frames the app from the path', async ({ page, baseURL }) => {
  const host = await startHost();
  try {
    const app = encodeURIComponent(baseURL);
    await page.goto(`http://localhost:${host.address().port}/embed-demo.html?app=${app}`);
    const iframe = page.locator('iframe');
    await expect(iframe).toHaveCount(1);
    await expect.poll(() => iframe.getAttribute('src')).toMatch(new RegExp(`^${baseURL.replace(/[.?]/g, '\\$&')}\\?`));
    const frame = page.frameLocator('iframe');
    await expect(h1(frame)).toHaveText(START_TITLE);
    await frame.getByRole('link', { name: JOURNEY_TITLES['open-request'], exact: true }).click();
    await expect(h1(frame)).toHaveText(EN.q.product.title);
  } finally {
    await new Promise((resolve) => host.close(resolve));
  }
});
