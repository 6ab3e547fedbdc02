// Accessible behaviour, found by role and checked in every interface language (texts from the
// catalogues, never hard-coded English):
//
// * focus: Continue, the Back link, the browser's Back button and the way to the result each put
//   focus on the new page's h1, so reading starts at the new content;
// * the error summary (GOV.UK pattern): an alert that takes focus, links to the field, and the
//   field is described by the (translated) error message and, for inputs, marked invalid;
// * the result is announced once, through the app's own live region, which exists (empty) before
//   it arrives; the answer on the page refreshes silently (its deadline moves every minute);
// * every page's <title> is its heading and the app's name (WCAG 2.4.2);
// * the kiosk's "Are you still there?" alertdialog: named and described, focus inside, Escape and
//   Continue close it and give focus back (kiosk.spec.mjs covers its timing, focus trap and reset
//   in English).
// wizard.spec.mjs checks the English flow of these in more detail; this file makes sure no
// language loses them.
import { test, expect } from './fixtures.mjs';
import { LANGUAGES, catalogue, pageCover } from './a11y-helpers.mjs';
import { SC001, journeyUrl, resultHeading } from './wizard-helpers.mjs';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cover = pageCover();
/** The deep link of the cover's page for `question` in `journey` (the answers it needs). */
function questionPage(journey, question) {
  const p = cover.pages.find((x) => x.journey === journey && x.question === question);
  if (!p) throw new Error(`the page cover has no ${journey} page for ${question}`);
  return p.query;
}

test.use({ locale: 'en-GB', timezoneId: SC001.timezoneId, serviceWorkers: 'block' });

for (const lang of LANGUAGES) {
  const T = catalogue(lang);
  const h1 = (page) => page.getByRole('heading', { level: 1 });
  const group = (page, q) => page.getByRole('group', { name: T.q[q].title, exact: true });
  const radio = (page, q, option) => group(page, q).getByRole('radio', { name: T.q[q].options[option], exact: true });
  const continueButton = (page) => page.getByRole('button', { name: T.wizard.continue_button, exact: true });
  // The link text is the word; a chevron before it comes from the style sheet.
  const backLink = (page) => page.getByRole('link', { name: new RegExp(`^\\W*${escape(T.wizard.back)}$`) });
  const errorText = new RegExp(escape(`${T.a11y.error_prefix} ${T.wizard.error_required}`));

  test.describe(`${lang}`, () => {
    test('focus moves to the new page\'s h1: Continue, Back link, browser Back, the result and back', async ({ page }) => {
      await page.clock.setFixedTime(new Date(SC001.now));
      await page.goto(`/?lang=${lang}`);
      await page.getByRole('link', { name: T.journeys.open_request.title, exact: true }).click();
      await expect(h1(page)).toHaveText(T.q.product.title);
      await expect(h1(page)).toBeFocused();

      await group(page, 'product').getByText(T.q.product.options.ce_app, { exact: true }).click();
      await continueButton(page).click();
      await expect(h1(page)).toHaveText(T.q.help_kind.title);
      await expect(h1(page)).toBeFocused();

      await backLink(page).click();
      await expect(h1(page)).toHaveText(T.q.product.title);
      await expect(h1(page)).toBeFocused();
      await expect(radio(page, 'product', 'ce_app')).toBeChecked();

      // By keyboard this time: Enter on Continue, Space on a radio.
      await continueButton(page).focus();
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText(T.q.help_kind.title);
      await expect(h1(page)).toBeFocused();
      await radio(page, 'help_kind', 'problem').focus();
      await page.keyboard.press('Space');
      await expect(radio(page, 'help_kind', 'problem')).toBeChecked();
      await continueButton(page).focus();
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText(T.q.issue.title);
      await expect(h1(page)).toBeFocused();

      await page.goBack();
      await expect(h1(page)).toHaveText(T.q.help_kind.title);
      await expect(h1(page)).toBeFocused();

      // Check your answers (deep link: no focus move on a fresh page), then the result and back.
      await page.goto(`${journeyUrl(SC001.journey, 'check', SC001.answers)}&lang=${lang}`);
      await expect(h1(page)).toHaveText(T.wizard.check_title);
      await page.getByRole('link', { name: T.wizard.see_result, exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText(resultHeading(T));
      await expect(h1(page)).toBeFocused();
      await backLink(page).click();
      await expect(h1(page)).toHaveText(T.wizard.check_title);
      await expect(h1(page)).toBeFocused();
    });

    test('Continue without an answer: a focused error summary linking to the field, which describes the error', async ({ page }) => {
      // A choice question: the summary links to the first radio; the fieldset carries the message.
      await page.goto(`/?j=open-request&lang=${lang}`);
      await expect(h1(page)).toHaveText(T.q.product.title);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await continueButton(page).click();
      const summary = page.getByRole('alert');
      await expect(summary).toHaveAccessibleName(T.wizard.error_summary_title);
      await expect(summary).toBeFocused();
      await expect(h1(page), 'still the same question').toHaveText(T.q.product.title);
      await expect(group(page, 'product')).toHaveAccessibleDescription(errorText);
      await summary.getByRole('link', { name: T.wizard.error_required, exact: true }).click();
      await expect(radio(page, 'product', Object.keys(T.q.product.options)[0])).toBeFocused();

      // A text field (a date in two languages, a count in the others): the field itself is
      // described by the message and marked invalid, until it is answered.
      const [journey, question, value] = ['en', 'nb'].includes(lang)
        ? ['on-premises', 'activation_date', '2025-01-20']
        : ['on-premises', 'incidents_left', '3'];
      await page.goto(`${questionPage(journey, question)}&lang=${lang}`);
      const field = page.getByLabel(T.q[question].title, { exact: true });
      await expect(field).toBeVisible();
      await expect(field).not.toHaveAttribute('aria-invalid', /.*/);
      await continueButton(page).click();
      await expect(page.getByRole('alert')).toBeFocused();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      // Each kind of field says what to enter: a date, or a number.
      const fieldMessage = question === 'activation_date' ? T.wizard.error_enter_date : T.wizard.error_enter_number;
      await expect(field).toHaveAccessibleDescription(new RegExp(escape(`${T.a11y.error_prefix} ${fieldMessage}`)));
      await page.getByRole('alert').getByRole('link', { name: fieldMessage, exact: true }).click();
      await expect(field).toBeFocused();
      await field.fill(value);
      await continueButton(page).click();
      await expect(h1(page)).not.toHaveText(T.q[question].title);
      await expect(page.getByRole('alert')).toHaveCount(0);
    });

    test('the answer is announced once; "expect contact by" is refreshed every minute without being announced again', async ({ page }) => {
      // Records what live regions say: a live region whose text changes to something non-empty
      // (a region arriving already full is not announced by screen readers, so its first text
      // is only noted).
      await page.addInitScript(() => {
        window.__spoken = [];
        const seen = new WeakMap();
        const live = '[aria-live]:not([aria-live="off"]), [role=status]:not([aria-live="off"]), [role=alert], [role=log]';
        new MutationObserver(() => {
          for (const region of document.querySelectorAll(live)) {
            const text = region.textContent.trim();
            const before = seen.get(region);
            seen.set(region, text);
            if (text && before !== undefined && before !== text) window.__spoken.push(text);
          }
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      // Tuesday 10:00 in Los Angeles: support is open, so the deadline moves with every minute.
      await page.clock.install({ time: new Date(SC001.now) });
      await page.goto(`${journeyUrl(SC001.journey, 'check', SC001.answers)}&lang=${lang}`);
      await expect(h1(page)).toHaveText(T.wizard.check_title);
      await page.getByRole('link', { name: T.wizard.see_result, exact: true }).click();
      await expect(h1(page)).toHaveText(resultHeading(T));
      // The decision says when to expect contact ("Expect contact by Tue 4 Feb, 14:00.").
      const decision = page.locator('h1 .decision__text');
      const spokenWith = (text) => page.evaluate((t) => window.__spoken.filter((s) => s.includes(t)), text);
      await expect.poll(() => spokenWith(`${T.result.title}. `)).toHaveLength(1);
      const first = await decision.textContent();
      // Three minutes later the deadline on screen has moved on, and nothing was said again.
      await page.clock.runFor(3 * 60_000);
      await expect(decision).not.toHaveText(first);
      expect(await spokenWith(`${T.result.title}. `)).toHaveLength(1);
    });

    test('focus reaches the first question\'s h1 even when its policy texts arrive late', async ({ page }) => {
      // Hold the content pack back until the journey page has shown its status line (a gate the
      // test opens, not a delay that a slow machine could outrun or a fast one wait out).
      let release;
      const released = new Promise((resolve) => { release = resolve; });
      await page.route('**/content/*.txt', async (route) => {
        await released;
        await route.continue();
      });
      await page.goto(`/?lang=${lang}`);
      await expect(h1(page)).toHaveText(T.start.title);
      await page.getByRole('link', { name: T.journeys.open_request.title, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: T.policy_text.loading })).toHaveCount(1);
      release();
      await expect(h1(page)).toHaveText(T.q.product.title);
      await expect(h1(page)).toBeFocused();
    });

    test('the result is announced by the app\'s live region, which is there (empty) before the result arrives', async ({ page }) => {
      await page.clock.setFixedTime(new Date(SC001.now));
      await page.goto(`${journeyUrl(SC001.journey, 'check', SC001.answers)}&lang=${lang}`);
      await expect(h1(page)).toHaveText(T.wizard.check_title);
      // Screen readers announce changes to a live region that already exists, not a new one.
      await expect(page.getByRole('status').filter({ hasText: /^$/ })).not.toHaveCount(0);
      await page.getByRole('link', { name: T.wizard.see_result, exact: true }).click();
      await expect(h1(page)).toHaveText(resultHeading(T));
      const announced = page.getByRole('status').filter({ hasText: new RegExp(`^${escape(T.result.title)}\\. `) });
      await expect(announced).toHaveCount(1);
      for (const text of [T.routes.ppac.action, T.slot.severity.b]) {
        await expect(announced).toContainText(text);
      }
      // Leaving the result empties it, so coming back announces the answer again.
      await backLink(page).click();
      await expect(h1(page)).toHaveText(T.wizard.check_title);
      await expect(announced).toHaveCount(0);
    });

    test('every page has its own title: the page\'s heading, then the app\'s name', async ({ page }) => {
      await page.clock.setFixedTime(new Date(SC001.now));
      await page.goto(`/?lang=${lang}`);
      await expect(h1(page)).toHaveText(T.start.title);
      await expect(page).toHaveTitle(T.app_name);
      await page.goto(`/?j=open-request&lang=${lang}`);
      await expect(h1(page)).toHaveText(T.q.product.title);
      await expect(page).toHaveTitle(`${T.q.product.title} – ${T.app_name}`);
      await page.goto(`${journeyUrl(SC001.journey, 'check', SC001.answers)}&lang=${lang}`);
      await expect(page).toHaveTitle(`${T.wizard.check_title} – ${T.app_name}`);
      await page.getByRole('link', { name: T.wizard.see_result, exact: true }).click();
      await expect(page).toHaveTitle(`${T.result.title} – ${T.app_name}`);
    });

    test('kiosk: "Are you still there?" is an alertdialog, named and described, focus inside; Escape and Continue give focus back', async ({ page }) => {
      await page.clock.install({ time: new Date(SC001.now) });
      await page.goto(`/?kiosk=1&idle=30&lang=${lang}&j=open-request`);
      await expect(h1(page)).toHaveText(T.q.product.title);
      await group(page, 'product').getByText(T.q.product.options.ce_app, { exact: true }).click();
      const chosen = radio(page, 'product', 'ce_app');
      await expect(chosen).toBeFocused();

      const dialog = page.getByRole('alertdialog', { name: T.kiosk.idle_title, exact: true });
      const keep = dialog.getByRole('button', { name: T.kiosk.idle_continue, exact: true });
      await page.clock.fastForward(31_000);
      await expect(dialog).toBeVisible();
      await expect(dialog).toHaveAccessibleDescription(new RegExp(escape(T.kiosk.idle_text)));
      await expect(keep).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await expect(chosen).toBeFocused();

      await page.clock.fastForward(31_000);
      await expect(dialog).toBeVisible();
      await expect(keep).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(dialog).toHaveCount(0);
      await expect(chosen).toBeFocused();
      await expect(chosen).toBeChecked();
      await expect(h1(page)).toHaveText(T.q.product.title);
    });
  });
}
