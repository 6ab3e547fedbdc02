// A build whose rules are older than its limit (build.rs: the build's day, from the last
// commit's time, and SUPPORT_NAVIGATOR_RULES_MAX_AGE_DAYS, default 180) says so on every page,
// with the day the rules were built: a cached or abandoned deployment must not look current.
import { test, expect } from './fixtures.mjs';
import { EN, h1, START_TITLE, dateText } from './wizard-helpers.mjs';

const MAX_AGE_DAYS = Number(process.env.SUPPORT_NAVIGATOR_RULES_MAX_AGE_DAYS || 180);
/** The notice's text, with the build's day when the test knows it (scripts/env.sh sets it). */
function noticeText() {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const built = Number.isFinite(epoch) && epoch > 0
    ? dateText(new Date(epoch * 1000).toISOString().slice(0, 10))
    : null;
  const [before, after] = EN.wizard.rules_old.replace('{days}', String(MAX_AGE_DAYS)).split('{date}');
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escape(before)}${built ? escape(built) : '.+'}${escape(after)}$`);
}

test.use({ locale: 'en-GB', timezoneId: 'UTC' });

/** The build's day as scripts/env.sh set it for the build (the last commit's time), if known. */
const BUILT_MS = Number(process.env.SOURCE_DATE_EPOCH) * 1000;

test('rules within their age limit show no notice', async ({ page }) => {
  // The day after the build (when the test knows it): a clone tested long after its last commit
  // must still pass.
  if (Number.isFinite(BUILT_MS) && BUILT_MS > 0) await page.clock.setFixedTime(new Date(BUILT_MS + 86_400_000));
  await page.goto('/');
  await expect(h1(page)).toHaveText(START_TITLE);
  await expect(page.getByText(EN.wizard.rules_old.split('{date}')[0])).toHaveCount(0);
});

test('rules past their age limit say when they were built, on the start page and in a journey', async ({ page }) => {
  // A device clock in 2099: far past any build's limit, still a clock the engine trusts.
  await page.clock.setFixedTime(new Date('2099-06-01T12:00:00Z'));
  await page.goto('/');
  await expect(h1(page)).toHaveText(START_TITLE);
  const notice = page.getByRole('status').filter({ hasText: EN.wizard.rules_old.split('{date}')[0] });
  await expect(notice).toHaveText(noticeText());
  await page.goto('/?j=open-request');
  await expect(h1(page)).toHaveText(EN.q.product.title);
  await expect(notice).toHaveText(noticeText());
});
