// The whole app in English, Dutch, Norwegian Bokmål and Indonesian: journeys 1 and 4 walked to
// the result in each language by what a visitor of that language reads, axe on every page; a
// language switch in the middle of a journey keeps the answers and the step; the choice made with
// the switcher is remembered; and the pseudo-locale (30 % longer, accented) never overflows 320 px.
import { test, expect, expectAccessible, hasHorizontalOverflow } from './fixtures.mjs';
import { catalogue } from './catalogue.mjs';
import {
  SC001, zoneLabel, instantText, resultComplete, resultHeading, expectResultShows, expectContactBy, windowText,
} from './wizard-helpers.mjs';

const LANGUAGES = ['en', 'nl', 'nb', 'id'];
const ENDONYM = { en: 'English', nl: 'Nederlands', nb: 'Norsk bokmål', id: 'Bahasa Indonesia' };
const LA = 'America/Los_Angeles';

/** Journey 4 (language-hours), as in wizard.spec.mjs: English in North America, Tuesday 10:00 PST. */
const JOURNEY4 = {
  journey: 'language-hours',
  now: '2025-02-04T10:00:00-08:00',
  answers: { impact: 'moderate', region: 'north_america', time_zone: LA, language: 'english' },
};

/** A walker that reads the page in one language, by roles and visible labels. */
function walker(page, lang) {
  const T = catalogue(lang);
  const h1 = () => page.getByRole('heading', { level: 1 });
  const questionByTitle = new Map(Object.entries(T.q).map(([id, q]) => [q.title, id]));
  const group = (q) => page.getByRole('group', { name: T.q[q].title, exact: true });
  return {
    T,
    h1,
    async currentQuestion() {
      await expect(h1()).toBeVisible();
      return questionByTitle.get((await h1().textContent()).trim()) ?? null;
    },
    async answer(q, value) {
      if (T.q[q].options) {
        await group(q).getByText(T.q[q].options[value], { exact: true }).click();
        await expect(group(q).getByRole('radio', { name: T.q[q].options[value], exact: true })).toBeChecked();
      } else if (q === 'time_zone') {
        await page.getByLabel(T.q[q].title, { exact: true }).selectOption({ label: zoneLabel(value, lang) });
      } else {
        await page.getByLabel(T.q[q].title, { exact: true }).fill(String(value));
      }
    },
    async pressContinue() {
      const before = (await h1().textContent()).trim();
      await page.getByRole('button', { name: T.wizard.continue_button, exact: true }).click();
      await expect(h1()).not.toHaveText(before);
    },
    /** Answers every question to "Check your answers", axe on each page; returns the ids asked. */
    async answerAll(answers) {
      const asked = [];
      for (let i = 0; i < 40; i += 1) {
        const q = await this.currentQuestion();
        if (q === null) {
          await expect(h1()).toHaveText(T.wizard.check_title);
          return asked;
        }
        expect(Object.keys(answers), `${lang}: an answer for the question asked`).toContain(q);
        await expectAccessible(page, `${lang} question page "${q}"`);
        await this.answer(q, answers[q]);
        await this.pressContinue();
        asked.push(q);
      }
      throw new Error(`${lang}: the journey never reached "Check your answers"`);
    },
    async seeResult() {
      await page.getByRole('link', { name: T.wizard.see_result, exact: true }).click();
      await expect(h1()).toHaveText(resultHeading(T));
      await resultComplete(page, T);
    },
  };
}

for (const lang of LANGUAGES) {
  test.describe(`in ${ENDONYM[lang]}`, () => {
    test.use({ locale: lang === 'en' ? 'en-GB' : lang, timezoneId: LA });

    test(`journey 1 (open a request) to the result, axe on every page`, async ({ page }) => {
      test.slow();
      const w = walker(page, lang);
      await page.clock.setFixedTime(new Date(SC001.now));
      await page.goto(`/?lang=${lang}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
      await page.getByRole('link', { name: w.T.journeys.open_request.title, exact: true }).click();
      await w.answerAll(SC001.answers);
      await expectAccessible(page, `${lang} check page`);
      await w.seeResult();
      await expectAccessible(page, `${lang} result of journey 1`);

      // The decision, in this language: where, which severity, when.
      await expectResultShows(page, {
        [w.T.result.go_to]: w.T.slot.route.ppac,
        [w.T.result.severity_label]: w.T.slot.severity.b,
      }, w.T);
      await expectContactBy(page, '2025-02-04T14:00:00-08:00', LA, lang);
      // "Why this answer" lists the rules that fired, explained in this language.
      await page.getByText(w.T.page.staff_title, { exact: true }).click();
      await expect(page.getByText(w.T.rules['PORTAL-1'], { exact: true })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // Nothing on the result is marked as being in another language.
      await expect(page.locator('main [lang]:not([lang="' + lang + '"])')).toHaveCount(0);
    });

    test(`journey 4 (language and hours) to the result, axe on every page`, async ({ page }) => {
      test.slow();
      const w = walker(page, lang);
      await page.clock.setFixedTime(new Date(JOURNEY4.now));
      await page.goto(`/?lang=${lang}`);
      await page.getByRole('link', { name: w.T.journeys.language_hours.title, exact: true }).click();
      await w.answerAll(JOURNEY4.answers);
      await expectAccessible(page, `${lang} check page of journey 4`);
      await w.seeResult();
      await expectAccessible(page, `${lang} result of journey 4`);
      await expectResultShows(page, { [w.T.result.language_label]: w.T.slot.language_now.english }, w.T);
      const clock = page.getByRole('region', { name: w.T.result.clock_title });
      await expect(clock.getByRole('status')).toHaveText(w.T.result.open_now);
      // This week's support windows, written the way this language writes dates and times.
      await expect(clock.getByRole('listitem').filter({
        hasText: windowText('2025-02-04T06:00:00-08:00', '2025-02-04T18:00:00-08:00', LA, lang, '2025-02-07T06:00:00-08:00'),
      })).toHaveCount(1);
    });
  });
}

test('switching language in the middle of a journey keeps the answers and the step', async ({ page }) => {
  const en = walker(page, 'en');
  await page.clock.setFixedTime(new Date(SC001.now));
  await page.goto('/?lang=en');
  await page.getByRole('link', { name: en.T.journeys.open_request.title, exact: true }).click();
  // Answer the first three questions in English.
  for (let i = 0; i < 3; i += 1) {
    const q = await en.currentQuestion();
    await en.answer(q, SC001.answers[q]);
    await en.pressContinue();
  }
  const step = await en.currentQuestion();
  const urlBefore = new URL(page.url());

  await page.getByRole('navigation', { name: en.T.language_nav_label }).getByRole('link', { name: 'Nederlands' }).click();
  const nl = walker(page, 'nl');
  await expect(nl.h1()).toHaveText(nl.T.q[step].title);
  const urlAfter = new URL(page.url());
  for (const [key, value] of urlBefore.searchParams) {
    if (key !== 'lang') expect(urlAfter.searchParams.get(key), `answer ${key} kept`).toBe(value);
  }
  expect(urlAfter.searchParams.get('lang')).toBe('nl');

  // Back goes to the previous question with its answer still selected, now in Dutch.
  // The link's name includes the "‹ " the style sheet draws before it.
  await page.getByRole('link', { name: `‹ ${nl.T.wizard.back}`, exact: true }).click();
  const previous = await nl.currentQuestion();
  const group = page.getByRole('group', { name: nl.T.q[previous].title, exact: true });
  await expect(group.getByRole('radio', { name: nl.T.q[previous].options[SC001.answers[previous]], exact: true })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test('the language chosen with the switcher is used on the next visit without a lang parameter', async ({ page, context }) => {
  const en = catalogue('en');
  await page.goto('/');
  await page.getByRole('navigation', { name: en.language_nav_label }).getByRole('link', { name: 'Bahasa Indonesia' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');

  const later = await context.newPage();
  await later.goto('/');
  await expect(later.locator('html')).toHaveAttribute('lang', 'id');
  await expect(later.getByRole('heading', { level: 1 })).toHaveText(catalogue('id').start.title);
  // A lang parameter still wins over the saved choice.
  await later.goto('/?lang=nb');
  await expect(later.locator('html')).toHaveAttribute('lang', 'nb');
  await later.close();
});

test('a saved choice that is not a language we speak is ignored', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('support-navigator.v1.language', '<img src=x onerror=alert(1)>'));
  page.on('dialog', () => { throw new Error('a dialog opened'); });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('status').filter({ hasText: catalogue('en').wizard.storage_set_aside })).toHaveCount(1);
});

test.describe('pseudo-locale en-XA at 320 px', () => {
  test.use({ viewport: { width: 320, height: 800 }, timezoneId: LA });

  test('journeys 1 and 4: no page overflows horizontally and no text escaped translation', async ({ page }) => {
    test.slow();
    await page.clock.setFixedTime(new Date(SC001.now));
    // Every interface and policy text is bracketed ⟦…⟧ in the pseudo-locale; the longest ones
    // decide whether anything overflows. Only ids, numbers and dates may appear unbracketed.
    const checkPage = async (what) => {
      expect(await hasHorizontalOverflow(page), `${what}: no horizontal scrolling at 320 px`).toBe(false);
      const h1 = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
      expect(h1, `${what}: heading is pseudo-localised`).toMatch(/^⟦.*⟧$/);
    };
    for (const [journey, answers] of [['open-request', SC001.answers], ['language-hours', JOURNEY4.answers]]) {
      await page.goto('/?lang=en-XA');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
      await checkPage('start page');
      await page.goto(`/?lang=en-XA&j=${journey}`);
      for (let i = 0; i < 40; i += 1) {
        const h1 = page.getByRole('heading', { level: 1 });
        await expect(h1).toBeVisible();
        await checkPage(`${journey} page ${i + 1}`);
        const continueButton = page.getByRole('button', { name: /^⟦Çöñtíñüé/ });
        if (!(await continueButton.count())) break;
        // Answer the question on screen through the URL-independent controls: pick the option
        // whose value the walk wants (the pseudo labels are derived from English).
        const en = catalogue('en');
        const title = (await h1.textContent()).trim();
        const q = Object.keys(en.q).find((id) => title.includes(pseudoStart(en.q[id].title)));
        expect(q, `question recognised from "${title}"`).toBeTruthy();
        const value = answers[q];
        if (en.q[q].options) {
          await page.getByRole('radio', { name: new RegExp(`^⟦${escape(pseudoStart(en.q[q].options[value]))}`) }).check();
        } else if (q === 'time_zone') {
          await page.getByRole('combobox').selectOption({ label: zoneLabel(value, 'en-XA') });
        } else {
          await page.getByRole('textbox').fill(String(value));
        }
        const before = title;
        await continueButton.click();
        await expect(h1).not.toHaveText(before);
      }
      await page.getByRole('link', { name: /^⟦Séé/ }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^⟦Yöür/);
      await checkPage(`${journey} result`);
      await expectAccessible(page, `${journey} result in the pseudo-locale`);
    }
  });
});

/** The first few pseudo-localised characters of an English text (enough to recognise it). */
function pseudoStart(text) {
  const map = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', c: 'ç', n: 'ñ', y: 'ý', A: 'Å', E: 'É', I: 'Î', O: 'Ø', U: 'Û', C: 'Ç', N: 'Ñ' };
  return [...text.slice(0, 18)].map((c) => map[c] ?? c).join('');
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
