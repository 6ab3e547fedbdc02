// Time faults in the browser: the device clock and time zone are set by Playwright, and the
// result page of journey 1 must show exactly the contact-by instant the engine computes natively
// for that clock (`support-navigator-cli evaluate`, pinned by the golden tests in
// tests/hours_time_faults.rs), written in the customer's zone, or say that the clock looks wrong.
// This checks the browser's half of the pipeline: reading the clock, the zone answer, the
// deadline and Intl's formatting at quarter-hour offsets, DST gaps and overlaps, 29 February,
// the turn of the year, and clocks decades off.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import { EN, RESULT_TITLE, SC001, h1, instantText, journeyUrl, resultComplete, expectContactBy } from './wizard-helpers.mjs';


const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * The native CLI: the one trunk's build hook builds and runs for the content packs
 * (scripts/content_packs.sh), so it matches the app under test. Built here, once, when this file
 * is loaded and only if it is missing: a `cargo build` inside a test's 30 s could wait that long
 * for cargo's lock on a busy machine.
 */
const CLI = (() => {
  const targetDir = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
  const bin = path.join(targetDir, 'debug', 'support-navigator-cli');
  if (!fs.existsSync(bin)) {
    execFileSync('cargo', ['build', '--quiet', '--no-default-features', '--features', 'cli', '--bin', 'support-navigator-cli'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return bin;
})();

/** The engine's outcome for `answers` at `now`, from the native CLI. */
function engineOutcome(answers, now) {
  const out = execFileSync(CLI, ['evaluate', '-'], { cwd: ROOT, input: JSON.stringify({ ...answers, now }) });
  return JSON.parse(out.toString());
}

// Each case: where the customer is (answers), the browser's zone, and the device clock (UTC).
const CASES = [
  { name: 'Kathmandu (+05:45), customer wall clock, Friday after closing', region: 'other', zone: 'Asia/Kathmandu', now: '2026-11-20T11:20:00Z' },
  { name: 'Chatham (+13:45), Sunday in UTC but Monday there', region: 'other', zone: 'Pacific/Chatham', now: '2026-11-22T20:00:00Z' },
  { name: 'Los Angeles, inside the spring-forward gap (02:30 does not exist)', region: 'north_america', zone: 'America/Los_Angeles', now: '2026-03-08T10:30:00Z' },
  { name: 'Los Angeles, inside the fall-back overlap (01:30 happens twice)', region: 'north_america', zone: 'America/Los_Angeles', now: '2026-11-01T09:30:00Z' },
  { name: 'Amsterdam, the night clocks go back', region: 'other', zone: 'Europe/Amsterdam', now: '2026-10-25T00:30:00Z' },
  { name: '29 February 2028, Tokyo', region: 'other', zone: 'Asia/Tokyo', now: '2028-02-29T07:00:00Z' },
  { name: 'New Year\'s Eve into 2027, Auckland', region: 'other', zone: 'Pacific/Auckland', now: '2026-12-31T03:00:00Z' },
  { name: 'a device clock in 1999', region: 'north_america', zone: 'America/Los_Angeles', now: '1999-06-01T18:00:00Z', wrong: true },
  { name: 'a device clock in 2150', region: 'other', zone: 'Europe/Amsterdam', now: '2150-01-05T09:00:00Z', wrong: true },
];

for (const c of CASES) {
  test.describe(c.name, () => {
    test.use({ locale: 'en-GB', timezoneId: c.zone });

    test(`the result shows the engine's contact-by time${c.wrong ? ' and says the clock looks wrong' : ''}`, async ({ page }) => {
      await page.clock.setFixedTime(new Date(c.now));
      const answers = { ...SC001.answers, region: c.region, time_zone: c.zone };
      const expected = engineOutcome(answers, c.now);
      expect(expected.notices.includes('ClockLooksWrong'), 'the engine judges the clock as the case says').toBe(!!c.wrong);

      await page.goto(journeyUrl(SC001.journey, 'result', answers));
      await expect(h1(page)).toHaveText(RESULT_TITLE);
      await resultComplete(page, EN);
      await expect(page.getByText(EN.result.notice_clock, { exact: true })).toHaveCount(c.wrong ? 1 : 0);

      const by = expected.response?.contact_by;
      expect(by, 'the engine gives a contact-by instant').toBeTruthy();
      await expectContactBy(page, by, c.zone);
    });
  });
}

test.describe('a device clock beyond what chrono can hold', () => {
  test.use({ locale: 'en-GB', timezoneId: SC001.timezoneId });

  for (const [name, ms] of [['the last instant JavaScript can hold (year 275760)', 8.64e15], ['the first (271821 BC)', -8.64e15]]) {
    test(`${name}: a wrong clock, not an error page`, async ({ page }) => {
      await page.clock.setFixedTime(new Date(ms));
      await page.goto(journeyUrl(SC001.journey, 'result', SC001.answers));
      await expect(h1(page)).toHaveText(RESULT_TITLE);
      await resultComplete(page, EN);
      await expect(page.getByText(EN.result.notice_clock, { exact: true })).toHaveCount(1);
    });
  }
});
