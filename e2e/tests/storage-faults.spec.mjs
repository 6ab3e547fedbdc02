// Storage faults: localStorage that cannot be reached, that refuses writes, or that holds junk
// (corrupt values, a value from a future version, a 5 MB value), in the current record
// (`support-navigator.state`, schema 2) and in the first release's keys (schema 1, migrated on
// load). Each fault is injected before the app loads; the visitor then walks journey 1 (SC-001)
// to its result. The app must keep working from the URL, say "not keeping your answers" exactly
// once when (and only when) it cannot save, say once on the page it lands on that stored data was
// set aside (or that a newer version's is left alone), never offer junk for resuming, never
// overwrite a newer version's record, and never throw (the fixture fails the test on any console
// error or uncaught exception).
import { test, expect } from './fixtures.mjs';
import {
  EN, START_TITLE, RESULT_TITLE, JOURNEY_TITLES, SC001, h1, answerAll, seeResult,
} from './wizard-helpers.mjs';

test.use({ locale: 'en-GB', timezoneId: SC001.timezoneId });

const STATE_KEY = 'support-navigator.state';
const ROUTE_KEY = 'support-navigator.v1.route';
const LANGUAGE_KEY = 'support-navigator.v1.language';
const FIVE_MB = 5_000_000;

const storageNotice = (page) => page.getByRole('status').filter({ hasText: EN.wizard.storage_unavailable });
const setAsideNotice = (page) => page.getByRole('status').filter({ hasText: EN.wizard.storage_set_aside });
const newerNotice = (page) => page.getByRole('status').filter({ hasText: EN.wizard.storage_newer });
const resumeLink = (page) => page.getByRole('link', { name: EN.start.resume, exact: true });

/**
 * Seeds localStorage once per tab (a sessionStorage flag), so that a later visit to the start
 * page in the same test sees what the app wrote, not the junk again. Runs inside the page.
 */
function seedOnce(entries) {
  if (sessionStorage.getItem('faults.seeded')) return;
  sessionStorage.setItem('faults.seeded', '1');
  const lengths = {};
  for (const [key, value] of entries) {
    // A value may be built in the page (the 5 MB one) to keep the init script small.
    const text = typeof value === 'string' ? value : 'x'.repeat(value.repeat);
    localStorage.setItem(key, text);
    // What the browser really holds, before the app (which replaces junk) has run.
    lengths[key] = localStorage.getItem(key)?.length;
  }
  sessionStorage.setItem('faults.lengths', JSON.stringify(lengths));
}

// `storageWorks`: writes succeed, so the app must not show the notice, and after the walk the
// start page offers to resume the journey just finished (the junk was overwritten), unless
// `newer`: a newer version's record is left exactly as it was, so nothing is offered and the
// notice about it is shown again. `setAside`: the notice the first page shows about stored data.
const FAULTS = [
  {
    name: 'the localStorage getter throws a SecurityError',
    storageWorks: false,
    init: () => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() { throw new DOMException('denied', 'SecurityError'); },
      });
    },
  },
  {
    name: 'setItem throws QuotaExceededError',
    storageWorks: false,
    init: () => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('full', 'QuotaExceededError');
      };
    },
  },
  {
    name: 'the stored record is corrupt JSON-like junk',
    storageWorks: true,
    setAside: setAsideNotice,
    init: [seedOnce, [[STATE_KEY, '{"schema":2,"route":\u0000<b>💥']]],
  },
  {
    name: 'the stored record says schema 2 but holds an unknown journey and language',
    storageWorks: true,
    setAside: setAsideNotice,
    init: [seedOnce, [[STATE_KEY, 'schema=2&lang=xx&route=j%3D%3Cscript%3E']]],
  },
  {
    name: 'the stored record comes from a future version (schema 3)',
    storageWorks: true,
    newer: 'schema=3&route=j%3Dopen-request&colour=blue',
    setAside: newerNotice,
    init: [seedOnce, [[STATE_KEY, 'schema=3&route=j%3Dopen-request&colour=blue']]],
  },
  {
    name: 'the first release\'s route and language keys are corrupt',
    storageWorks: true,
    setAside: setAsideNotice,
    init: [seedOnce, [[ROUTE_KEY, '%%%{{not a route'], [LANGUAGE_KEY, '\u0000<b>💥{"lang":nl']]],
  },
  {
    // Builds newer than the first release write a record, so this can only be junk: replaced.
    name: 'the first release\'s route key claims a future link codec',
    storageWorks: true,
    setAside: setAsideNotice,
    init: [seedOnce, [[ROUTE_KEY, 'v=99&j=open-request&product=ce_app']]],
  },
  {
    // 5,000,000 characters: about all Chromium's quota (5 Mi UTF-16 code units per origin) holds.
    name: 'the stored route is a 5 MB value',
    storageWorks: true,
    setAside: setAsideNotice,
    init: [seedOnce, [[ROUTE_KEY, { repeat: FIVE_MB }]]],
    // The browser must really have held it, or this test would test nothing.
    async check(page) {
      const lengths = await page.evaluate(() => JSON.parse(sessionStorage.getItem('faults.lengths')));
      expect(lengths[ROUTE_KEY]).toBe(FIVE_MB);
    },
  },
];

for (const fault of FAULTS) {
  test(`${fault.name}: journey 1 reaches its result, storage notice ${fault.storageWorks ? 'never' : 'exactly once'}`, async ({ page }) => {
    if (Array.isArray(fault.init)) await page.addInitScript(fault.init[0], fault.init[1]);
    else await page.addInitScript(fault.init);
    await page.clock.setFixedTime(new Date(SC001.now));

    await page.goto('/');
    await expect(h1(page)).toHaveText(START_TITLE);
    if (fault.check) await fault.check(page);
    // Nothing was saved yet, so nothing to complain about; junk is never offered as a journey.
    await expect(storageNotice(page)).toHaveCount(0);
    await expect(resumeLink(page)).toHaveCount(0);
    // What was set aside is said once, on the page the visitor landed on.
    if (fault.setAside) await expect(fault.setAside(page)).toHaveCount(1);
    // The corrupt language tag is ignored: the browser's language (English) wins.
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.getByRole('link', { name: JOURNEY_TITLES[SC001.journey], exact: true }).click();
    await expect(storageNotice(page)).toHaveCount(fault.storageWorks ? 0 : 1);
    await expect(setAsideNotice(page)).toHaveCount(0);
    await expect(newerNotice(page)).toHaveCount(0);
    await answerAll(page, SC001.answers);
    await seeResult(page);
    await expect(h1(page)).toHaveText(RESULT_TITLE);
    // Once, not once per page visited.
    await expect(storageNotice(page)).toHaveCount(fault.storageWorks ? 0 : 1);

    // A new visit: where storage works, the finished journey replaced the junk and is offered.
    await page.goto('/');
    await expect(h1(page)).toHaveText(START_TITLE);
    if (fault.newer) {
      // Left exactly as the newer version wrote it, and said again.
      expect(await page.evaluate((k) => localStorage.getItem(k), STATE_KEY)).toBe(fault.newer);
      await expect(newerNotice(page)).toHaveCount(1);
      await expect(resumeLink(page)).toHaveCount(0);
    } else if (fault.storageWorks) {
      // The junk was replaced by this visit's record, so there is nothing left to set aside.
      await expect(setAsideNotice(page)).toHaveCount(0);
      await resumeLink(page).click();
      await expect(h1(page)).toHaveText(RESULT_TITLE);
      await expect(page).toHaveURL(/[?&]v=1(&|$)/);
    } else {
      await expect(resumeLink(page)).toHaveCount(0);
    }
  });
}

test('the first release\'s keys are migrated into one record: the journey resumes and the language holds', async ({ page }) => {
  // What the first release (schema 1) wrote: a reopen journey begun in Dutch, then Norwegian chosen.
  await page.addInitScript(seedOnce, [
    [ROUTE_KEY, 'j=reopen&p=check&same_build=yes&v=1&r=00000000&lang=nl'],
    [LANGUAGE_KEY, 'nb'],
  ]);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  const nb = (await import('./catalogue.mjs')).catalogue('nb');
  // No notice (the app's own live region is there, but says nothing).
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveCount(0);
  const stored = await page.evaluate(() => Object.fromEntries(
    Object.keys(localStorage).filter((k) => k.startsWith('support-navigator.')).map((k) => [k, localStorage.getItem(k)])));
  expect(Object.keys(stored)).toEqual([STATE_KEY]);
  expect(stored[STATE_KEY]).toMatch(/^schema=2&lang=nb&route=/);
  await page.getByRole('link', { name: nb.start.resume, exact: true }).click();
  // Only one answer was given then, so the journey resumes at its first open question.
  await expect(h1(page)).toHaveText(nb.q.product.title);
  // The link was made with other rules: resumed all the same, under the current rules.
  await expect(page).toHaveURL(/[?&]same_build=yes(&|$)/);
});

test('with storage blocked, choosing a language on the start page says once that nothing is kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('denied', 'SecurityError'); },
    });
  });
  await page.goto('/');
  await expect(storageNotice(page)).toHaveCount(0);
  await page.getByRole('navigation', { name: EN.language_nav_label }).getByRole('link', { name: 'Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  const nl = (await import('./catalogue.mjs')).catalogue('nl');
  const notice = page.getByRole('status').filter({ hasText: nl.wizard.storage_unavailable });
  await expect(notice).toHaveCount(1);
  await page.getByRole('navigation', { name: nl.language_nav_label }).getByRole('link', { name: 'Norsk bokmål' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  const nb = (await import('./catalogue.mjs')).catalogue('nb');
  await expect(page.getByRole('status').filter({ hasText: nb.wizard.storage_unavailable })).toHaveCount(1);
});
