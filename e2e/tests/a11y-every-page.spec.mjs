// axe-core (WCAG 2.2 AA) on every page of every journey, in every language, standalone and
// embedded in another site's page (a cross-site iframe made by embed.js): 0 violations.
//
// "Every page" is the engine's page cover (`support-navigator-cli page-cover`,
// src/result/page_cover.rs): every question each journey can ask, result pages until every part a
// result can show (each answer row, explanation section, notice, "sources differ", open and
// closed) has been on one, and a check page per kind of answer row. The pages come from the
// policy data, so a new question or result section is checked without touching this file. Each
// page is opened by its deep link (the first of a test as a new document, the others through the
// history, as Back and Forward would) with the browser clock set to the instant the cover
// evaluated it at; the test waits for the right h1 (so the app showed the page the cover meant,
// with its texts loaded) before axe runs in the app's document. A failure names the language,
// mode, page and link.
//
// On every result page of the cover, in every language and mode, the customer's text (all of it,
// closed sections included; not the disclosure for support staff) has no conflict code, source
// document number or rule id.
//
// Besides the deep links, one journey per language is walked with the keyboard in each mode, axe
// on every page, focus on each new page's heading; and a planted violation shows that the runners
// report one.
import { test, expect } from './fixtures.mjs';
import {
  LANGUAGES, MODES, pageCover, pageLabel, expectedHeading, startHost, openApp, showPage,
  expectRendered, axeViolations, axeViolationsFromTop, catalogue, internalCodes,
} from './a11y-helpers.mjs';
import { resultHeading, proposals } from './wizard-helpers.mjs';

const cover = pageCover();
const pages = cover.pages.map((p, i) => ({ ...p, label: pageLabel(p, i) }));
/** Pages per test: small enough to spread over the workers, large enough to reuse a browser page. */
const CHUNK = 30;

// Said once, by Playwright's main process (workers load this file too): the number for reports.
if (!process.env.TEST_WORKER_INDEX) {
  const runs = pages.length * LANGUAGES.length * MODES.length;
  console.log(`a11y-every-page: ${pages.length} pages (of ${cover.paths} answer paths) × ${LANGUAGES.length} languages × ${MODES.length} modes = ${runs} axe runs`);
}

// The service worker is tested by offline.spec.mjs; here its install (precaching the whole build
// in every new browser context) would only cost time.
test.use({ locale: 'en-GB', timezoneId: 'UTC', serviceWorkers: 'block' });

let host;
test.beforeAll(async ({ baseURL }) => { host = await startHost(baseURL); });
test.afterAll(async () => { await new Promise((resolve) => host.close(resolve)); });

/** The cover's pages in journey order, cut into tests of at most CHUNK pages of one journey. */
function chunks() {
  const out = [];
  for (const journey of [...new Set(pages.map((p) => p.journey))]) {
    const mine = pages.filter((p) => p.journey === journey);
    for (let i = 0; i < mine.length; i += CHUNK) {
      out.push({ name: `${journey} ${i + 1}–${Math.min(i + CHUNK, mine.length)} of ${mine.length}`, pages: mine.slice(i, i + CHUNK) });
    }
  }
  return out;
}

for (const lang of LANGUAGES) {
  const T = catalogue(lang);
  for (const mode of MODES) {
    test.describe(`${lang} ${mode}`, () => {
      for (const chunk of chunks()) {
        test(`axe on ${chunk.name}`, async ({ page }) => {
          test.setTimeout(20_000 + chunk.pages.length * 6_000);
          await page.clock.setFixedTime(new Date(chunk.pages[0].now));
          const frame = await openApp(page, { mode, lang, host });
          let checked = 0;
          for (const [i, p] of chunk.pages.entries()) {
            await test.step(`${lang} ${mode} ${p.label}`, async () => {
              await page.clock.setFixedTime(new Date(p.now));
              await showPage(frame, p, lang, { load: i === 0 });
              await expectRendered(frame, expectedHeading(p, T), T);
              const violations = await axeViolations(frame);
              expect.soft(violations, `axe: ${lang} ${mode} ${p.label} (${p.query}, now ${p.now})`).toEqual([]);
              if (p.kind === 'result') {
                // No conflict code, document number or rule id outside the staff disclosure.
                expect.soft(await internalCodes(frame), `internal codes: ${lang} ${mode} ${p.label} (${p.query})`).toEqual([]);
              }
              checked += 1;
            });
          }
          expect(checked).toBe(chunk.pages.length);
          test.info().annotations.push({ type: 'axe pages', description: String(checked) });
        });
      }
    });
  }
}

// One journey per language, walked with the keyboard in both modes: the longest walk of the
// cover (the most questions), Space on a radio, typing into fields, Tab to Continue and Enter.
// Each new page must have put focus on its h1; axe runs on every page, answered as it is; on the
// start and result pages also from the top page into the iframe, as the other specs run it.
const WALKED = { en: 'open-request', nl: 'on-premises', nb: 'reopen', id: 'language-hours' };

function longestWalk(journey) {
  return cover.walks.filter((w) => w.journey === journey)
    .reduce((best, w) => (w.steps.length > best.steps.length ? w : best));
}

/** Presses Tab until the element is focused (a date field has several stops of its own). */
async function tabTo(page, locator) {
  for (let i = 0; i < 8; i += 1) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(locator).toBeFocused();
}

for (const lang of LANGUAGES) {
  const T = catalogue(lang);
  const journey = WALKED[lang];
  for (const mode of MODES) {
    test(`${lang} ${mode}: ${journey} walked by keyboard, focus on each new h1, axe on every page`, async ({ page }) => {
      const walk = longestWalk(journey);
      await page.clock.setFixedTime(new Date(walk.now));
      const frame = await openApp(page, { mode, lang, host });
      const h1 = frame.getByRole('heading', { level: 1 });
      const axe = async (what, { fromTop = false } = {}) => {
        const violations = fromTop
          ? await axeViolationsFromTop(page, { embedded: mode === 'embedded' })
          : await axeViolations(frame);
        expect.soft(violations, `axe: ${lang} ${mode} ${what}`).toEqual([]);
      };
      await axe('start page', { fromTop: true });
      await frame.getByRole('link', { name: T.journeys[journey.replace('-', '_')].title, exact: true }).focus();
      await page.keyboard.press('Enter');

      // The app fills in what it proposes (the region a zone settles, English for an English
      // reader): those steps of the cover's walk are not shown.
      const proposed = proposals(Object.fromEntries(walk.steps), lang);
      for (const [q, value] of walk.steps) {
        if (q in proposed) continue;
        await expect(h1).toHaveText(T.q[q].title);
        await expect(h1, `focus on the h1 of ${q}`).toBeFocused();
        await axe(`${journey} question ${q}`);
        if (T.q[q].options) {
          const radio = frame.getByRole('group', { name: T.q[q].title, exact: true })
            .getByRole('radio', { name: T.q[q].options[value], exact: true });
          await radio.focus();
          await page.keyboard.press('Space');
          await expect(radio).toBeChecked();
        } else {
          const field = frame.getByLabel(T.q[q].title, { exact: true });
          await field.focus();
          if (q === 'time_zone') await field.selectOption(value);
          else if (/^\d+$/.test(value)) await page.keyboard.type(value);
          else await field.fill(value);
        }
        const continueButton = frame.getByRole('button', { name: T.wizard.continue_button, exact: true });
        await tabTo(page, continueButton);
        await page.keyboard.press('Enter');
      }

      await expect(h1).toHaveText(T.wizard.check_title);
      await expect(h1).toBeFocused();
      await axe(`${journey} check page`);
      await frame.getByRole('link', { name: T.wizard.see_result, exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect(h1).toHaveText(resultHeading(T));
      await expect(h1).toBeFocused();
      await axe(`${journey} result page`, { fromTop: true });
    });
  }
}

// The runners above can fail: after an in-app page change, a violation planted in the app (an
// image without a text alternative) is reported by both, standalone and inside the iframe.
for (const mode of MODES) {
  test(`the axe runners see a planted violation (${mode})`, async ({ page }) => {
    const T = catalogue('en');
    const frame = await openApp(page, { mode, lang: 'en', host });
    const p = pages.find((x) => x.kind === 'question');
    await showPage(frame, p, 'en');
    await expectRendered(frame, expectedHeading(p, T), T);
    expect(await axeViolations(frame)).toEqual([]);
    await frame.evaluate(() => document.querySelector('main').append(document.createElement('img')));
    expect((await axeViolations(frame)).join('\n')).toContain('image-alt');
    expect((await axeViolationsFromTop(page, { embedded: mode === 'embedded' })).join('\n')).toContain('image-alt');
  });
}
