// Storage faults: localStorage that cannot be reached, that refuses writes, or that holds junk
// (corrupt values, a value from a future version, a 5 MB value). Each fault is injected before
// the app loads; the visitor then walks journey 1 (SC-001) to its result. The app must keep
// working from the URL, say "not keeping your answers" exactly once when (and only when) it
// cannot save, ignore junk instead of offering to resume it, and never throw (the fixture fails
// the test on any console error or uncaught exception).
import { test, expect } from './fixtures.mjs';
import {
  EN, START_TITLE, RESULT_TITLE, JOURNEY_TITLES, SC001, h1, answerAll, seeResult,
} from './wizard-helpers.mjs';

test.use({ locale: 'en-GB', timezoneId: SC001.timezoneId });

const ROUTE_KEY = 'support-navigator.v1.route';
const LANGUAGE_KEY = 'support-navigator.v1.language';
const FIVE_MB = 5_000_000;

const storageNotice = (page) => page.getByRole('status').filter({ hasText: EN.wizard.storage_unavailable });
const resumeLink = (page) => page.getByRole('link', { name: EN.start.resume, exact: true });

/**
 * Seeds localStorage once per tab (a sessionStorage flag), so that a later visit to the start
 * page in the same test sees what the app wrote, not the junk again. Runs inside the page.
 */
function seedOnce(entries) {
  if (sessionStorage.getItem('faults.seeded')) return;
  sessionStorage.setItem('faults.seeded', '1');
  for (const [key, value] of entries) {
    // A value may be built in the page (the 5 MB one) to keep the init script small.
    const text = typeof value === 'string' ? value : 'x'.repeat(value.repeat);
    localStorage.setItem(key, text);
  }
}

// `storageWorks`: writes succeed, so the app must not show the notice, and after the walk the
// start page offers to resume the journey just finished (the junk was overwritten).
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
    name: 'the stored route and language are corrupt',
    storageWorks: true,
    init: [seedOnce, [[ROUTE_KEY, '%%%{{not a route'], [LANGUAGE_KEY, '\u0000<b>💥{"lang":nl']]],
  },
  {
    name: 'the stored route comes from a future version',
    storageWorks: true,
    init: [seedOnce, [[ROUTE_KEY, 'v=99&j=open-request&product=ce_app']]],
  },
  {
    // 5,000,000 characters: about all Chromium's quota (5 Mi UTF-16 code units per origin) holds.
    name: 'the stored route is a 5 MB value',
    storageWorks: true,
    init: [seedOnce, [[ROUTE_KEY, { repeat: FIVE_MB }]]],
    // The browser must really hold it, or this test would test nothing.
    async check(page) {
      expect(await page.evaluate((k) => localStorage.getItem(k)?.length, ROUTE_KEY)).toBe(FIVE_MB);
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
    // The corrupt language tag is ignored: the browser's language (English) wins.
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.getByRole('link', { name: JOURNEY_TITLES[SC001.journey], exact: true }).click();
    await expect(storageNotice(page)).toHaveCount(fault.storageWorks ? 0 : 1);
    await answerAll(page, SC001.answers);
    await seeResult(page);
    await expect(h1(page)).toHaveText(RESULT_TITLE);
    // Once, not once per page visited.
    await expect(storageNotice(page)).toHaveCount(fault.storageWorks ? 0 : 1);

    // A new visit: where storage works, the finished journey replaced the junk and is offered.
    await page.goto('/');
    await expect(h1(page)).toHaveText(START_TITLE);
    if (fault.storageWorks) {
      await resumeLink(page).click();
      await expect(h1(page)).toHaveText(RESULT_TITLE);
      await expect(page).toHaveURL(/[?&]v=1(&|$)/);
    } else {
      await expect(resumeLink(page)).toHaveCount(0);
    }
  });
}

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
