// The live clock of "When can I get help in my language?": "Open now" / "Opens in 3 h 05 min", computed
// from the browser clock (Playwright's clock API controls it) and refreshed every 30 seconds.
import { test, expect, expectAccessible } from './fixtures.mjs';
import {
  EN, RESULT_TITLE, JOURNEY_TITLES, h1, answerAll, seeResult, windowText, journeyUrl,
} from './wizard-helpers.mjs';

/** "Opens in 3 h 05 min", from "3:05". */
const opensIn = (hhmm) => {
  const [h, mm] = hhmm.split(':');
  return EN.result.opens_in.replace('{h}', String(Number(h))).replace('{mm}', mm);
};
const clockStatus = (page) =>
  page.getByRole('region', { name: EN.result.clock_title }).getByRole('status');
const windows = (page) => page.getByRole('region', { name: EN.result.clock_title }).getByRole('listitem');

const answersFor = (region, zone) => ({ impact: 'moderate', region, time_zone: zone, language: 'english' });

test.describe('North America, America/Los_Angeles', () => {
  const LA = 'America/Los_Angeles';
  test.use({ locale: 'en-GB', timezoneId: LA });

  test('Friday 17:59 PST is open; when the clock passes 18:00 the page says "Opens in 60:00"', async ({ page }) => {
    // Time stands still at 17:59:00 while the wizard is walked, then runs on only when told.
    await page.clock.install({ time: new Date('2025-02-07T17:58:00-08:00') });
    await page.clock.pauseAt(new Date('2025-02-07T17:59:00-08:00'));
    await page.goto('/');
    await page.getByRole('link', { name: JOURNEY_TITLES['language-hours'], exact: true }).click();
    await answerAll(page, answersFor('north_america', LA));
    await seeResult(page);
    await expect(clockStatus(page)).toHaveText(EN.result.open_now);
    await expect(page.getByRole('heading', { name: EN.result.week_title })).toBeVisible();

    // The page refreshes itself every 30 s: one minute later it is 18:00:00 and closed until
    // Monday 06:00, 60 hours away. No reload, no click.
    await page.clock.runFor(60_000);
    await expect(clockStatus(page)).toHaveText(opensIn('60:00'));
    await expect(windows(page).first()).toHaveText(
      windowText('2025-02-10T06:00:00-08:00', '2025-02-10T18:00:00-08:00', LA, 'en', '2025-02-14T06:00:00-08:00'),
    );
    // Another half hour: the countdown follows.
    await page.clock.runFor(30 * 60_000);
    await expect(clockStatus(page)).toHaveText(opensIn('59:30'));
    // axe needs running timers.
    await page.clock.resume();
    await expectAccessible(page, 'language clock, closed');
  });

  test('a reload at 18:00:00 (fixed time) also says "Opens in 60:00"', async ({ page }) => {
    const url = journeyUrl('language-hours', 'result', answersFor('north_america', LA));
    await page.clock.setFixedTime(new Date('2025-02-07T17:59:00-08:00'));
    await page.goto(url);
    await expect(h1(page)).toHaveText(RESULT_TITLE);
    await expect(clockStatus(page)).toHaveText(EN.result.open_now);
    await expectAccessible(page, 'language clock, open');
    await page.clock.setFixedTime(new Date('2025-02-07T18:00:00-08:00'));
    await page.reload();
    await expect(clockStatus(page)).toHaveText(opensIn('60:00'));
  });

  test('Saturday 2025-03-08 12:00 PST: Monday 06:00 PDT is 41 real hours away (DST starts in between)', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2025-03-08T12:00:00-08:00'));
    await page.goto(journeyUrl('language-hours', 'result', answersFor('north_america', LA)));
    await expect(clockStatus(page)).toHaveText(opensIn('41:00'));
    await expect(windows(page).first()).toHaveText(
      windowText('2025-03-10T06:00:00-07:00', '2025-03-10T18:00:00-07:00', LA, 'en', '2025-03-14T06:00:00-07:00'),
    );
  });
});

test.describe('Japan, Asia/Tokyo', () => {
  const TOKYO = 'Asia/Tokyo';
  test.use({ locale: 'en-GB', timezoneId: TOKYO });

  test('Wednesday 17:29 JST is open; at 17:30 the page says "Opens in 15:30"', async ({ page }) => {
    await page.clock.install({ time: new Date('2025-02-05T17:28:00+09:00') });
    await page.clock.pauseAt(new Date('2025-02-05T17:29:00+09:00'));
    await page.goto(journeyUrl('language-hours', 'result', answersFor('japan', TOKYO)));
    await expect(h1(page)).toHaveText(RESULT_TITLE);
    await expect(clockStatus(page)).toHaveText(EN.result.open_now);
    await page.clock.runFor(60_000);
    await expect(clockStatus(page)).toHaveText(opensIn('15:30'));

    // The same instant after a reload with a fixed clock.
    await page.clock.setFixedTime(new Date('2025-02-05T17:30:00+09:00'));
    await page.reload();
    await expect(clockStatus(page)).toHaveText(opensIn('15:30'));
    await expect(windows(page).first()).toHaveText(windowText('2025-02-06T09:00:00+09:00', '2025-02-06T17:30:00+09:00', TOKYO, 'en', '2025-02-07T09:00:00+09:00'));
    await page.clock.resume(); // axe needs running timers
    await expectAccessible(page, 'language clock in Japan');
  });
});
