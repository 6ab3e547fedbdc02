// An answer a customer can act on in ten seconds (issue 18): on a 375 px phone, every journey's
// result page shows the decision, the first step's link and the Copy button within the first
// 1,300 px, with at most 150 words before the first closed section. Measured on one result page
// of each journey from the engine's page cover (the first the cover lists), and on the three
// personas of the issue; the numbers are in the test's annotations.
import { test, expect } from './fixtures.mjs';
import { pageCover } from './a11y-helpers.mjs';
import { RESULT_TITLE, h1, resultComplete, EN } from './wizard-helpers.mjs';
import { PERSONAS, measureResult } from './result-measure.mjs';

const FOLD = 1300;
const WORDS = 150;

const results = pageCover().pages.filter((p) => p.kind === 'result');
const firstOfEach = [...new Set(results.map((p) => p.journey))]
  .map((journey) => results.find((p) => p.journey === journey));
const cases = [
  ...firstOfEach.map((p) => ({ name: `${p.journey} (cover)`, query: p.query, now: p.now, timezoneId: 'UTC' })),
  ...PERSONAS.map((p) => ({ name: p.title, query: p.query, now: p.now, timezoneId: p.timezoneId })),
];

test.use({ viewport: { width: 375, height: 812 }, locale: 'en-GB', serviceWorkers: 'block' });

test('every journey has a result page in the cover', () => {
  expect(firstOfEach.map((p) => p.journey).sort()).toEqual(
    ['billing', 'compare-plans', 'coverage', 'language-hours', 'on-premises', 'open-request', 'reopen'],
  );
});

for (const c of cases) {
  test.describe(c.name, () => {
    test.use({ timezoneId: c.timezoneId });
    test(`at 375 px: decision, first link and Copy within ${FOLD} px; ≤ ${WORDS} words before the first closed section`, async ({ page }) => {
      await page.clock.setFixedTime(new Date(c.now));
      await page.goto(`/${c.query.replace(/^\?/, '?')}&lang=en`);
      await expect(h1(page)).toHaveText(RESULT_TITLE);
      await resultComplete(page, EN);
      await page.evaluate(() => document.fonts.ready);
      const m = await measureResult(page);
      test.info().annotations.push({ type: 'measures', description: JSON.stringify(m) });
      expect(m.decision, 'the decision').toBeLessThan(FOLD);
      expect(m.firstLink, 'a step with a link').not.toBeNull();
      expect(m.firstLink, 'the first step link').toBeLessThan(FOLD);
      expect(m.copy, 'the Copy button').not.toBeNull();
      expect(m.copy, 'the Copy button').toBeLessThan(FOLD);
      expect(m.wordsBeforeFold, 'words before the first closed section').toBeLessThanOrEqual(WORDS);
    });
  });
}
