// Helpers for the accessibility specs (a11y-every-page.spec.mjs, a11y-behaviour.spec.mjs):
// the page cover computed by the engine, a host site for the embedded app, and a way to open any
// page standalone or inside that host's iframe and wait until it is really rendered.
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import { expect, WCAG_TAGS } from './fixtures.mjs';
import { catalogue } from './catalogue.mjs';
import { resultComplete, resultHeading } from './wizard-helpers.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export const LANGUAGES = ['en', 'nl', 'nb', 'id'];
export const MODES = ['standalone', 'embedded'];

/**
 * The pages to check, from `support-navigator-cli page-cover` (src/result/page_cover.rs): every
 * question page of every journey, result pages until every part a result can show has been seen,
 * and check pages until every question's row has been seen; each with its deep link (`query`) and
 * the instant the browser clock must show (`now`). Also `walks`: complete answer sequences.
 *
 * The CLI binary is the one `trunk build` itself builds and runs for the content packs
 * (scripts/content_packs.sh), so it matches the app under test; it is built here only if missing.
 * Playwright loads this file in its main process and again in every worker, and all of them must
 * list the same tests, so the cover (a few seconds of work) is cached, keyed by the binary's size
 * and time.
 */
export function pageCover() {
  const targetDir = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
  const bin = path.join(targetDir, 'debug', 'support-navigator-cli');
  if (!fs.existsSync(bin)) {
    execFileSync('cargo', ['build', '--quiet', '--no-default-features', '--features', 'cli', '--bin', 'support-navigator-cli'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const { size, mtimeMs } = fs.statSync(bin);
  const key = `${size}-${mtimeMs}`;
  const cacheDir = path.join(ROOT, 'e2e', 'node_modules', '.cache', 'support-navigator');
  const cacheFile = path.join(cacheDir, 'page-cover.json');
  try {
    const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    if (cached.key === key) return cached.cover;
  } catch { /* no cache yet, or unreadable: compute it */ }
  const cover = JSON.parse(execFileSync(bin, ['page-cover'], { cwd: ROOT, maxBuffer: 64 << 20 }).toString());
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = `${cacheFile}.${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify({ key, cover }));
  fs.renameSync(tmp, cacheFile);
  return cover;
}

/** A short name for a cover page in reports: "open-request result #10", "coverage question issue". */
export function pageLabel(p, index) {
  if (p.kind === 'question') return `${p.journey} question ${p.question}`;
  return `${p.journey} ${p.kind} #${index}`;
}

/** The h1 a page of the cover shows in `lang` (how the test knows the right page is on screen). */
export function expectedHeading(p, T) {
  if (p.kind === 'question') return T.q[p.question].title;
  if (p.kind === 'check') return T.wizard.check_title;
  return resultHeading(T);
}

/**
 * A host site for the embedded app: any path serves a page of another site (http://localhost,
 * while the app is on http://127.0.0.1, so the iframe is cross-site as on the web) that embeds
 * the app with static/embed.js, as README.md tells a site to.
 */
export function startHost(appOrigin) {
  const server = http.createServer((req, res) => {
    const lang = new URL(req.url, 'http://x').searchParams.get('lang') || 'en';
    const body = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Host site</title>
    <link rel="icon" href="data:,">
    <script src="${appOrigin}/embed.js" defer></script>
  </head>
  <body>
    <main>
      <h1>Host site</h1>
      <div data-support-navigator data-lang="${encodeURIComponent(lang)}" data-title="Support Navigator"></div>
    </main>
  </body>
</html>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export const hostOrigin = (server) => `http://localhost:${server.address().port}`;

/**
 * Opens the app in `mode` and `lang` and returns the frame to find things in (the page itself, or
 * the embedded app's frame). Embedded: the host page, then the iframe embed.js made.
 */
export async function openApp(page, { mode, lang, host }) {
  const T = catalogue(lang);
  if (mode === 'standalone') {
    await page.goto(`/?lang=${lang}`);
  } else {
    await page.goto(`${hostOrigin(host)}/?lang=${lang}`);
  }
  const frame = mode === 'standalone'
    ? page.mainFrame()
    : await (await page.getByTitle('Support Navigator', { exact: true }).elementHandle()).contentFrame();
  if (!frame) throw new Error('the iframe has no document');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(T.start.title);
  // Embedded, the app drops its own header and footer (the host page is the site).
  await expect(frame.getByRole('banner')).toHaveCount(mode === 'embedded' ? 0 : 1);
  return frame;
}

/**
 * Shows a page of the cover in `frame` by its deep link, keeping the visit's parameters (language;
 * embedded: embed=1 and the host's origin, as embed.js set them). `load: true` loads the link as
 * a new document; otherwise the app is sent there as by the browser's Back or Forward button
 * (history entry plus popstate, no reload), which renders the same page several times faster.
 */
export async function showPage(frame, p, lang, { load = false } = {}) {
  const current = new URL(frame.url());
  const keep = new URLSearchParams();
  for (const name of ['embed', 'origin']) {
    if (current.searchParams.has(name)) keep.set(name, current.searchParams.get(name));
  }
  keep.set('lang', lang);
  const url = `${current.origin}/${p.query}&${keep.toString()}`;
  if (load) {
    await frame.goto(url);
  } else {
    await frame.evaluate((to) => {
      window.history.pushState(null, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, url);
  }
}

/**
 * Waits until the page shows `heading` as its h1 and no policy-text loading status. The link must
 * also have been understood as it is: no notice that an answer was not understood or that the
 * rules changed since it was made (the cover would then not be of the app under test).
 */
export async function expectRendered(frame, heading, T) {
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(heading);
  for (const notice of [T.policy_text.loading, T.wizard.bad_answer, T.wizard.rules_changed, T.wizard.newer_link]) {
    await expect(frame.getByText(notice, { exact: true })).toHaveCount(0);
  }
  // A result page shows its answer first and the rest in the next frames: check all of it.
  if (heading instanceof RegExp) await resultComplete(frame, T);
}

/**
 * Runs axe (WCAG 2.2 AA) on the document of `frame` (the page, or the embedded app's own frame:
 * Playwright evaluates in a cross-site frame directly, so axe analyses the app's document itself,
 * page-level rules included) and returns the violations, one line each. axe is injected once per
 * document, and only violations are collected in detail: this runs on ~1,300 pages.
 */
export async function axeViolations(frame) {
  if (!(await frame.evaluate(() => typeof window.axe === 'object'))) await frame.evaluate(axe.source);
  const violations = await frame.evaluate(async (tags) => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) }));
  }, WCAG_TAGS);
  return violations.map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.targets)} — ${v.help}`);
}

/**
 * axe as the other specs run it (@axe-core/playwright from the top page, into every frame). With
 * `embedded`, it insists that axe really analysed nodes inside the app's iframe (results whose
 * target has a frame selector): @axe-core/playwright gives each frame one second to take axe's
 * 550 KB script and otherwise skips the frame without a word, which happens on a busy machine.
 * So a run that missed the frame is repeated (up to three times) and then fails.
 */
export async function axeViolationsFromTop(page, { embedded = false } = {}) {
  let results;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    if (!embedded || framedNodes(results) > 0) break;
  }
  if (embedded) expect(framedNodes(results), 'axe analysed the embedded app inside its iframe').toBeGreaterThan(0);
  return results.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')} — ${v.help}`);
}

/** How many of axe's result nodes are inside a frame (their target has a frame selector). */
function framedNodes(results) {
  return [...results.passes, ...results.violations].flatMap((r) => r.nodes).filter((n) => n.target.length > 1).length;
}

export { catalogue };

/**
 * Internal codes in what a customer can read on a result page: a conflict code (C-09), a source
 * document's number (000, 001, 003:27), a rule id (PORTAL-12, SEV-9/b). The whole page counts,
 * closed sections included, except the disclosure for support staff (`.trace`), whose rule ids
 * and line numbers are its purpose. Returns the offending snippets.
 */
export async function internalCodes(frame) {
  return frame.evaluate(() => {
    const main = document.querySelector('main') || document.body;
    const copy = main.cloneNode(true);
    copy.querySelectorAll('.trace, script, style').forEach((el) => el.remove());
    const text = copy.textContent.replace(/\s+/g, ' ');
    const code = /\bC-\d{2}\b|\b00[0-4]\b|\b\d{3}:\d+|\b(?!UTC|GMT)[A-Z]{2,}-\d+\b/g;
    return [...text.matchAll(code)].map((m) => text.slice(Math.max(0, m.index - 30), m.index + 30));
  });
}
