// The Content-Security-Policy of the built app: strict (no 'unsafe-inline', no 'unsafe-eval'),
// allowing Trunk's one inline loader script by its SHA-256, which must match the script the build
// actually wrote. Violations anywhere fail every test (fixtures.mjs listens in every frame).
import crypto from 'node:crypto';
import { test, expect } from './fixtures.mjs';

test('index.html carries a strict CSP whose script hash matches its inline loader', async ({ request, page }) => {
  const html = await (await request.get('/index.html')).text();
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  expect(meta, 'a CSP meta tag').not.toBeNull();
  const policy = meta[1];
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("style-src 'self';");
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(scripts.length, 'Trunk writes one inline loader').toBe(1);
  const hash = crypto.createHash('sha256').update(scripts[0], 'utf8').digest('base64');
  expect(policy).toContain(`'sha256-${hash}'`);

  // And the app runs under it: a journey page renders with no violation (the fixture fails the
  // test on any).
  await page.goto('/?j=open-request');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
