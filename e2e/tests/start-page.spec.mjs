// The start page: the seven journeys, keyboard navigation, languages, bad links, accessibility.
import { test, expect, expectAccessible, hasHorizontalOverflow } from './fixtures.mjs';
import { EN, BACK } from './wizard-helpers.mjs';
import { catalogue } from './catalogue.mjs';


const JOURNEYS = [
  'Open a support request',
  'Is my issue covered?',
  'Compare plans',
  'When can I get help in my language?',
  'On-premises, pay-per-incident and partner benefits',
  'Can I reopen my incident?',
  'Billing, licensing and subscription management',
];

test.use({ locale: 'en-GB' });

test('start page lists the seven journeys and passes axe', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get the right support for Dynamics 365 and Power Platform');
  for (const name of JOURNEYS) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, 'start page');
});

test('a journey can be opened with the keyboard only, and Back returns', async ({ page }) => {
  await page.goto('./');
  const target = page.getByRole('link', { name: 'Compare plans', exact: true });
  // Tab through the page until the journey link has focus, as a keyboard user would.
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');

  // The journey starts with its first question, which receives the focus.
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(EN.q.product.title);
  await expect(h1).toBeFocused();
  await expect(page).toHaveURL(/[?&]j=compare-plans/);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get the right support for Dynamics 365 and Power Platform');
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(EN.q.product.title);
});

// Each journey link leads to the journey's first question (one question per page).
const FIRST_QUESTIONS = {
  'Open a support request': 'product',
  'Is my issue covered?': 'product',
  'Compare plans': 'product',
  'When can I get help in my language?': 'time_zone',
  'On-premises, pay-per-incident and partner benefits': 'product',
  'Can I reopen my incident?': 'product',
  'Billing, licensing and subscription management': 'product',
};

test('every journey link leads to its first question page, which passes axe', async ({ page }) => {
  test.slow(); // seven journeys, each checked by axe
  const slugs = ['open-request', 'coverage', 'compare-plans', 'language-hours', 'on-premises', 'reopen', 'billing'];
  for (const [i, name] of JOURNEYS.entries()) {
    await page.goto('./');
    await page.getByRole('link', { name, exact: true }).click();
    const question = EN.q[FIRST_QUESTIONS[name]];
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question.title);
    await expect(page).toHaveURL(new RegExp(`[?&]j=${slugs[i]}(&|$)`));
    // A choice is a group of radios; the time zone is a list.
    const control = question.options ? page.getByRole('group', { name: question.title, exact: true })
      : page.getByRole('combobox', { name: question.title, exact: true });
    await expect(control).toBeVisible();
    // The part of the journey the question belongs to, named above it (no count to change).
    const stages = Object.entries(EN.wizard).filter(([k]) => k.startsWith('stage_')).map(([, v]) => v);
    await expect(page.locator('p.progress')).toHaveText(new RegExp(`^(${stages.join('|')})$`));
    await expect(page.getByRole('button', { name: EN.wizard.continue_button, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: BACK, exact: true })).toBeVisible();
    await expectAccessible(page, `first question of ${slugs[i]}`);
    // The same page by deep link.
    await page.goto(`./?j=${slugs[i]}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question.title);
  }
});

test('the language switcher translates the page, keeps the page and sets <html lang>', async ({ page }) => {
  // The reopen journey opens on its first question (the product), in the chosen language.
  await page.goto('./?j=reopen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(EN.q.product.title);
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogue('nl').q.product.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page).toHaveURL(/lang=nl/);
  await expect(page).toHaveURL(/j=reopen/);
  await expectAccessible(page, 'Dutch journey page');

  await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'Norsk bokmål' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogue('nb').q.product.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');

  await page.getByRole('navigation', { name: 'Språk' }).getByRole('link', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogue('id').q.product.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
});

test('the lang link parameter wins over the browser language', async ({ page }) => {
  await page.goto('./?lang=id');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dapatkan dukungan yang tepat untuk Dynamics 365 dan Power Platform');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expectAccessible(page, 'Indonesian start page');
});

test.describe('browser language', () => {
  test.use({ locale: 'nb-NO' });
  test('is used when the link names none', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Få riktig støtte for Dynamics 365 og Power Platform');
  });
});

test('a link to an unknown page or language explains itself and shows the start page', async ({ page }) => {
  await page.goto('./?j=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&lang=xx');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get the right support for Dynamics 365 and Power Platform');
  await expect(page.getByText('The link you followed points to a page we do not know.')).toBeVisible();
  await expect(page.getByText('The language in the link is not available.')).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
  await expectAccessible(page, 'start page with notices');
});

test('no horizontal scrolling at 320 px or at 200 % zoom', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('./?j=on-premises');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await hasHorizontalOverflow(page)).toBe(false);
  await page.goto('./');
  expect(await hasHorizontalOverflow(page)).toBe(false);
  // 200 % zoom of a 1280 px window is a 640 px CSS viewport with the same content.
  await page.setViewportSize({ width: 640, height: 400 });
  expect(await hasHorizontalOverflow(page)).toBe(false);
});

test('the skip link is the first tab stop and moves to the main content', async ({ page }) => {
  await page.goto('./');
  // Wait for the app to render (the wasm module may still be starting after the load event).
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
